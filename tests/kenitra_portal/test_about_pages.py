"""The commune's details, the pages about the portal, error pages and typography."""

import datetime
import json

import pytest
from django.template import Context, Template
from django.test import Client
from django.utils import timezone, translation

from kenitra_portal.models import SiteSettings

pytestmark = pytest.mark.django_db

ABOUT_PAGES = [
    "contact",
    "legal-notice",
    "accessibility",
    "open-data/licence",
]


def render(source, language="ar", **context):
    with translation.override(language):
        return Template("{% load portal_tags rich_text %}" + source).render(
            Context(context)
        )


def test_the_commune_s_details_edited_in_the_admin_show_in_every_footer(
    client, superuser
):
    client.force_login(superuser)
    response = client.post(
        "/admin/kenitra_portal/sitesettings/",
        {
            "address_ar": "القصر البلدي، شارع محمد الخامس، القنيطرة",
            "phone": "+212 537 00 00 00",
            "email": "contact@kenitra.test",
            "opening_hours_ar": "من الإثنين إلى الجمعة",
            "facebook_url": "facebook.com/kenitra",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    for path in ["/ar/", "/fr/projects/", "/ar/contact/"]:
        page = client.get(path).content.decode()
        assert "شارع محمد الخامس" in page
        assert "mailto:contact@kenitra.test" in page
        assert 'href="https://facebook.com/kenitra"' in page


def test_reading_the_details_never_creates_them(client):
    client.get("/ar/")
    assert not SiteSettings.objects.exists()


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
@pytest.mark.parametrize("page", ABOUT_PAGES)
def test_pages_about_the_portal_answer_in_every_language(client, language, page):
    response = client.get(f"/{language}/{page}/")
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.content.decode()


def test_every_download_names_its_licence(client):
    response = client.get("/ar/open-data/projects.json")
    assert json.loads(response.getvalue())["licence"]["url"].endswith("/by/4.0/")
    assert 'rel="license"' in client.get("/ar/open-data/projects.csv")["Link"]
    assert "CC BY 4.0" in client.get("/ar/open-data/").content.decode()


def test_a_refused_form_gets_the_portal_s_page_in_the_visitor_s_language():
    response = Client(enforce_csrf_checks=True).post("/fr/proposals/new/")
    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="fr"' in page
    assert "Le formulaire n’a pas pu être envoyé" in page
    assert "CSRF" not in page


def test_the_404_page_has_no_canonical_address_nor_alternates(client):
    page = client.get("/ar/no-such-page/").content.decode()
    assert 'rel="canonical"' not in page
    assert 'rel="alternate" hreflang' not in page
    assert 'name="robots" content="noindex"' in page


def test_the_home_title_names_the_site_once(client):
    page = client.get("/ar/").content.decode()
    title = page.split("<title>")[1].split("</title>")[0]
    assert "·" not in title


def test_times_are_given_to_the_second():
    moment = timezone.make_aware(datetime.datetime(2026, 12, 1, 20, 51, 49, 733106))
    assert render("{{ moment|datetime_attr }}", moment=moment) == (
        "2026-12-01T20:51:49+01:00"
    )


def test_arabic_takes_arabic_punctuation_and_guillemets():
    assert render("{{ text|isolate_latin }}", text="القصر البلدي, القنيطرة") == (
        "القصر البلدي، القنيطرة"
    )
    assert render("أ{% comma %}ب") == "أ، ب"
    assert render("a{% comma %}b", "fr") == "a, b"
    assert render("{{ q|quoted }}", q="حديقة") == "«حديقة»"
    assert render("{{ q|quoted }}", "en", q="park") == "\u201cpark\u201d"


def test_press_text_becomes_paragraphs_and_lists_without_markup_from_the_text():
    text = "**المحور الأول: الرقمنة**\n– **المشروع:** الأيام المفتوحة\n– <b>x</b>\nفقرة"
    html = render("{{ text|press_text }}", text=text)
    assert html == (
        "<p><strong>المحور الأول: الرقمنة</strong></p>\n"
        "<ul><li><strong>المشروع:</strong> الأيام المفتوحة</li>"
        "<li>&lt;b&gt;x&lt;/b&gt;</li></ul>\n<p>فقرة</p>"
    )
