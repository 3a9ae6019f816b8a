"""The one search: same answers on SQLite and PostgreSQL, drafts never found, ranking.
The search page itself is in test_search_page.py."""

import pytest
from django.core.management import call_command
from django.db import connection

from core.models import PublicationStatus
from core.search import highlight, search_queryset
from kenitra_portal.search import search_kind, search_kinds
from projects.models import Project
from tests.factories import (
    AxisFactory,
    MeetingFactory,
    ProjectFactory,
    ProposalFactory,
    WorkshopFactory,
)
from workshops.models import Proposal

SEARCH_URL = "/ar/search/"
# Kinds the Kenitra content table below was written for; the others (goals,
# people, agenda…) are checked by the table of the cases.
TABLE_KINDS = ("projects", "meetings", "workshops", "proposals")


def found(q, keys=TABLE_KINDS):
    """Slugs (pk for proposals) found per kind, by the function the pages share."""
    return {
        kind.key: {
            getattr(obj, "slug", obj.pk) for obj in search_queryset(kind.queryset(), q)
        }
        for kind in search_kinds()
        if kind.key in keys
    }


def nothing(**found_kinds):
    """What `found` gives when only `found_kinds` have results."""
    return {key: set(found_kinds.get(key, ())) for key in TABLE_KINDS}


DIGITALISATION = {
    "projects": {"digital-open-days"},
    "meetings": {
        "kenitra-openness-consultative-meeting",
        "digitalisation-communal-services-session",
    },
    "workshops": {"workshop-digitalisation-communal-services"},
}
ALL_WORKSHOPS = {
    "workshop-digitalisation-communal-services",
    "workshop-culture-sport",
    "workshop-citizen-participation",
    "workshop-environment-sustainable-development",
}


# CI runs this on SQLite and on PostgreSQL: the same query must give the very same
# records on both.
@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("الرقمنه", nothing(**DIGITALISATION)),
        ("الرقمنة", nothing(**DIGITALISATION)),
        ("رقمنة", nothing(**DIGITALISATION)),
        ("digitalisation", nothing(**DIGITALISATION)),
        (
            "احداث",
            nothing(projects={"advisory-bodies", "municipal-stadium-sports-museum"}),
        ),
        (
            "أحداث",
            nothing(projects={"advisory-bodies", "municipal-stadium-sports-museum"}),
        ),
        ("متحف", nothing(projects={"municipal-stadium-sports-museum"})),
        ("المتحف", nothing(projects={"municipal-stadium-sports-museum"})),
        ("musée", nothing(projects={"municipal-stadium-sports-museum"})),
        ("festival", nothing(projects={"gharb-culinary-arts-festival"})),
        ("FESTIVAL", nothing(projects={"gharb-culinary-arts-festival"})),
        ("Festîval", nothing(projects={"gharb-culinary-arts-festival"})),
        ("festi", nothing(projects={"gharb-culinary-arts-festival"})),
        ("مهرجان دولي", nothing(projects={"gharb-culinary-arts-festival"})),
        ("مهرجان متحف", nothing()),
        ("هيئات", nothing(projects={"advisory-bodies"})),
        ("هيئة", nothing(projects={"advisory-bodies"})),
        ("هيأة", nothing(projects={"advisory-bodies"})),
        (
            "الثقافة",
            nothing(
                projects={
                    "municipal-stadium-sports-museum",
                    "gharb-culinary-arts-festival",
                },
                workshops={"workshop-culture-sport"},
            ),
        ),
        (
            "Kénitra",
            nothing(
                projects={"digital-open-days"},
                meetings={"kenitra-openness-consultative-meeting"},
            ),
        ),
        (
            "جودة",
            nothing(
                projects={"digital-open-days"},
                meetings=DIGITALISATION["meetings"],
                workshops=ALL_WORKSHOPS,
            ),
        ),
        ("ورشة", nothing(workshops=ALL_WORKSHOPS)),
        # Stems: the plural and the French plural find the workshops.
        ("ورشات", nothing(workshops=ALL_WORKSHOPS)),
        ("ateliers", nothing(workshops=ALL_WORKSHOPS)),
        # Inside a word is not the start of a word: "stival" is no word of the text.
        ("stival", nothing()),
        ("كرة القدم", nothing()),
    ],
)
def test_kenitra_content_gives_the_same_results_on_every_database(db, q, expected):
    call_command("load_kenitra", verbosity=0)
    assert found(q) == expected


def test_words_with_a_joined_article_or_preposition_are_found(db):
    ProjectFactory(slug="museum", title_ar="زيارة بالمتحف الرياضي")
    ProjectFactory(slug="festival", title_ar="والمهرجان الدولي")
    assert found("متحف")["projects"] == {"museum"}
    assert found("المهرجان")["projects"] == {"festival"}
    assert found("مهرجان")["projects"] == {"festival"}


def test_an_empty_query_leaves_the_queryset_as_it_is(db):
    ProjectFactory.create_batch(2)
    assert search_queryset(Project.objects.all(), "  ،!  ").count() == 2


def test_private_data_of_a_proposal_is_not_searched(db):
    ProposalFactory(submitter_name="Yasmine Berrada", submitter_email="y@b.ma")
    assert found("Berrada")["proposals"] == set()
    assert found("y@b.ma")["proposals"] == set()


@pytest.mark.parametrize("status", [PublicationStatus.DRAFT, PublicationStatus.REVIEW])
def test_unpublished_records_are_never_found(client, db, status):
    unpublished = {"publication_status": status}
    ProjectFactory(title_ar="مشروع سري", **unpublished)
    MeetingFactory(title_ar="لقاء سري", **unpublished)
    WorkshopFactory(title_ar="ورشة سري", **unpublished)
    ProposalFactory(title="اقتراح سري", **unpublished)
    assert found("سري") == nothing()
    response = client.get(SEARCH_URL, {"q": "سري"})
    assert response.status_code == 200
    assert "سري</mark>" not in response.content.decode()
    assert response.context["total"] == 0


def test_renaming_an_axis_makes_its_projects_found_by_the_new_name(db):
    axis = AxisFactory(title_ar="الثقافة")
    ProjectFactory(axis=axis, slug="museum", title_ar="متحف")
    axis.title_ar = "الرياضة"
    axis.save()
    assert found("الرياضة")["projects"] == {"museum"}
    assert found("الثقافة")["projects"] == set()


def test_rebuild_search_text_restores_stale_search_documents(db):
    ProjectFactory(slug="museum", title_ar="متحف")
    MeetingFactory(slug="launch", title_ar="لقاء تشاوري")
    Project.objects.update(search_document="")
    assert found("متحف")["projects"] == set()
    call_command("rebuild_search_text", verbosity=0)
    assert found("متحف")["projects"] == {"museum"}
    assert found("تشاوري")["meetings"] == {"launch"}


def test_title_matches_come_first_then_exact_words_then_stems(db):
    from core.search import ranked

    body_stem = ProjectFactory(slug="body-stem", summary_ar="تنظيم حملات")
    title_exact = ProjectFactory(slug="title-exact", title_ar="حملة النظافة")
    body_exact = ProjectFactory(slug="body-exact", summary_ar="حملة للتشجير")
    title_stem = ProjectFactory(slug="title-stem", title_ar="حملات التوعية")
    order = [project.slug for project in ranked(Project.objects.all(), "حملة")]
    assert order == [
        title_exact.slug,
        title_stem.slug,
        body_exact.slug,
        body_stem.slug,
    ]


def test_recent_records_come_first_among_equals(db):
    from datetime import timedelta

    from django.utils import timezone

    from core.search import ranked

    old = ProjectFactory(slug="old", title_ar="حديقة")
    new = ProjectFactory(slug="new", title_ar="حديقة")
    Project.objects.filter(pk=old.pk).update(
        published_at=timezone.now() - timedelta(days=400)
    )
    assert [project.slug for project in ranked(Project.objects.all(), "حديقة")] == [
        new.slug,
        old.slug,
    ]


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        # Presentation forms are Arabic letters to the normaliser, and to the marks.
        ("ﺍﻟﻤﻜﺘﺒﺔ ﺍﻟﺒﻠﺪﻳﺔ", "<mark>ﺍﻟﻤﻜﺘﺒﺔ</mark>"),
        (
            "زيارة &#1575;&#1604;&#1605;&#1603;&#1578;&#1576;&#1577;",
            "<mark>المكتبة</mark>",
        ),
        ("La bibliothèque municipale", None),
    ],
)
def test_an_arabic_query_marks_arabic_words_in_any_form_and_skips_other_scripts(
    text, marked
):
    found = highlight(text, "المكتبة")
    if marked is None:
        assert found is None
    else:
        assert marked in found


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite has no index of words"
)
@pytest.mark.parametrize("model", [Project, Proposal], ids=lambda m: m.__name__)
def test_the_large_tables_index_their_published_documents_apart(db, model):
    """A public search of a common word reads the published records' index alone,
    instead of intersecting the whole index with every published row."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            [f"{model._meta.db_table}_search_published"],
        )
        (definition,) = cursor.fetchone()
    assert "USING gin (search_document)" in definition
    assert "WHERE ((publication_status)::text = 'published'::text)" in definition


def test_the_overview_answers_several_queries_as_each_kind_alone(db):
    """One statement for every (query, kind) gives each the count and the best keys
    that the kind's own ranked search gives."""
    from core.search import ranked
    from kenitra_portal.search import overview

    for n in range(7):
        ProjectFactory(title_ar=f"حديقة {n}", summary_ar="حملة نظافة" if n % 2 else "")
    MeetingFactory(title_ar="لقاء حول الحديقة")
    queries = {"garden": "حديقة", "campaign": "حملات", "nothing": "زززز"}
    found = overview(queries, limit=3)
    for (label, kind), (total, keys, best_rank) in found.items():
        public = kind.model.search_public()
        expected = ranked(public, queries[label], *kind.model.search_recent)
        assert total == search_queryset(public, queries[label]).count()
        assert keys == [obj.pk for obj in expected[:3]]
        assert best_rank == (expected[0].search_rank if total else 0)
    assert found["garden", search_kind("projects")].total == 7
    assert found["campaign", search_kind("projects")].total == 3
    # Found in the title, by its very word; found by a stem in the summary alone.
    assert found["garden", search_kind("projects")].best_rank == 3
    assert found["campaign", search_kind("projects")].best_rank == 0
    assert not any(
        result.total for (label, _kind), result in found.items() if label == "nothing"
    )
