"""The normaliser: every spelling of a word folds to one string, twice is once."""

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.search import parse_query, search_queryset, stems
from core.text import (
    MAX_WORD_LENGTH,
    normalize,
    strip_bidi_controls,
    word_spans,
)
from kenitra_portal.content.loader import read_content
from kenitra_portal.search import search_kinds

# The letters a writer may put for one another, with the one the normaliser keeps:
# alef, and every seat of a hamza, which may also be left out.
VARIANTS = {
    "ا": "اأإآٱءؤئ",
    "ي": "يى",
    "ه": "هة",
}
HARAKAT = [chr(code) for code in range(0x064B, 0x0653)] + ["\u0670"]
TATWEEL = "ـ"


def _kenitra_titles():
    content = read_content()
    titles = [meeting["title"] for meeting in content["meetings"]]
    for axis in content["axes"]:
        titles.extend(project["title"] for project in axis["projects"])
    titles.extend(workshop["title"] for workshop in content["workshops"]["items"])
    return [title["ar"] for title in titles]


# Words of at least three letters from the titles of the Kenitra content.
KENITRA_WORDS = sorted(
    {word for title in _kenitra_titles() for word in title.split() if len(word) > 2}
)


@st.composite
def spelling_variant(draw, word):
    """`word` as someone else might type it: other hamza seats, ى for ي, ة for ه,
    with diacritics and tatweel."""
    letters = []
    for letter in normalize(word):
        letters.append(draw(st.sampled_from(VARIANTS.get(letter, letter))))
        if draw(st.booleans()):
            letters.append(draw(st.sampled_from(HARAKAT)))
        if draw(st.integers(0, 4)) == 0:
            letters.append(TATWEEL)
    return "".join(letters)


@st.composite
def kenitra_word_and_variant(draw):
    word = draw(st.sampled_from(KENITRA_WORDS))
    return word, draw(spelling_variant(word))


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("أحداث", "احداث"),
        ("إحداث", "احداث"),
        ("آليات", "اليات"),
        ("ٱلرقمنة", "الرقمنه"),
        ("مستوى", "مستوي"),
        ("مسؤول", "مساول"),
        ("مسئول", "مساول"),
        ("المسءولين", "المساولين"),
        ("هيئات", "هياات"),
        ("هيأة", "هياه"),
        ("هيئة", "هياه"),
        ("فاءدة", "فااده"),
        ("فائدة", "فااده"),
        ("تأهيل", "تاهيل"),
        ("للأطفال", "للاطفال"),
        ("ا\u0654حداث", "احداث"),  # a combining hamza typed after alef
        ("ⵜⴰⵎⴰⵣⵉⵖⵜ", "ⵜⴰⵎⴰⵣⵉⵖⵜ"),  # Tifinagh is kept, with no case
        ("الرَّقْمَنَةُ", "الرقمنه"),
        ("الرقـــمنة", "الرقمنه"),
        ("Festîval CULINAIRE", "festival culinaire"),
        ("Kénitra", "kenitra"),
        ("l’équité", "l equite"),
        ("cœur", "coeur"),
        ("٢٠٢٤", "2024"),
        ("ﺍﻟﺮﻗﻤﻨﺔ", "الرقمنه"),  # Arabic presentation forms
        ("  مهرجان،\n  دولي!  ", "مهرجان دولي"),
        ("festi\u00adval", "festival"),  # a soft hyphen does not split the word
    ],
)
def test_spellings_fold_to_one(typed, stored):
    assert normalize(typed) == stored


def test_bidi_controls_are_dropped():
    assert normalize("\u202eمتحف\u202c") == "متحف"
    assert strip_bidi_controls("a\u2067b\u2069c") == "abc"


def test_nothing_normalises_to_nothing():
    assert normalize(None) == ""
    assert normalize("") == ""
    assert normalize("<>!?،؛") == ""


def test_overlong_words_are_cut():
    assert normalize("x" * 5000) == "x" * MAX_WORD_LENGTH


def test_word_spans_point_back_to_the_original_text():
    text = "إِحْداث متحـف، Festîval!"
    assert [(word, text[start:end]) for word, start, end in word_spans(text)] == [
        ("احداث", "إِحْداث"),
        ("متحف", "متحـف"),
        ("festival", "Festîval"),
    ]


@given(st.text())
def test_normalising_twice_changes_nothing(text):
    once = normalize(text)
    assert normalize(once) == once


@given(st.text())
def test_word_spans_give_the_normalised_words(text):
    words = [word[:MAX_WORD_LENGTH] for word, _start, _end in word_spans(text)]
    assert " ".join(words) == normalize(text)


@given(kenitra_word_and_variant())
def test_every_spelling_of_a_kenitra_word_normalises_alike(word_and_variant):
    word, variant = word_and_variant
    assert normalize(variant) == normalize(word)


@pytest.fixture
def kenitra(db):
    # Loaded once per test: hypothesis's examples only read it.
    call_command("load_kenitra", verbosity=0)


def _found(q):
    return {
        (kind.key, obj.pk)
        for kind in search_kinds()
        for obj in search_queryset(kind.queryset(), q)
    }


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(word_and_variant=kenitra_word_and_variant())
def test_every_spelling_of_a_kenitra_word_finds_it(kenitra, word_and_variant):
    word, variant = word_and_variant
    found = _found(variant)
    assert found == _found(word)
    titles = {
        str(kind.queryset().get(pk=pk))
        for key, pk in found
        for kind in search_kinds()
        if kind.key == key
    }
    assert any(word in title for title in titles)


@given(kenitra_word_and_variant())
def test_every_spelling_of_a_word_has_the_same_stems(word_and_variant):
    word, variant = word_and_variant
    assert stems(normalize(variant)) == stems(normalize(word))


@given(kenitra_word_and_variant())
def test_a_word_matches_itself_under_every_spelling(word_and_variant):
    word, variant = word_and_variant
    query = parse_query(variant)
    assert all(query.matches(w) for w in normalize(word).split())


@given(st.text())
def test_stems_are_words_of_the_normalisers_letters(text):
    for word in normalize(text).split():
        for stem in stems(word):
            assert stem == normalize(stem)
            assert " " not in stem
