"""The search page: results by kind, highlights, paging, languages, references,
suggestions and the query counts; the admin and API search alike."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from core.models import PublicationStatus
from kenitra_portal.search import search_kinds
from tests import factories
from tests.factories import (
    AxisFactory,
    MeetingFactory,
    ProjectFactory,
    ProposalFactory,
    WorkshopFactory,
)
from tests.kenitra_portal.test_search import SEARCH_URL


def test_results_are_grouped_by_kind_with_links_and_highlights(client, db):
    project = ProjectFactory(
        title_ar="تنظيم مهرجان دولي", summary_ar="مهرجان لفنون الطبخ بمنطقة الغرب"
    )
    meeting = MeetingFactory(title_ar="لقاء حول المهرجان")
    workshop = WorkshopFactory(title_ar="ورشة عمل", summary_ar="أفكار للمهرجان")
    proposal = ProposalFactory(title="اقتراح", text="مهرجان في الحي")
    response = client.get(SEARCH_URL, {"q": "مهرجان"})
    html = response.content.decode()
    assert [group.kind.key for group in response.context["groups"]] == [
        "projects",
        "meetings",
        "workshops",
        "proposals",
    ]
    assert [group.total for group in response.context["groups"]] == [1, 1, 1, 1]
    for obj in (project, meeting, workshop, proposal):
        assert f'href="{obj.get_absolute_url()}"' in html
    assert "تنظيم <mark>مهرجان</mark> دولي" in html
    assert "<mark>مهرجان</mark> لفنون الطبخ" in html
    assert "لقاء حول <mark>المهرجان</mark>" in html
    assert "أفكار <mark>للمهرجان</mark>" in html
    assert "<mark>مهرجان</mark> في الحي" in html


def test_the_kinds_found_in_their_titles_come_first_and_the_rest_are_links(client, db):
    """A word found in many kinds: the first page lists the best kinds' results
    (found in a title before found in a text), the others as counted links."""
    project = ProjectFactory(title_ar="برنامج", summary_ar="حديقة الحي")
    meeting = MeetingFactory(title_ar="لقاء", summary_ar="حول الحديقة")
    WorkshopFactory(title_ar="ورشة", summary_ar="تهيئة حديقة", meeting=meeting)
    ProposalFactory(title="حديقة للأطفال", text="نص", axis=project.axis)
    factories.DecisionFactory(title_ar="قرار الحديقة", meeting=meeting)
    factories.AgendaItemFactory(
        title_ar="نقطة", description_ar="حديقة", meeting=meeting
    )

    response = client.get(SEARCH_URL, {"q": "حديقة"})

    assert [group.kind.key for group in response.context["groups"]] == [
        "decisions",
        "proposals",
        "projects",
        "meetings",
    ]
    assert [(kind.key, total) for kind, total in response.context["more"]] == [
        ("agenda", "1"),
        ("workshops", "1"),
    ]
    html = response.content.decode()
    # The counts above the results link every kind too: look at the section alone.
    (more,) = re.findall(r'<section class="search-more.*?</section>', html, re.S)
    assert "نتائج أخرى في" in more
    assert re.findall(r"kind=(\w+)", more) == ["agenda", "workshops"]
    # The counts above the results keep the site's order on every page.
    assert [kind.key for kind, _total in response.context["counts"]] == [
        "projects",
        "meetings",
        "agenda",
        "decisions",
        "workshops",
        "proposals",
    ]
    one_kind = client.get(SEARCH_URL, {"q": "حديقة", "kind": "workshops"})
    assert [group.kind.key for group in one_kind.context["groups"]] == ["workshops"]
    assert one_kind.context["more"] == []


def test_a_workshop_result_names_the_meeting_it_was_held_at(client, db):
    held = WorkshopFactory(title_ar="ورشة المهرجان", meeting__title_ar="لقاء الجمعيات")
    WorkshopFactory(title_ar="ورشة مهرجان آخر", meeting__publication_status="draft")

    response = client.get(SEARCH_URL, {"q": "مهرجان", "kind": "workshops"})

    parents = {r.object.pk: r.parent for r in response.context["groups"][0].results}
    assert parents[held.pk] == held.meeting
    assert None in parents.values()
    html = response.content.decode()
    assert f'href="{held.meeting.get_absolute_url()}"' in html


def test_highlight_keeps_the_spelling_of_the_text(client, db):
    ProjectFactory(title_ar="إِحْداث متحف")
    html = client.get(SEARCH_URL, {"q": "احداث"}).content.decode()
    assert "<mark>إِحْداث</mark> متحف" in html


def test_what_a_user_types_never_runs_as_script(client, db):
    ProjectFactory(
        title_ar="مشروع <script>alert(1)</script>",
        summary_ar='<img src=x onerror="alert(2)"> script مشروع',
    )
    q = '<script>alert("q")</script> مشروع'
    html = client.get(SEARCH_URL, {"q": q}).content.decode()
    assert "<script>alert" not in html
    assert "onerror" not in html
    assert "&lt;script&gt;alert(&quot;q&quot;)&lt;/script&gt;" in html


@pytest.mark.parametrize("q", ["", "   ", "!!! ،،،"])
def test_a_query_without_words_finds_nothing(client, db, q):
    ProjectFactory()
    response = client.get(SEARCH_URL, {"q": q})
    assert response.status_code == 200
    assert response.context["groups"] == []


def test_one_kind_is_shown_page_by_page(client, db):
    ProjectFactory.create_batch(25, title_ar="مشروع الحديقة")
    response = client.get(SEARCH_URL, {"q": "الحديقة"})
    (projects,) = [g for g in response.context["groups"] if g.kind.key == "projects"]
    assert projects.total == 25
    assert len(projects.results) == 5
    assert "kind=projects" in response.content.decode()

    page_two = client.get(SEARCH_URL, {"q": "الحديقة", "kind": "projects", "page": 2})
    (group,) = page_two.context["groups"]
    assert group.total == 25
    assert len(group.results) == 5
    assert group.page_obj.number == 2


def test_french_page_marks_arabic_fallback_and_finds_french_words(client, db):
    axis = AxisFactory()
    ProjectFactory(axis=axis, title_ar="مهرجان الطبخ", title_fr="", slug="ar-only")
    ProjectFactory(
        axis=axis, title_ar="مشروع", title_fr="Festival culinaire", slug="both"
    )
    html = client.get("/fr/search/", {"q": "مهرجان"}).content.decode()
    assert 'href="/fr/projects/ar-only/" lang="ar" dir="rtl"' in html
    html = client.get("/fr/search/", {"q": "culinaire"}).content.decode()
    assert "Festival <mark>culinaire</mark>" in html
    assert 'href="/fr/projects/both/">' in html


def test_search_page_in_every_language(client, db):
    for code in ("ar", "fr", "en"):
        with translation.override(code):
            url = reverse("search")
        assert url == f"/{code}/search/"
        response = client.get(url, {"q": "x"})
        assert response.status_code == 200
        assert f'lang="{code}"' in response.content.decode()


@pytest.mark.parametrize("code", ["ar", "fr", "en", "zgh"])
def test_the_two_search_forms_are_landmarks_of_distinct_names(client, db, code):
    """The site's search box and the page's own form: a screen reader lists both
    search landmarks, so each needs its own name."""
    with translation.override(code):
        response = client.get(reverse("search"), {"q": "x"})
        site, page = gettext("Search the site"), gettext("Search")
    html = response.content.decode()
    forms = re.findall(r'<form [^>]*role="search"[^>]*>', html)
    assert len(forms) == 2
    assert f'aria-label="{site}"' in forms[0]
    assert 'aria-labelledby="search-title"' in forms[1]
    assert f'<h1 class="mb-3" id="search-title">{page}</h1>' in html
    assert site != page


@pytest.mark.parametrize("rows", [5, 200])
def test_search_page_queries_do_not_grow_with_results(
    client, db, django_assert_num_queries, rows
):
    axis = AxisFactory()
    meeting = MeetingFactory(title_ar="لقاء")
    ProjectFactory.create_batch(rows, axis=axis, title_ar="حديقة عمومية")
    MeetingFactory.create_batch(rows, title_ar="لقاء حول الحديقة")
    WorkshopFactory.create_batch(
        rows, meeting=meeting, axis=axis, title_ar="ورشة الحديقة"
    )
    ProposalFactory.create_batch(rows, axis=axis, title="حديقة للأطفال")
    # One count for every kind, then per kind found: its best rows; the commune's
    # details (footer).
    with django_assert_num_queries(6):
        response = client.get(SEARCH_URL, {"q": "حديقة"})
    assert [group.total for group in response.context["groups"]] == [rows] * 4
    # One kind, page by page: the counts, one page of rows; the commune's details
    # (footer).
    with django_assert_num_queries(3):
        response = client.get(SEARCH_URL, {"q": "حديقة", "kind": "meetings"})
    assert len(response.context["groups"][0].results) == min(rows, 20)


def test_a_match_in_another_languages_title_is_shown_in_that_language(client, db):
    WorkshopFactory(
        slug="digital", title_ar="ورشة الرقمنة", title_fr="Atelier numérique"
    )
    html = client.get("/fr/search/", {"q": "الرقمنه"}).content.decode()
    assert 'href="/fr/workshops/digital/">Atelier numérique</a>' in html
    assert (
        '<p class="mb-0 small search-snippet" lang="ar" dir="rtl">'
        "ورشة <mark>الرقمنة</mark></p>"
    ) in html


def test_an_overlong_query_is_cut_not_refused(client, db):
    ProjectFactory(title_ar="مهرجان الطبخ")
    response = client.get(SEARCH_URL, {"q": "مهرجان " * 2000, "page": "abc"})
    assert response.status_code == 200
    assert response.context["total"] == 1
    assert len(response.context["q"]) == 200


@pytest.mark.django_db
def test_search_page_title_names_the_query(client):
    response = client.get("/ar/search/", {"q": "متحف"})

    assert "<title>بحث: متحف · " in response.content.decode()


@pytest.fixture
def kenitra(db):
    call_command("load_kenitra", verbosity=0)


def _page(client, q, language="ar"):
    response = client.get(f"/{language}/search/", {"q": q})
    assert response.status_code == 200
    return response, response.content.decode()


def test_the_vice_president_is_found_by_his_name_in_arabic_and_french(client, kenitra):
    for q in ("مفتي", "Mofti"):
        response, html = _page(client, q)
        groups = {group.kind.key: group for group in response.context["groups"]}
        assert [r.object.slug for r in groups["people"].results] == [
            "el-houssine-mofti"
        ]
        # What he is and where he took part.
        assert "نائب رئيس جماعة القنيطرة" in html
        assert 'href="/ar/meetings/kenitra-openness-consultative-meeting/' in html
    assert "الحسين <mark>مفتي</mark>" in _page(client, "مفتي")[1]


def test_the_moroccan_spelling_finds_the_equality_commission(client, kenitra):
    response, html = _page(client, "هيأة المساواة")
    groups = {group.kind.key: group for group in response.context["groups"]}
    assert [r.object.slug for r in groups["organizations"].results] == [
        "equality-commission"
    ]
    # The agenda item of its representative's speech, with its meeting.
    assert [r.parent.slug for r in groups["agenda"].results] == [
        "kenitra-openness-consultative-meeting"
    ]
    assert "<mark>هيئة</mark> <mark>المساواة</mark>" in html


def test_ateliers_finds_the_workshops_titled_atelier(client, kenitra):
    response, html = _page(client, "ateliers", "fr")
    groups = {group.kind.key: group for group in response.context["groups"]}
    assert groups["workshops"].total == 4
    assert "<mark>Atelier</mark>" in html


def test_a_reference_goes_straight_to_its_proposal(client, db):
    proposal = ProposalFactory()
    for typed in (
        proposal.reference.lower(),
        proposal.reference.replace("-", " "),
        proposal.reference.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),
    ):
        response = client.get(SEARCH_URL, {"q": typed})
        assert response.status_code == 302
        assert response["Location"] == proposal.get_absolute_url()


def test_an_unpublished_proposals_reference_leads_nowhere(client, db):
    proposal = ProposalFactory(publication_status=PublicationStatus.REVIEW)
    response = client.get(SEARCH_URL, {"q": proposal.reference.lower()})
    assert response.status_code == 200
    assert response.context["total"] == 0


def test_knt_2026_0001_finds_the_first_proposal_of_2026(client, db):
    # The reference a citizen types, in lower case, as the issue has it.
    proposal = ProposalFactory()
    proposal.reference = "KNT-2026-0001"
    proposal.save()
    response = client.get(SEARCH_URL, {"q": "knt-2026-0001"})
    assert response["Location"] == proposal.get_absolute_url()


def test_a_stem_match_is_highlighted_in_the_words_of_the_text(client, db):
    WorkshopFactory(title_ar="ورشة الحدائق", summary_ar="ورشة عمل حول الحدائق")
    html = _page(client, "ورشات")[1]
    assert "<mark>ورشة</mark> الحدائق" in html
    assert "<mark>ورشة</mark> عمل" in html


def test_a_search_without_result_suggests_what_finds_something(client, db):
    ProjectFactory(title_ar="مهرجان الطبخ")
    response, html = _page(client, "مهرجان zzzz")
    assert response.context["total"] == 0
    assert ("مهرجان", 1) in response.context["suggestions"]
    assert 'href="?q=%D9%85%D9%87%D8%B1%D8%AC%D8%A7%D9%86"' in html
    assert 'href="/ar/projects/"' in html


def test_the_admin_search_box_finds_what_citizens_find(client, editor, db):
    ProjectFactory(title_ar="إحداث هيئات استشارية", slug="bodies")
    ProjectFactory(title_ar="مهرجان", slug="festival")
    client.force_login(editor)
    response = client.get("/admin/projects/project/", {"q": "هيأة"})
    assert response.status_code == 200
    assert [p.slug for p in response.context["cl"].result_list] == ["bodies"]


def test_the_api_search_parameter_finds_what_citizens_find(api, db):
    workshop = WorkshopFactory(title_ar="ورشة الرقمنة")
    WorkshopFactory(title_ar="لقاء")
    response = api.get("/api/v1/workshops/", {"q": "ورشات"})
    assert [row["id"] for row in response.json()["results"]] == [workshop.pk]


@pytest.mark.parametrize("rows", [5, 60])
def test_people_results_cost_the_same_queries_whatever_their_number(
    client, db, django_assert_num_queries, rows
):
    from tests.factories import MembershipFactory, ParticipationFactory

    meeting = MeetingFactory()
    for membership in MembershipFactory.create_batch(rows, role_ar="مستشار"):
        ParticipationFactory(meeting=meeting, person=membership.person)
    # The counts, the best people, their roles, their meetings; the commune's
    # details (footer).
    with django_assert_num_queries(5):
        response = client.get(SEARCH_URL, {"q": "مستشار", "kind": "people"})
    assert response.context["groups"][0].total == rows


@pytest.mark.parametrize("kind", search_kinds(), ids=lambda kind: kind.key)
def test_every_kinds_results_cost_the_same_queries_whatever_their_number(
    client, db, kind
):
    """A result reads nothing more than its kind's query brought (no long text left
    out of the query is read row by row)."""
    factory = getattr(factories, f"{kind.model.__name__}Factory")
    title = kind.model.search_title_fields[0]
    fields = {field.name for field in kind.model._meta.concrete_fields}
    title = f"{title}_ar" if f"{title}_ar" in fields else title
    # Records that staff keep to the councillors are not searched by the public.
    public = {"is_public": True} if "is_public" in fields else {}
    counted = {}
    for rows in (1, 4):
        kind.model._default_manager.all().delete()
        factory.create_batch(rows, **{title: "منارة الحي"}, **public)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(SEARCH_URL, {"q": "منارة"})
        assert [group.kind for group in response.context["groups"]] == [kind]
        assert response.context["groups"][0].total == rows
        counted[rows] = len(queries)
    assert counted[1] == counted[4]
