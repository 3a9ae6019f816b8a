import datetime
import json
import re

import pytest
from django.template import Context, Template
from django.utils import translation

MOROCCAN_MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
)


def render(source, language, **context):
    with translation.override(language):
        return Template(source).render(Context(context))


@pytest.mark.parametrize(("month", "name"), list(enumerate(MOROCCAN_MONTHS, start=1)))
def test_arabic_dates_use_moroccan_month_names(month, name):
    day = datetime.date(2024, month, 9)
    assert render("{{ day|date }}", "ar", day=day) == f"9 {name} 2024"


@pytest.mark.parametrize(("month", "name"), list(enumerate(MOROCCAN_MONTHS, start=1)))
def test_arabic_inflected_month_names_are_moroccan_too(month, name):
    day = datetime.date(2024, month, 9)
    assert render("{{ day|date:'j E Y' }}", "ar", day=day) == f"9 {name} 2024"


def test_arabic_dates_and_times_keep_western_digits():
    moment = datetime.datetime(2024, 5, 15, 9, 30)
    assert render("{{ moment|date:'DATETIME_FORMAT' }}", "ar", moment=moment) == (
        "15 ماي 2024، 09:30"
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "15 mai 2024 à 09:30"), ("en", "15 May 2024, 09:30")],
)
def test_french_and_english_dates_follow_their_own_conventions(language, expected):
    moment = datetime.datetime(2024, 5, 15, 9, 30)
    assert render("{{ moment|date:'DATETIME_FORMAT' }}", language, moment=moment) == (
        expected
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ar", "1\u00a0250\u00a0000"), ("fr", "1\u202f250\u202f000"), ("en", "1,250,000")],
)
def test_amounts_are_grouped_the_local_way_with_western_digits(language, expected):
    assert render("{{ amount|floatformat:'0g' }}", language, amount=1250000) == expected


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_dates_are_typed_day_first_in_every_language(language):
    from django import forms

    field = forms.DateField()
    with translation.override(language):
        assert field.clean("05/06/2024") == datetime.date(2024, 6, 5)
        assert field.clean("13/05/2024") == datetime.date(2024, 5, 13)
        assert field.clean("2024-05-13") == datetime.date(2024, 5, 13)


def admin_js_catalogue(client, user):
    """/admin/jsi18n/'s translations and formats, as the admin's scripts get them."""
    client.force_login(user)
    script = client.get("/admin/jsi18n/").content.decode()
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S)[1])
    formats = json.loads(re.search(r"django.formats = (\{.*?\});", script, re.S)[1])
    return catalogue, formats


def test_admin_date_picker_names_moroccan_months(client, superuser):
    catalogue, formats = admin_js_catalogue(client, superuser)
    months = [catalogue[name] for name in ("May", "July", "August", "December")]
    assert months == ["ماي", "يوليوز", "غشت", "دجنبر"]
    assert formats["DATE_INPUT_FORMATS"][0] == "%d/%m/%Y"


def test_admin_multiple_choice_picker_is_arabic(client, superuser):
    catalogue, _formats = admin_js_catalogue(client, superuser)
    for msgid in ("Choose all %s", "Remove all %s", "Choose all", "Remove all"):
        assert re.search("[\u0600-\u06ff]", catalogue[msgid]), msgid
    assert (
        "%s"
        in catalogue[
            'Choose %s by selecting them and then select the "Choose" arrow button.'
        ]
    )
