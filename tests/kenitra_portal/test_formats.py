import datetime

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
