"""The program's endpoints: programs, axes, goals and projects."""

import pytest
from django.core.management import call_command

from core.models import PublicationStatus
from tests.api_support import results
from tests.factories import (
    AxisFactory,
    GoalFactory,
    MilestoneFactory,
    ProgramFactory,
    ProjectFactory,
    ProjectImageFactory,
    ProjectUpdateFactory,
)

pytestmark = pytest.mark.django_db


def test_the_four_kenitra_axes_are_listed_in_french(api):
    call_command("load_kenitra", verbosity=0)

    response = api.get("/api/v1/axes/", HTTP_ACCEPT_LANGUAGE="fr")

    axes = results(response)
    assert [axis["number"] for axis in axes] == [1, 2, 3, 4]
    assert axes[1]["title"] == "Culture et sport"
    assert all(axis["url"].startswith("http://testserver/fr/axes/") for axis in axes)
    assert response["Content-Language"] == "fr"


def test_lang_parameter_wins_over_accept_language(api):
    AxisFactory(title_ar="الثقافة والرياضة", title_en="Culture and sport")

    response = api.get("/api/v1/axes/?lang=en", HTTP_ACCEPT_LANGUAGE="fr")

    axis = results(response)[0]
    assert response["Content-Language"] == "en"
    assert axis["title"] == "Culture and sport"
    assert axis["_fallback"] == {}


def test_missing_translation_falls_back_to_arabic_and_says_so(api):
    AxisFactory(title_ar="البيئة", title_fr="", description_ar="وصف المحور")

    axis = results(api.get("/api/v1/axes/?lang=fr"))[0]

    assert axis["title"] == "البيئة"
    assert axis["description"] == "وصف المحور"
    assert axis["_fallback"] == {"title": "ar", "description": "ar"}


def test_lang_all_gives_every_translation(api):
    AxisFactory(title_ar="البيئة", title_fr="Environnement", title_en="")

    axis = results(api.get("/api/v1/axes/?lang=all"))[0]

    assert axis["title"] == {"ar": "البيئة", "fr": "Environnement", "en": "", "zgh": ""}
    assert axis["_fallback"] == {}
    assert axis["url"].startswith("http://testserver/ar/")


def test_unknown_language_is_a_clear_400(api):
    response = api.get("/api/v1/axes/?lang=de")

    assert response.status_code == 400
    assert "lang" in response.json()


def test_draft_axis_and_project_are_hidden_from_anonymous(api):
    axis = AxisFactory(publication_status=PublicationStatus.DRAFT)
    draft = ProjectFactory(axis=axis, publication_status=PublicationStatus.REVIEW)
    GoalFactory(axis=axis)

    assert results(api.get("/api/v1/axes/")) == []
    assert results(api.get("/api/v1/projects/")) == []
    assert results(api.get("/api/v1/goals/")) == []
    assert api.get(f"/api/v1/axes/{axis.pk}/").status_code == 404
    assert api.get(f"/api/v1/projects/{draft.pk}/").status_code == 404


def test_a_goal_of_a_draft_project_is_hidden_with_its_project(api):
    hidden = GoalFactory(project=ProjectFactory(publication_status="draft"))
    shown = GoalFactory(axis=hidden.axis)

    assert [g["id"] for g in results(api.get("/api/v1/goals/"))] == [shown.pk]
    axis = api.get(f"/api/v1/axes/{hidden.axis_id}/").json()
    assert [g["id"] for g in axis["goals"]] == [shown.pk]


def test_project_detail_has_milestones_updates_and_stable_identifiers(api):
    project = ProjectFactory(slug="open-days", budget="150000.00", progress=40)
    MilestoneFactory(project=project, title_ar="الإعلان")
    ProjectUpdateFactory(project=project, title_ar="تقدم الأشغال")
    ProjectUpdateFactory(project=project, publication_status="draft", title_ar="سري")
    ProjectImageFactory(project=project)

    data = api.get(f"/api/v1/projects/{project.pk}/").json()

    assert data["id"] == project.pk
    assert data["slug"] == "open-days"
    assert data["url"] == "http://testserver/ar/projects/open-days/"
    assert data["axis"]["id"] == project.axis_id
    assert data["budget"] == "150000.00"
    assert [m["title"] for m in data["milestones"]] == ["الإعلان"]
    assert [u["title"] for u in data["updates"]] == ["تقدم الأشغال"]
    assert data["images"][0]["image"].startswith("http://testserver/")
    # ISO 8601 with the offset of Africa/Casablanca.
    assert data["created_at"][-6:] in {"+01:00", "+00:00"}


def test_projects_filter_by_axis_status_and_dates(api):
    axis = AxisFactory()
    wanted = ProjectFactory(axis=axis, status="in_progress", start_date="2024-03-01")
    ProjectFactory(axis=axis, status="completed", start_date="2024-03-01")
    ProjectFactory(status="in_progress", start_date="2024-03-01")
    ProjectFactory(axis=axis, status="in_progress", start_date="2023-01-01")

    found = results(
        api.get(
            "/api/v1/projects/",
            {
                "axis": axis.pk,
                "status": "in_progress",
                "start_date_after": "2024-01-01",
            },
        )
    )

    assert [p["id"] for p in found] == [wanted.pk]


def test_projects_filter_updated_since(api):
    old = ProjectFactory()
    type(old).objects.filter(pk=old.pk).update(updated_at="2020-01-01T00:00:00Z")
    recent = ProjectFactory()

    found = results(api.get("/api/v1/projects/?updated_since=2024-01-01T00:00:00Z"))

    assert [p["id"] for p in found] == [recent.pk]


def test_bad_filter_value_is_a_400_not_a_500(api):
    for query in ("start_date_after=yesterday", "status=finished", "axis=abc"):
        response = api.get(f"/api/v1/projects/?{query}")
        assert response.status_code == 400, query


def test_search_ignores_arabic_spelling_variants(api):
    found = ProjectFactory(title_ar="تأهيل الحديقة العمومية")
    ProjectFactory(title_ar="مهرجان الطبخ")

    hits = results(api.get("/api/v1/projects/", {"q": "تاهيل الحديقه"}))

    assert [p["id"] for p in hits] == [found.pk]


def test_projects_are_ordered_by_an_allowed_field(api):
    low = ProjectFactory(progress=10)
    high = ProjectFactory(progress=90)

    hits = results(api.get("/api/v1/projects/?ordering=-progress"))

    assert [p["id"] for p in hits] == [high.pk, low.pk]


def test_goals_filter_by_axis(api):
    goal = GoalFactory()
    GoalFactory()

    assert [
        g["id"] for g in results(api.get(f"/api/v1/goals/?axis={goal.axis_id}"))
    ] == [goal.pk]


def test_program_lists_its_published_axes(api):
    program = ProgramFactory()
    axis = AxisFactory(program=program)
    AxisFactory(program=program, publication_status="draft")

    data = api.get(f"/api/v1/programs/{program.pk}/").json()

    assert [a["id"] for a in data["axes"]] == [axis.pk]


def make_projects(count):
    axis = AxisFactory()
    for _ in range(count):
        project = ProjectFactory(axis=axis)
        GoalFactory(axis=axis, project=project)
        MilestoneFactory(project=project)
        ProjectUpdateFactory(project=project)


def make_axes(count):
    program = ProgramFactory()
    for _ in range(count):
        axis = AxisFactory(program=program)
        GoalFactory(axis=axis, project=ProjectFactory(axis=axis))


def make_goals(count):
    axis = AxisFactory()
    for _ in range(count):
        GoalFactory(axis=axis, project=ProjectFactory(axis=axis))


def make_programs(count):
    for _ in range(count):
        AxisFactory(program=ProgramFactory())


@pytest.mark.parametrize(
    ("endpoint", "make_rows", "queries"),
    [
        ("projects", make_projects, 7),
        ("axes", make_axes, 4),
        ("goals", make_goals, 3),
        ("programs", make_programs, 4),
    ],
)
@pytest.mark.parametrize("size", [5, 200])
def test_list_query_count_does_not_grow_with_rows(
    api, django_assert_num_queries, endpoint, make_rows, queries, size
):
    make_rows(size)

    with django_assert_num_queries(queries):
        response = api.get(f"/api/v1/{endpoint}/?page_size=100")

    assert len(response.json()["results"]) == min(size, 100)
