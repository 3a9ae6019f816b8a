"""generate_demo_data: the volumes asked for, three languages, same seed same data."""

import pytest
from django.core.management import CommandError, call_command

from consultations.models import AgendaItem, Document, Meeting, Participation, Person
from core.text import normalize
from projects.models import Axis, Milestone, Program, Project, ProjectUpdate
from workshops.models import Proposal, Workshop

SMALL = {
    "programs": 2,
    "axes": 4,
    "projects": 12,
    "meetings": 5,
    "workshops": 6,
    "proposals": 30,
    "verbosity": 0,
}


def snapshot():
    return (
        list(
            Project.objects.order_by("slug").values_list("slug", "title_ar", "status")
        ),
        list(Proposal.objects.order_by("reference").values_list("reference", "text")),
    )


@pytest.fixture
def demo(db):
    call_command("generate_demo_data", seed=7, **SMALL)


def test_generates_the_numbers_asked_for(demo):
    assert Program.objects.count() == 2
    assert Axis.objects.count() == 4
    assert Project.objects.count() == 12
    assert Milestone.objects.count() == 36
    assert ProjectUpdate.objects.count() == 24
    assert Meeting.objects.count() == 5
    assert Participation.objects.count() == 40
    assert Document.objects.count() == 10
    assert Workshop.objects.count() == 6
    assert Proposal.objects.count() == 30


def test_scale_multiplies_the_volume_but_not_the_programs_and_axes(db):
    call_command("generate_demo_data", seed=7, scale=2.5, **SMALL)

    assert Program.objects.count() == 2
    assert Axis.objects.count() == 4
    assert Project.objects.count() == 30
    assert Meeting.objects.count() == 12
    assert Workshop.objects.count() == 15
    assert Proposal.objects.count() == 75


def test_text_is_in_arabic_french_and_english(demo):
    project = Project.objects.first()

    assert project.title_ar and project.title_fr and project.title_en
    assert any("\u0600" <= ch <= "\u06ff" for ch in project.title_ar)
    assert project.summary_fr != project.summary_en
    assert {p.language for p in Proposal.objects.all()} <= {"ar", "fr", "en"}


def test_bulk_rows_are_searchable_as_if_saved_one_by_one(demo):
    for model in (Project, Meeting, Workshop, Proposal, Person, AgendaItem):
        row = model.objects.first()
        assert row.search_document
        assert set(row.search_document.split()) == set(
            row.build_search_document().split()
        )
    project = Project.objects.first()
    assert set(normalize(project.title_fr).split()) <= set(
        project.search_document.split()
    )


def test_proposals_get_references_and_fingerprints_like_saved_ones(demo):
    proposal = Proposal.objects.first()
    assert proposal.reference.startswith("KNT-")
    assert len(set(Proposal.objects.values_list("reference", flat=True))) == 30
    assert proposal.text_fingerprint


def test_documents_have_their_files(demo):
    for document in Document.objects.all():
        with document.file.open("rb") as pdf:
            assert pdf.read(5) == b"%PDF-"


def test_same_seed_gives_the_same_content(db):
    call_command("generate_demo_data", seed=7, **SMALL)
    first = snapshot()
    call_command("generate_demo_data", seed=7, replace=True, **SMALL)

    assert snapshot()[0] == first[0]
    assert [text for _ref, text in snapshot()[1]] == [text for _ref, text in first[1]]


def test_another_seed_gives_other_content(db):
    call_command("generate_demo_data", seed=7, **SMALL)
    first = snapshot()
    call_command("generate_demo_data", seed=8, replace=True, **SMALL)

    assert snapshot()[0] != first[0]


def test_refuses_to_add_a_second_copy_without_replace(demo):
    with pytest.raises(CommandError, match="--replace"):
        call_command("generate_demo_data", seed=7, **SMALL)


def test_replace_keeps_content_that_is_not_demo_content(db):
    from tests.factories import ProjectFactory

    real = ProjectFactory(slug="bibliotheque")
    call_command("generate_demo_data", seed=7, **SMALL)
    call_command("generate_demo_data", seed=7, replace=True, **SMALL)

    assert Project.objects.filter(pk=real.pk).exists()
    assert Project.objects.count() == 13


def test_bad_numbers_are_refused_with_a_clear_message(db):
    with pytest.raises(CommandError, match="--projects needs at least one of --axes"):
        call_command("generate_demo_data", **{**SMALL, "axes": 0, "programs": 1})
    with pytest.raises(CommandError, match="negative"):
        call_command("generate_demo_data", **{**SMALL, "proposals": -1})
