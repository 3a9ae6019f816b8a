"""RSS and Atom feeds: well-formed XML, in the URL's language, without drafts."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from core.models import PublicationStatus
from kenitra_portal.syndication import FEEDS
from tests.factories import (
    MeetingFactory,
    ProjectFactory,
    ProjectUpdateFactory,
    ProposalFactory,
    WorkshopFactory,
)

ATOM = "{http://www.w3.org/2005/Atom}"
DRAFT = {"publication_status": PublicationStatus.DRAFT}
NOW = timezone.now()


def parse_xml(response):
    return ET.fromstring(response.content)  # noqa: S314 - the portal's own output


def feed_url(name, language="ar"):
    with translation.override(language):
        return reverse(name)


def rss_items(client, name, language="ar"):
    response = client.get(feed_url(name, language))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = parse_xml(response).find("channel")
    assert channel.findtext("language") == language
    return [
        {"title": item.findtext("title"), "link": item.findtext("link")}
        for item in channel.findall("item")
    ]


def atom_entries(client, name, language="ar"):
    response = client.get(feed_url(name, language))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = parse_xml(response)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]


def test_feed_urls_are_per_language():
    assert feed_url("meetings_feed") == "/ar/feeds/meetings.rss"
    assert feed_url("meetings_feed_atom", "fr") == "/fr/feeds/meetings.atom"
    assert feed_url("project_updates_feed", "en") == "/en/feeds/project-updates.rss"
    assert feed_url("workshops_feed_atom") == "/ar/feeds/workshops.atom"
    assert feed_url("proposal_answers_feed", "fr") == "/fr/feeds/proposal-answers.rss"


@pytest.mark.django_db
def test_meetings_feeds_list_published_meetings_in_the_pages_language(client):
    MeetingFactory(title_ar="لقاء تشاوري", title_fr="Rencontre consultative", slug="m")
    MeetingFactory(title_ar="لقاء في المسودة", slug="draft", **DRAFT)
    assert rss_items(client, "meetings_feed") == [
        {"title": "لقاء تشاوري", "link": "http://testserver/ar/meetings/m/"}
    ]
    assert atom_entries(client, "meetings_feed_atom", "fr") == [
        {"title": "Rencontre consultative", "link": "http://testserver/fr/meetings/m/"}
    ]


@pytest.mark.django_db
def test_meeting_without_a_translation_shows_its_arabic_title(client):
    MeetingFactory(title_ar="لقاء تشاوري", title_fr="", title_en="", slug="m")
    assert rss_items(client, "meetings_feed", "en")[0]["title"] == "لقاء تشاوري"


@pytest.mark.django_db
def test_meeting_item_says_when_and_where(client):
    MeetingFactory(
        title_ar="لقاء",
        start=datetime.datetime(2024, 5, 15, 8, 30, tzinfo=datetime.UTC),
        venue__name_ar="قاعة الندوات",
        summary_ar="ملخص اللقاء",
    )
    response = client.get(feed_url("meetings_feed"))
    description = parse_xml(response).find("channel/item/description")
    # 08:30 UTC is 09:30 in Kenitra (UTC+1 outside Ramadan).
    assert "09:30" in description.text
    assert "قاعة الندوات" in description.text
    assert "ملخص اللقاء" in description.text


@pytest.mark.django_db
def test_project_updates_feeds_hide_drafts_and_updates_of_draft_projects(client):
    project = ProjectFactory(title_ar="متحف رياضي", slug="museum")
    update = ProjectUpdateFactory(project=project, title_ar="بدء الأشغال")
    ProjectUpdateFactory(project=project, title_ar="مسودة", **DRAFT)
    ProjectUpdateFactory(project=ProjectFactory(**DRAFT), title_ar="مشروع مسودة")
    expected = [
        {
            "title": "متحف رياضي: بدء الأشغال",
            "link": f"http://testserver/ar/projects/museum/#update-{update.pk}",
        }
    ]
    assert rss_items(client, "project_updates_feed") == expected
    assert atom_entries(client, "project_updates_feed_atom") == expected


@pytest.mark.django_db
def test_workshops_feeds_list_published_workshops(client):
    WorkshopFactory(title_ar="ورشة الرقمنة", title_fr="Atelier numérique", slug="w")
    WorkshopFactory(title_ar="ورشة في المسودة", **DRAFT)
    assert rss_items(client, "workshops_feed", "fr") == [
        {"title": "Atelier numérique", "link": "http://testserver/fr/workshops/w/"}
    ]
    assert atom_entries(client, "workshops_feed_atom") == [
        {"title": "ورشة الرقمنة", "link": "http://testserver/ar/workshops/w/"}
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [
        "meetings_feed",
        "meetings_feed_atom",
        "project_updates_feed",
        "project_updates_feed_atom",
        "workshops_feed",
        "workshops_feed_atom",
        "proposal_answers_feed",
        "proposal_answers_feed_atom",
    ],
)
def test_text_with_markup_stays_text_in_every_feed(client, name):
    title = 'عنوان <script>alert(1)</script> & "x"'
    project = ProjectFactory(title_ar=title)
    ProjectUpdateFactory(project=project, title_ar=title, text_ar="<b>نص</b>")
    MeetingFactory(title_ar=title, summary_ar="<b>نص</b>")
    WorkshopFactory(title_ar=title, summary_ar="<b>نص</b>")
    ProposalFactory(
        title=title, status="accepted", public_answer_ar="<b>نص</b>", answered_at=NOW
    )
    response = client.get(feed_url(name))
    root = parse_xml(response)
    titles = [element.text for element in root.iter() if element.tag.endswith("title")]
    assert any(title in (text or "") for text in titles)
    assert b"<script>" not in response.content


@pytest.mark.django_db
def test_pages_announce_the_feeds_of_their_language(client):
    html = client.get("/fr/search/").content.decode()
    for url in (
        "/fr/feeds/meetings.rss",
        "/fr/feeds/meetings.atom",
        "/fr/feeds/project-updates.rss",
        "/fr/feeds/workshops.rss",
        "/fr/meetings/calendar.ics",
    ):
        assert f'href="{url}"' in html


ALL_FEEDS = [name for feed in FEEDS for name in (feed.rss, feed.atom)]


@pytest.mark.django_db
@pytest.mark.parametrize("name", [feed.atom for feed in FEEDS])
def test_atom_feeds_name_the_commune_as_author_and_have_their_own_id(client, name):
    MeetingFactory(kind="council")
    ProjectUpdateFactory()
    WorkshopFactory()
    ProposalFactory(status="accepted", public_answer_ar="نعم", answered_at=NOW)
    feed = parse_xml(client.get(feed_url(name, "fr")))
    assert feed.findtext(f"{ATOM}id") == f"http://testserver{feed_url(name, 'fr')}"
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Commune de Kénitra"
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Commune de Kénitra"
        assert entry.findtext(f"{ATOM}id").startswith("http://testserver/fr/")
        assert entry.findtext(f"{ATOM}updated")


@pytest.mark.django_db
def test_rss_items_name_their_author(client):
    MeetingFactory()
    item = parse_xml(client.get(feed_url("meetings_feed"))).find("channel/item")
    assert (
        item.findtext("{http://purl.org/dc/elements/1.1/}creator") == "جماعة القنيطرة"
    )


@pytest.mark.django_db
def test_proposal_answers_feed_lists_published_answers_newest_first(client):
    older = ProposalFactory(
        title="اقتراح أول",
        status="declined",
        public_answer_ar="خارج الاختصاص",
        answered_at=NOW - datetime.timedelta(days=3),
    )
    newer = ProposalFactory(
        title="اقتراح ثان",
        status="accepted",
        public_answer_ar="سينجز",
        public_answer_fr="Elle sera réalisée.",
        answered_at=NOW,
    )
    ProposalFactory(title="لم يجب عنه")
    ProposalFactory(
        title="مسودة",
        status="accepted",
        public_answer_ar="نعم",
        answered_at=NOW,
        **DRAFT,
    )
    assert rss_items(client, "proposal_answers_feed", "fr") == [
        {
            "title": f"{newer.reference}: اقتراح ثان",
            "link": f"http://testserver/fr/proposals/{newer.pk}/",
        },
        {
            "title": f"{older.reference}: اقتراح أول",
            "link": f"http://testserver/fr/proposals/{older.pk}/",
        },
    ]
    channel = parse_xml(client.get(feed_url("proposal_answers_feed", "fr"))).find(
        "channel"
    )
    descriptions = [item.findtext("description") for item in channel.findall("item")]
    assert descriptions[0] == "Statut : Acceptée\n\nElle sera réalisée."
    # No French answer: the Arabic one, as on the proposal's page.
    assert descriptions[1].endswith("خارج الاختصاص")


@pytest.mark.django_db
def test_proposal_answers_feed_never_shows_the_submitter(client):
    ProposalFactory(status="accepted", public_answer_ar="نعم", answered_at=NOW)
    body = client.get(feed_url("proposal_answers_feed_atom")).content.decode()
    assert "citizen@example.test" not in body
    assert "مواطن من القنيطرة" not in body


@pytest.mark.django_db
@pytest.mark.parametrize("name", ALL_FEEDS)
def test_control_characters_do_not_break_a_feed(client, name):
    # No NUL: PostgreSQL refuses it in any text, so no record can hold one.
    text = "نص\x08 فيه\x0b رموز\x1f تحكم"
    MeetingFactory(title_ar=text, summary_ar=text, kind="council")
    ProjectUpdateFactory(title_ar=text, text_ar=text)
    WorkshopFactory(title_ar=text, summary_ar=text)
    ProposalFactory(
        title=text, status="accepted", public_answer_ar=text, answered_at=NOW
    )
    response = client.get(feed_url(name))
    assert response.status_code == 200
    body = response.content.decode()
    # Stored without the controls (the vertical tab a line break): the words remain.
    assert "نص فيه" in body and "رموز تحكم" in body
    assert not any(control in body for control in "\x08\x0b\x1f")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/fr/meetings/", ["meetings", "council-sessions"]),
        ("/fr/projects/", ["project-updates"]),
        ("/fr/workshops/", ["workshops"]),
        ("/fr/proposals/", ["proposal-answers"]),
        ("/fr/", [feed.key for feed in FEEDS]),
        ("/fr/feeds/", [feed.key for feed in FEEDS]),
    ],
)
def test_each_section_advertises_its_own_feeds(client, path, expected):
    html = client.get(path).content.decode()
    advertised = re.findall(
        r'<link rel="alternate" type="application/(rss|atom)\+xml" title="[^"]*" '
        r'href="/fr/feeds/([a-z-]+)\.(rss|atom)">',
        html,
    )
    keys = list(dict.fromkeys(key for _kind, key, _ext in advertised))
    assert keys == expected
    assert {(kind, ext) for kind, _key, ext in advertised} == {
        ("rss", "rss"),
        ("atom", "atom"),
    }
    assert 'type="text/calendar"' in html
    assert 'href="/fr/meetings/calendar.ics"' in html


@pytest.mark.django_db
def test_meeting_page_advertises_its_own_calendar(client):
    MeetingFactory(slug="launch", start=NOW)
    html = client.get("/fr/meetings/launch/").content.decode()
    assert 'type="text/calendar"' in html
    assert 'href="/fr/meetings/launch/calendar.ics"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_feeds_page_explains_every_feed_and_the_calendar(client, language):
    with translation.override(language):
        url = reverse("feeds")
        links = [reverse(name) for name in ALL_FEEDS]
        calendar = reverse("consultations:calendar_ics")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    for link in links:
        assert f'href="{link}"' in html
    assert f'href="webcal://testserver{calendar}"' in html
    assert f"http://testserver{calendar}" in html
