"""RSS and Atom feeds: well-formed XML, in the URL's language, without drafts."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation

from core.models import PublicationStatus
from tests.factories import (
    MeetingFactory,
    ProjectFactory,
    ProjectUpdateFactory,
    WorkshopFactory,
)

ATOM = "{http://www.w3.org/2005/Atom}"
DRAFT = {"publication_status": PublicationStatus.DRAFT}


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
    ],
)
def test_text_with_markup_stays_text_in_every_feed(client, name):
    title = 'عنوان <script>alert(1)</script> & "x"'
    project = ProjectFactory(title_ar=title)
    ProjectUpdateFactory(project=project, title_ar=title, text_ar="<b>نص</b>")
    MeetingFactory(title_ar=title, summary_ar="<b>نص</b>")
    WorkshopFactory(title_ar=title, summary_ar="<b>نص</b>")
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
