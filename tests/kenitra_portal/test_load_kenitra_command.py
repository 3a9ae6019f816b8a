"""`manage.py load_kenitra` as a command: publishing, later runs and its options."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase
from django.utils import timezone

from consultations.models import Meeting, Organization, PressCoverage
from core import publishing
from core.models import PublicationStatus
from kenitra_portal.content.loader import mend_line_breaks
from projects.models import Axis, Project
from tests.kenitra_portal.kenitra_article import (
    ARTICLE_COPY_TEXT,
    LAUNCH_TITLE,
    PUBLISHED_MODELS,
    load,
    snapshot,
)
from workshops.models import Workshop


def test_everything_loaded_is_published(loaded):
    for model in PUBLISHED_MODELS:
        assert model.objects.exists()
        assert model.objects.published().count() == model.objects.count()


def test_records_are_published_through_the_publishing_module_by_the_system(db):
    moves = []
    publishing.publication_changed.connect(
        lambda sender, **kw: moves.append((sender, kw["previous"], kw["by"])),
        weak=False,
        dispatch_uid="load_kenitra_test",
    )
    try:
        with TestCase.captureOnCommitCallbacks(execute=True):
            load()
    finally:
        publishing.publication_changed.disconnect(dispatch_uid="load_kenitra_test")

    published = sum(model.objects.count() for model in PUBLISHED_MODELS)
    assert len(moves) == published
    assert {(previous, by) for _model, previous, by in moves} == {(None, None)}
    for model in PUBLISHED_MODELS:
        for obj in model.objects.all():
            assert obj.published_at is not None
            (row,) = obj.history.all()
            assert row.history_change_reason == publishing.PUBLISHED_REASON
            assert row.history_user is None


def test_a_later_run_leaves_a_record_a_publisher_unpublished_off_the_site(
    loaded, publisher
):
    project = Project.objects.first()
    publishing.move(project, PublicationStatus.DRAFT, by=publisher)
    before = snapshot()

    load()

    assert snapshot() == before
    project.refresh_from_db()
    assert not project.is_published


def test_running_it_twice_changes_no_row(loaded):
    before = snapshot()
    output = load()
    assert snapshot() == before
    assert "Rows created: 0, updated: 0" in output


def test_a_second_run_restores_the_article_wording_and_bumps_the_version(loaded):
    axis = Axis.objects.get(number=2)
    Axis.objects.filter(pk=axis.pk).update(title_fr="Sports")
    load()
    axis.refresh_from_db()
    assert axis.title_fr == "Culture et sport"
    assert axis.version == 2
    assert Axis.objects.count() == 4


def test_date_sets_a_wednesday_morning_start_in_kenitra(db):
    output = load("--date", "2024-05-15")
    launch = Meeting.objects.get(title_ar=LAUNCH_TITLE)
    assert launch.start == datetime.datetime(
        2024, 5, 15, 9, 0, tzinfo=ZoneInfo("Africa/Casablanca")
    )
    assert launch.date_text_ar == "صباح يوم الأربعاء"
    assert PressCoverage.objects.get().date == datetime.date(2024, 5, 15)
    assert "1 program" in output


def test_a_later_run_without_date_keeps_the_date(db):
    load("--date", "2024-05-15")
    load()
    assert Meeting.objects.get(title_ar=LAUNCH_TITLE).start is not None
    assert PressCoverage.objects.get().date == datetime.date(2024, 5, 15)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-05-16", "2024-05-16 is a Thursday"),
        ("15/05/2024", "write it as YYYY-MM-DD"),
        ("2024-02-30", "write it as YYYY-MM-DD"),
    ],
)
def test_date_that_is_not_a_wednesday_is_refused_and_nothing_loaded(db, value, message):
    with pytest.raises(CommandError, match=message):
        load("--date", value)
    assert not Meeting.objects.exists()


def test_date_in_the_future_is_refused(db):
    today = timezone.localdate()
    next_wednesday = today + datetime.timedelta(days=(2 - today.weekday()) % 7 or 7)
    with pytest.raises(CommandError, match="in the future"):
        load("--date", next_wednesday.isoformat())


def test_associations_are_linked_to_every_workshop(db):
    load("--association", "جمعية الأمل", "--association", "جمعية الغرب للتنمية")
    associations = Organization.objects.filter(kind="association")
    assert sorted(a.name_ar for a in associations) == [
        "جمعية الأمل",
        "جمعية الغرب للتنمية",
    ]
    assert all(a.slug for a in associations)
    for workshop in Workshop.objects.all():
        assert set(workshop.facilitators.all()) == set(associations)


def test_associations_stay_linked_and_are_not_duplicated_on_later_runs(db):
    load("--association", "جمعية الأمل")
    load("--association", "  جمعية   الأمل ")
    load()
    association = Organization.objects.get(kind="association")
    assert association.name_ar == "جمعية الأمل"
    for workshop in Workshop.objects.all():
        assert list(workshop.facilitators.all()) == [association]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("   ", "cannot be empty"),
        ("جماعة القنيطرة", "not an association"),
    ],
)
def test_association_name_that_cannot_be_an_association_is_refused(db, name, message):
    load()
    with pytest.raises(CommandError, match=message):
        load("--association", name)
    assert not Organization.objects.filter(kind="association").exists()
    assert not Workshop.objects.filter(facilitators__isnull=False).exists()


def test_article_option_reads_the_text_from_that_file(db, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("نص المقال كما نشر", encoding="utf-8")
    load("--article", str(article))
    assert PressCoverage.objects.get().text == "نص المقال كما نشر"


def test_missing_article_file_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        load("--article", str(tmp_path / "missing.txt"))
    assert not Meeting.objects.exists()


def test_without_the_shared_folder_the_embedded_copy_is_loaded(db, settings, tmp_path):
    settings.BASE_DIR = tmp_path / "main"
    output = load()
    assert PressCoverage.objects.get().text == mend_line_breaks(ARTICLE_COPY_TEXT)
    assert "the copy in kenitra_portal/content/" in output


def test_verbosity_zero_loads_silently(db):
    out = StringIO()
    call_command("load_kenitra", verbosity=0, stdout=out)
    assert out.getvalue() == ""
    assert Meeting.objects.count() == 2
