import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from projects.models import Project
from tests.factories import AxisFactory, ProjectFactory


@pytest.mark.django_db
@pytest.mark.parametrize("progress", [101, 250])
def test_progress_above_100_is_rejected_by_the_database(progress):
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectFactory(progress=progress)


@pytest.mark.django_db
def test_project_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectFactory(start_date="2026-05-01", end_date="2026-04-01")


@pytest.mark.django_db
def test_negative_budget_is_rejected():
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectFactory(budget=-1)


@pytest.mark.django_db
def test_slugs_are_unique_and_may_be_arabic():
    ProjectFactory(slug="الأيام-المفتوحة")
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectFactory(slug="الأيام-المفتوحة")


@pytest.mark.django_db
def test_two_axes_of_one_program_cannot_share_a_number():
    axis = AxisFactory(number=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        AxisFactory(program=axis.program, number=1)


@pytest.mark.django_db
def test_missing_french_title_falls_back_to_arabic():
    project = ProjectFactory(title_ar="الأيام المفتوحة الرقمية", title_fr=None)
    with translation.override("fr"):
        assert Project.objects.get(pk=project.pk).title == "الأيام المفتوحة الرقمية"


@pytest.mark.django_db
def test_drafts_are_excluded_by_published():
    published = ProjectFactory()
    ProjectFactory(publication_status="draft")
    ProjectFactory(publication_status="review")
    assert list(Project.objects.published()) == [published]


@pytest.mark.django_db
def test_search_document_folds_arabic_spellings_in_every_language():
    project = ProjectFactory(
        title_ar="إحداث هيئات استشارية", title_fr="Création d'instances"
    )
    tokens = project.search_document.split()
    assert {"احداث", "هياات", "استشاريه"} <= set(tokens)
    # Punctuation separates words (see core/text.py).
    assert {"creation", "d", "instances"} <= set(tokens)
    # Each word's stem, and the title's words marked as the title's.
    assert {"~هيا", "^احداث", "~instanc"} <= set(tokens)
