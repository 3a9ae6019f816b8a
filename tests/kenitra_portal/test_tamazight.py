"""Tamazight (zgh), in Tifinagh, left to right: every public page, the API, feeds,
downloads, e-mails and the admin's tab, as for the three other languages."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.core.management import call_command
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from core.text import normalize
from projects.models import Axis, Project
from tests.factories import ProjectFactory, ProposalFactory
from tests.workshops.proposal_support import proposal_post
from workshops.models import Proposal, Workshop

pytestmark = pytest.mark.django_db

TIFINAGH = re.compile("[\u2d30-\u2d7f]")
# Names, formats and codes that stay as they are written in every language.
NOT_ENGLISH = {
    "API",
    "Atom",
    # The licence's own name, CC BY 4.0.
    "BY",
    "CC",
    "CNDP",
    "CSV",
    "iCalendar",
    "ics",
    "JSON",
    "KNT",
    "OpenAPI",
    "Popolo",
    "RSS",
    "UTF",
}
# Text inside an element that names another language (the switcher, Arabic fallback).
OTHER_LANGUAGE = re.compile(
    r'<(\w+)[^>]*\slang="(?!zgh")[^"]*"[^>]*>.*?</\1>', re.DOTALL
)


# Django's own names of the languages in themselves, as the switcher shows them.
SWITCHER = {"ar": "العربيّة", "fr": "Français", "en": "English"}


def url(name, language="zgh", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def english_words(page):
    """Latin words a Tamazight reader would see outside other-language elements."""
    body = page.split("<body", 1)[1]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.DOTALL)
    body = OTHER_LANGUAGE.sub(" ", body)
    # Visible text and the attributes read aloud or shown.
    shown = " ".join(
        re.findall(r">([^<]+)<", body)
        + re.findall(r'\s(?:aria-label|placeholder|title|alt)="([^"]*)"', body)
    )
    shown = re.sub(r"&\w+;", " ", shown)
    words = set(re.findall(r"[A-Za-z]{2,}", shown))
    return words - NOT_ENGLISH


@pytest.fixture
def kenitra(db):
    call_command("load_kenitra", "--date", "2024-05-15", verbosity=0)


@pytest.fixture
def proposal(kenitra):
    return ProposalFactory(
        axis=Axis.objects.get(number=1),
        workshop=Workshop.objects.first(),
        language="zgh",
        title="ⴰⵙⵓⵎⵔ ⵅⴼ ⵉⵙⴰⴽⵓⴷⵏ",
    )


def public_pages(proposal):
    project = Project.objects.get(slug="digital-open-days")
    return [
        url("projects:home"),
        url("projects:project_list"),
        url("projects:project_detail", slug=project.slug),
        url("projects:axis_detail", slug=project.axis.slug),
        url("consultations:meeting_list"),
        url(
            "consultations:meeting_detail", slug="kenitra-openness-consultative-meeting"
        ),
        url("workshops:workshop_list"),
        url("workshops:workshop_detail", slug=Workshop.objects.first().slug),
        url("workshops:proposal_list"),
        url("workshops:proposal_detail", pk=proposal.pk),
        url("workshops:proposal_create"),
        url("workshops:proposal_follow") + f"?reference={proposal.reference}",
        url("workshops:privacy"),
        url("search") + "?q=ⵜⴰⴷⵍⵙⴰ",
        url("open_data"),
    ]


def test_zgh_is_a_language_of_the_site_with_its_own_name():
    assert "zgh" in dict(settings.LANGUAGES)
    info = translation.get_language_info("zgh")
    assert info["name_local"] == "ⵜⴰⵎⴰⵣⵉⵖⵜ"
    assert info["bidi"] is False
    assert "zgh" in settings.MODELTRANSLATION_LANGUAGES


def test_every_public_page_answers_in_tamazight_left_to_right(client, proposal):
    for path in public_pages(proposal):
        assert path.startswith("/zgh/")
        response = client.get(path)
        assert response.status_code == 200, path
        page = response.content.decode()
        assert '<html lang="zgh" dir="ltr">' in page, path
        assert "bootstrap.min.css" in page and "bootstrap.rtl" not in page
        assert "css/tifinagh.css" in page
        # The switcher names the other three languages each in itself.
        for code, name in SWITCHER.items():
            assert f'lang="{code}" hreflang="{code}"' in page, path
            assert f">{name}</a>" in page, path
        for code, _name in settings.LANGUAGES:
            assert f'<link rel="alternate" hreflang="{code}"' in page, path
        assert not english_words(page), (path, english_words(page))


def test_other_languages_offer_tamazight_named_in_tifinagh(client, kenitra):
    for language in ("ar", "fr", "en"):
        page = client.get(url("projects:home", language)).content.decode()
        assert '<a lang="zgh" hreflang="zgh" href="/zgh/">ⵜⴰⵎⴰⵣⵉⵖⵜ</a>' in page
        assert (
            '<link rel="alternate" hreflang="zgh" href="http://testserver/zgh/">'
            in page
        )


def test_a_missing_page_says_so_in_tamazight(client):
    response = client.get("/zgh/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert '<html lang="zgh" dir="ltr">' in page
    assert "ⵓⵔ ⵏⵓⴼⵉ ⵜⴰⵙⵏⴰ ⴰⴷ" in page
    assert not english_words(page)


def test_the_kenitra_content_shows_in_tifinagh(client, kenitra):
    page = client.get(url("projects:home")).content.decode()
    for axis in Axis.objects.all():
        assert axis.title_zgh in page
    meeting = client.get(
        url(
            "consultations:meeting_detail", slug="kenitra-openness-consultative-meeting"
        )
    ).content.decode()
    assert "ⴰⵎⵢⴰⵏⴰⵡ ⵏ ⵓⵙⵇⵙⵉ ⴰⵙⵔⵉⴷ" in meeting
    assert "ⵜⴰⵙⵇⵇⵉⴼⵜ ⵏ ⵉⵎⵢⴰⵏⴰⵡⵏ ⴳ ⵓⵖⵔⵎ ⴰⵊⵎⴰⵄⵉ" in meeting
    # Day first, the month as CLDR's zgh names it, Western digits.
    assert "15 ⵎⴰⵢⵢⵓ 2024" in meeting


def test_text_without_a_tamazight_translation_is_arabic_and_marked_so(client):
    project = ProjectFactory(title_ar="مهرجان فنون الطبخ", title_zgh=None)
    page = client.get(
        url("projects:project_detail", slug=project.slug)
    ).content.decode()
    assert '<h1 lang="ar" dir="rtl">مهرجان فنون الطبخ</h1>' in page


@pytest.mark.parametrize(
    ("month", "name"),
    list(
        enumerate(
            [
                "ⵉⵏⵏⴰⵢⵔ",
                "ⴱⵕⴰⵢⵕ",
                "ⵎⴰⵕⵚ",
                "ⵉⴱⵔⵉⵔ",
                "ⵎⴰⵢⵢⵓ",
                "ⵢⵓⵏⵢⵓ",
                "ⵢⵓⵍⵢⵓⵣ",
                "ⵖⵓⵛⵜ",
                "ⵛⵓⵜⴰⵏⴱⵉⵔ",
                "ⴽⵜⵓⴱⵔ",
                "ⵏⵓⵡⴰⵏⴱⵉⵔ",
                "ⴷⵓⵊⴰⵏⴱⵉⵔ",
            ],
            start=1,
        )
    ),
)
def test_tamazight_dates_use_cldr_month_names_and_western_digits(month, name):
    moment = datetime.datetime(2024, month, 9, 9, 30)
    with translation.override("zgh"):
        rendered = Template(
            "{{ moment|date }}|{{ moment|date:'DATETIME_FORMAT' }}|"
            "{{ moment|date:'SHORT_DATE_FORMAT' }}|{{ amount|floatformat:'0g' }}"
        ).render(Context({"moment": moment, "amount": 1250000}))
    assert rendered == (
        f"9 {name} 2024|9 {name} 2024, 09:30|09/{month:02}/2024|1\u00a0250\u00a0000"
    )


def test_the_api_gives_the_axes_in_tifinagh_for_accept_language_zgh(api, kenitra):
    response = api.get("/api/v1/axes/", HTTP_ACCEPT_LANGUAGE="zgh")
    assert response.status_code == 200
    titles = [axis["title"] for axis in response.json()["results"]]
    assert titles == list(
        Axis.objects.order_by("number").values_list("title_zgh", flat=True)
    )
    assert all(TIFINAGH.search(title) for title in titles)


def test_the_api_takes_lang_zgh_and_gives_zgh_with_lang_all(api, kenitra):
    axes = api.get("/api/v1/axes/?lang=zgh").json()["results"]
    assert axes[0]["title"] == "ⴰⵙⵏⵓⵎⵉ ⴷ ⵜⵖⴰⵔⴰ ⵏ ⵜⵏⴰⴼⵓⴽⵉⵏ ⵜⵉⵊⵎⴰⵄⵉⵏ"
    every = api.get("/api/v1/axes/?lang=all").json()["results"][0]["title"]
    assert set(every) == {code for code, _name in settings.LANGUAGES}
    assert every["zgh"] == "ⴰⵙⵏⵓⵎⵉ ⴷ ⵜⵖⴰⵔⴰ ⵏ ⵜⵏⴰⴼⵓⴽⵉⵏ ⵜⵉⵊⵎⴰⵄⵉⵏ"


def test_the_api_names_the_arabic_fallback_in_tamazight_too(api, kenitra):
    person = api.get("/api/v1/people/?lang=zgh").json()["results"][0]
    assert person["_fallback"]["name"] == "ar"


def test_the_sitemap_lists_the_tamazight_pages(client, kenitra):
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locations = [loc.text for loc in root.iter(f"{namespace}loc")]
    assert "http://testserver/zgh/" in locations
    assert "http://testserver/zgh/axes/culture-sport/" in locations
    assert b'hreflang="zgh"' in client.get("/sitemap.xml").content


def test_feeds_and_calendars_speak_tamazight(client, kenitra):
    feed = client.get(url("meetings_feed")).content.decode()
    assert "<language>zgh</language>" in feed
    assert "ⴰⵎⵢⴰⵏⴰⵡ ⵏ ⵓⵙⵇⵙⵉ ⴰⵙⵔⵉⴷ" in feed
    calendar = client.get(
        url("consultations:meeting_ics", slug="kenitra-openness-consultative-meeting")
    ).content.decode()
    assert "ⴰⵎⵢⴰⵏⴰⵡ ⵏ ⵓⵙⵇⵙⵉ ⴰⵙⵔⵉⴷ" in calendar.replace("\r\n ", "")


def test_downloads_and_popolo_are_in_tamazight(client, kenitra):
    csv = client.get(url("open_data_download", dataset="projects", file_format="csv"))
    assert csv.status_code == 200
    assert "ⵓⵙⵙⴰⵏ ⵉⵕⵥⵥⵎⵏ ⵉⵏⵓⵎⴰⵏⵏ" in csv.getvalue().decode("utf-8-sig")
    popolo = client.get(
        url("open_data_download", dataset="popolo", file_format="json")
    ).json()
    names = [organization["name"] for organization in popolo["organizations"]]
    assert "ⵜⴰⵊⵎⴰⵄⵜ ⵏ ⵇⵏⵉⵟⵔⴰ" in names


def test_a_proposal_sent_from_the_tamazight_form_is_answered_in_tamazight(
    client, kenitra, settings, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        form = client.post(
            url("workshops:proposal_create"),
            proposal_post(Axis.objects.get(number=1), submitter_email="a@example.test"),
        )
    assert form.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.language == "zgh"
    # The acknowledgement, with the reference, in the citizen's language.
    [email] = mailoutbox
    assert proposal.reference in email.body
    assert TIFINAGH.search(email.subject) and TIFINAGH.search(email.body)
    words = re.sub(r"https?://\S+", " ", email.body)
    assert not re.search(r"\b(Hello|proposal|status|reference)\b", words)


def test_the_tamazight_form_explains_its_errors_in_tamazight(client, kenitra):
    response = client.post(
        url("workshops:proposal_create"),
        proposal_post(
            Axis.objects.get(number=1), title="", submitter_email="not-an-address"
        ),
    )
    page = response.content.decode()
    assert '<html lang="zgh" dir="ltr">' in page
    assert "ⴼⴽⵜ ⴰⵣⵡⵍ ⵉ ⵓⵙⵓⵎⵔ ⵏⵏⵓⵏ." in page
    assert "ⴰⵔⵓⵜ ⵜⴰⵏⵙⴰ ⵏ ⵜⴱⵔⴰⵜ ⵜⴰⵍⵉⴽⵜⵕⵓⵏⵉⵜ ⵉⵖⵓⴷⴰⵏ." in page
    assert not Proposal.objects.exists()
    assert not english_words(page)


def test_search_keeps_tifinagh_letters_and_finds_tamazight_titles(client, kenitra):
    assert normalize("ⵜⴰⴷⵍⵙⴰ ⴷ ⵜⵏⵣⵓⵍⴰ!") == "ⵜⴰⴷⵍⵙⴰ ⴷ ⵜⵏⵣⵓⵍⴰ"
    page = client.get(url("search") + "?q=ⵜⴰⴷⵍⵙⴰ").content.decode()
    assert "ⵜⴰⴷⵍⵙⴰ ⴷ ⵜⵏⵣⵓⵍⴰ" in page
    assert 'href="/zgh/workshops/workshop-culture-sport/"' in page


def test_the_admin_has_a_tamazight_tab_on_every_translated_field(client, superuser):
    from modeltranslation.translator import translator

    client.force_login(superuser)
    for model in (Axis, Project, Workshop):
        fields = translator.get_options_for_model(model).fields
        add = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
        page = client.get(add).content.decode()
        for field in fields:
            assert f'name="{field}_zgh"' in page, (model, field)


def test_the_catalogue_leaves_no_tamazight_string_empty_or_fuzzy():
    catalogue = settings.BASE_DIR / "locale" / "zgh" / "LC_MESSAGES" / "django.po"
    text = catalogue.read_text(encoding="utf-8")
    review = (catalogue.parent.parent / "REVIEW.md").read_text(encoding="utf-8")
    # The strings still to translate are listed for the translator, one per line.
    listed = review.split("## Not yet translated", 1)[1]
    entries = text.split("\n\n")[1:]
    assert len(entries) > 500
    untranslated = 0
    for entry in entries:
        assert "#, fuzzy" not in entry, entry
        strings = re.findall(r'^msgstr(?:\[\d\])? "(.*)"((?:\n".*")*)', entry, re.M)
        assert strings, entry
        if not all(first or rest for first, rest in strings):
            msgid = "".join(
                re.findall(r'"(.*)"', entry.split("msgid ", 1)[1].split("\nmsgstr")[0])
            )
            msgid = msgid.split('"')[0] if "msgid_plural" in entry else msgid
            assert msgid.replace('\\"', '"') in listed, msgid
            untranslated += 1
    assert untranslated < 60
    assert "REVIEW:" in text and "ⵡⵔⵛ" in review


def test_staff_find_a_record_by_its_tamazight_title_in_the_admin(client, superuser):
    ProjectFactory(title_ar="متحف الرياضة", title_zgh="ⴰⵎⵓⵙⵉ ⵏ ⵜⵏⵣⵓⵍⴰ")
    ProjectFactory(title_ar="حملات توعوية")
    client.force_login(superuser)
    page = client.get(
        reverse("admin:projects_project_changelist") + "?q=ⴰⵎⵓⵙⵉ"
    ).content.decode()
    assert "متحف الرياضة" in page
    assert "حملات توعوية" not in page
