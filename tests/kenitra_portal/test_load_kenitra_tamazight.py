"""load_kenitra's Tamazight: the data file's languages, Tifinagh where it gives it, Arabic where not."""

import re

from django.conf import settings
from django.utils import translation

from consultations.models import Person
from kenitra_portal.content.loader import read_content
from projects.models import Axis, Goal, Program, Project
from tests.kenitra_portal.kenitra_article import ARABIC, load
from workshops.models import Workshop

TIFINAGH = re.compile("[\u2d30-\u2d7f]")


def test_the_data_file_gives_arabic_french_and_english_and_only_the_sites_languages():
    codes = {code for code, _name in settings.LANGUAGES}

    def translated_values(node):
        if isinstance(node, dict):
            if "ar" in node and all(isinstance(v, str) for v in node.values()):
                yield node
            else:
                for value in node.values():
                    yield from translated_values(value)
        elif isinstance(node, list):
            for value in node:
                yield from translated_values(value)

    values = list(translated_values(read_content()))
    assert len(values) > 50
    for texts in values:
        assert {"ar", "fr", "en"} <= set(texts) <= codes, texts
        if "zgh" in texts:
            assert TIFINAGH.search(texts["zgh"]) and not ARABIC.search(texts["zgh"])


def assert_tamazight(obj, field):
    value = getattr(obj, f"{field}_zgh")
    assert value and TIFINAGH.search(value), f"{obj!r}.{field}_zgh is not Tifinagh"
    assert not ARABIC.search(value) and not re.search("[A-Za-z]", value)


def test_program_axes_projects_goals_and_meeting_are_written_in_tifinagh(launch):
    assert_tamazight(Program.objects.get(), "title")
    assert_tamazight(Program.objects.get(), "summary")
    for model in (Axis, Project, Goal, Workshop):
        for obj in model.objects.all():
            assert_tamazight(obj, "title")
    assert_tamazight(launch, "title")
    assert_tamazight(launch.venue, "name")
    assert_tamazight(launch.venue, "city")
    assert Program.objects.get().title_zgh == "ⴰⵖⴰⵡⴰⵙ ⵏ ⵓⵕⵥⵥⵓⵎ ⵏ ⵜⵊⵎⴰⵄⵜ ⵏ ⵇⵏⵉⵟⵔⴰ"


def test_what_the_data_does_not_give_in_tamazight_falls_back_to_arabic(launch):
    person = Person.objects.get(slug="el-houssine-mofti")
    assert not person.name_zgh
    with translation.override("zgh"):
        assert person.name == "الحسين مفتي"


def test_a_rerun_keeps_a_tamazight_text_staff_wrote_where_the_data_has_none(launch):
    person = Person.objects.get(slug="el-houssine-mofti")
    person.name_zgh = "ⵍⵃⵓⵙⵉⵏ ⵎⵓⴼⵜⵉ"
    person.save()
    load()
    person.refresh_from_db()
    assert person.name_zgh == "ⵍⵃⵓⵙⵉⵏ ⵎⵓⴼⵜⵉ"
