import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

from projects.models import Project
from tests.factories import (
    AxisFactory,
    GoalFactory,
    MeetingFactory,
    MilestoneFactory,
    ProgramFactory,
    ProjectFactory,
    ProjectImageFactory,
    ProjectUpdateFactory,
    ProposalFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db


def url(name, language="ar", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


# --- Home ----------------------------------------------------------------------------


def test_root_redirects_to_arabic_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/ar/"


def test_root_redirects_a_french_browser_to_french(client):
    response = client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9"})
    assert response["Location"] == "/fr/"


def test_home_shows_axes_with_published_project_counts_and_average_progress(client):
    axis = AxisFactory(title_ar="الرقمنة وجودة الخدمات الجماعية")
    ProjectFactory(axis=axis, progress=20, status="in_progress")
    ProjectFactory(axis=axis, progress=60, status="completed")
    ProjectFactory(axis=axis, progress=100, publication_status="draft")

    response = client.get(url("projects:home"))

    page = response.content.decode()
    assert "الرقمنة وجودة الخدمات الجماعية" in page
    axis_row = next(a for a in response.context["axes"] if a.pk == axis.pk)
    assert axis_row.project_count == 2
    assert axis_row.average_progress == 40
    assert 'aria-valuenow="40"' in page


def test_home_chart_counts_projects_by_status_without_drafts(client):
    axis = AxisFactory()
    ProjectFactory.create_batch(2, axis=axis, status="in_progress")
    ProjectFactory(axis=axis, status="planned")
    ProjectFactory(axis=axis, status="suspended", publication_status="review")

    response = client.get(url("projects:home"))

    (row,) = response.context["chart"]
    assert row["total"] == 3
    assert {s["status"]: s["count"] for s in row["segments"]} == {
        "in_progress": 2,
        "planned": 1,
    }
    assert "مبرمج: <bdi>1</bdi>" in response.content.decode()


def test_home_separates_upcoming_from_past_meetings(client):
    now = timezone.now()
    upcoming = MeetingFactory(
        title_ar="لقاء الشهر المقبل", start=now + datetime.timedelta(days=30)
    )
    past = MeetingFactory(
        title_ar="لقاء الشهر الماضي", start=now - datetime.timedelta(days=30)
    )
    MeetingFactory(
        title_ar="لقاء غير منشور",
        start=now + datetime.timedelta(days=3),
        publication_status="draft",
    )

    response = client.get(url("projects:home"))

    assert list(response.context["upcoming_meetings"]) == [upcoming]
    assert list(response.context["past_meetings"]) == [past]
    assert "لقاء غير منشور" not in response.content.decode()


def test_home_hides_draft_axes_and_workshops(client):
    AxisFactory(title_ar="محور مسودة", publication_status="draft")
    WorkshopFactory(title_ar="ورشة مسودة", publication_status="draft")
    page = client.get(url("projects:home")).content.decode()
    assert "محور مسودة" not in page
    assert "ورشة مسودة" not in page


def test_home_is_arabic_right_to_left_and_french_left_to_right(client):
    ar = client.get(url("projects:home", "ar")).content.decode()
    fr = client.get(url("projects:home", "fr")).content.decode()
    assert '<html lang="ar" dir="rtl">' in ar
    assert "bootstrap.rtl.min.css" in ar
    assert '<html lang="fr" dir="ltr">' in fr
    assert "bootstrap.min.css" in fr


def test_home_has_description_and_open_graph_tags(client):
    ProgramFactory(
        title_ar="برنامج انفتاح جماعة القنيطرة", summary_ar="برنامج في أربعة محاور."
    )
    page = client.get(url("projects:home")).content.decode()
    assert '<meta name="description" content="برنامج في أربعة محاور.">' in page
    assert '<meta property="og:title" content="برنامج انفتاح جماعة القنيطرة">' in page
    assert '<meta property="og:locale" content="ar_MA">' in page
    assert '<link rel="alternate" hreflang="fr" href="http://testserver/fr/">' in page


def test_home_shows_a_few_projects_per_axis_and_counts_them_all(client):
    axis = AxisFactory()
    projects = [ProjectFactory(axis=axis, order=8 - n) for n in range(8)]
    ProjectFactory(axis=axis, order=0, publication_status="draft")

    response = client.get(url("projects:home"))

    [row] = [row for row in response.context["axes"] if row.pk == axis.pk]
    assert row.project_count == 8
    first = sorted(projects, key=lambda project: project.order)
    assert row.first_projects == first[:5]
    # Five shown, and the axis page named for all eight.
    assert "<bdi>8</bdi>" in response.content.decode()


@pytest.mark.parametrize("rows", [5, 200])
def test_home_query_count_does_not_grow_with_rows(
    client, django_assert_num_queries, rows
):
    ProgramFactory()
    axes = AxisFactory.create_batch(4)
    now = timezone.now()
    for n in range(rows):
        ProjectFactory(axis=axes[n % 4], status="in_progress", progress=n % 100)
        MeetingFactory(start=now + datetime.timedelta(days=n - rows // 2))
    WorkshopFactory.create_batch(min(rows, 20), axis=axes[0])
    # program, axes with their figures, their first projects, chart counts,
    # meetings' count, upcoming, past, workshops, the commune's details (footer)
    with django_assert_num_queries(9):
        client.get(url("projects:home"))


# --- Axis ----------------------------------------------------------------------------


def test_axis_page_lists_goals_and_published_projects_with_progress(client):
    axis = AxisFactory(title_ar="المشاركة المواطنة")
    GoalFactory(axis=axis, title_ar="تعزيز الديمقراطية التشاركية")
    ProjectFactory(axis=axis, title_ar="إحداث هيئات استشارية", progress=35)
    ProjectFactory(axis=axis, title_ar="مشروع مسودة", publication_status="draft")

    page = client.get(axis.get_absolute_url()).content.decode()

    assert "<h1>المشاركة المواطنة</h1>" in page
    assert "تعزيز الديمقراطية التشاركية" in page
    assert "إحداث هيئات استشارية" in page
    assert 'aria-valuenow="35"' in page
    assert "مشروع مسودة" not in page


def test_draft_axis_is_not_found(client):
    axis = AxisFactory(publication_status="draft")
    assert client.get(axis.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("rows", [5, 200])
def test_axis_page_query_count_does_not_grow(client, django_assert_num_queries, rows):
    axis = AxisFactory()
    GoalFactory.create_batch(rows, axis=axis)
    ProjectFactory.create_batch(rows, axis=axis)
    with django_assert_num_queries(5):
        client.get(axis.get_absolute_url())


# --- Projects list -------------------------------------------------------------------


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="partial indexes are PostgreSQL's here"
)
@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_project_list_order_has_an_index_in_every_language(language):
    """The list is ordered by axis, order and the title in the page's language: an
    index of the published projects' ones gives a page's keys without reading
    every published row, which carries its texts in every language."""
    with translation.override(language):
        ordered_by = str(Project.objects.published().query).split("ORDER BY")[1]
    assert f'"title_{language}"' in ordered_by
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            [f"project_published_in_order-{language}"],
        )
        (definition,) = cursor.fetchone()
    assert f'(axis_id, "order", title_{language}, id)' in definition
    assert "WHERE ((publication_status)::text = 'published'::text)" in definition


def test_project_list_filters_by_axis_and_status_with_shareable_links(client):
    culture = AxisFactory(slug="culture-sport")
    other = AxisFactory()
    ProjectFactory(axis=culture, title_ar="مهرجان فنون الطبخ", status="planned")
    ProjectFactory(axis=culture, title_ar="متحف رياضي", status="in_progress")
    ProjectFactory(axis=other, title_ar="حملات توعوية", status="planned")

    response = client.get(
        url("projects:project_list"), {"axis": "culture-sport", "status": "planned"}
    )

    assert [p.title for p in response.context["object_list"]] == ["مهرجان فنون الطبخ"]
    page = response.content.decode()
    assert '<option value="culture-sport" selected>' in page
    assert '<option value="planned" selected>' in page


def test_project_list_search_finds_arabic_whatever_the_spelling(client):
    ProjectFactory(title_ar="إحداث هيئات استشارية")
    ProjectFactory(title_ar="الأيام المفتوحة الرقمية")

    response = client.get(url("projects:project_list"), {"q": "احداث"})

    assert [p.title for p in response.context["object_list"]] == [
        "إحداث هيئات استشارية"
    ]


def test_project_list_search_ignores_french_accents_and_case(client):
    ProjectFactory(title_ar="مشروع", title_fr="Création d'instances consultatives")
    response = client.get(url("projects:project_list", "fr"), {"q": "CREATION"})
    assert len(response.context["object_list"]) == 1


def test_project_list_refuses_an_unknown_status_with_a_message(client):
    ProjectFactory()
    response = client.get(url("projects:project_list"), {"status": "<script>"})
    assert response.status_code == 200
    assert list(response.context["object_list"]) == []
    page = response.content.decode()
    assert "<script>" not in page
    assert 'class="invalid-feedback"' in page


def test_project_list_paginates_by_twelve_and_keeps_the_filters(client):
    axis = AxisFactory(slug="digital")
    ProjectFactory.create_batch(13, axis=axis)

    first = client.get(url("projects:project_list"), {"axis": "digital"})
    second = client.get(url("projects:project_list"), {"axis": "digital", "page": 2})

    assert len(first.context["object_list"]) == 12
    assert len(second.context["object_list"]) == 1
    assert 'href="?axis=digital&amp;page=2"' in first.content.decode()


def test_project_list_hides_drafts(client):
    ProjectFactory(title_ar="مشروع منشور")
    ProjectFactory(title_ar="مشروع قيد المراجعة", publication_status="review")
    page = client.get(url("projects:project_list")).content.decode()
    assert "مشروع منشور" in page
    assert "مشروع قيد المراجعة" not in page


@pytest.mark.parametrize("rows", [5, 200])
def test_project_list_query_count_does_not_grow(
    client, django_assert_num_queries, rows
):
    axis = AxisFactory(slug="digital")
    ProjectFactory.create_batch(rows, axis=axis)
    # the chosen axis, the count, the page's keys, the page of projects with their
    # axes and images, the axis menu (its length, then its choices), the commune's
    # details (footer)
    with django_assert_num_queries(8):
        client.get(url("projects:project_list"), {"axis": "digital", "q": "مشروع"})


# --- Project page --------------------------------------------------------------------


def test_project_page_shows_everything_published_about_the_project(client):
    project = ProjectFactory(
        title_ar="الأيام المفتوحة الرقمية",
        status="in_progress",
        progress=45,
        description_ar="<p>وصف المشروع</p>",
        start_date=datetime.date(2024, 5, 1),
    )
    GoalFactory(axis=project.axis, project=project, title_ar="تقريب الخدمات")
    MilestoneFactory(project=project, title_ar="إطلاق المنصة", done=True)
    MilestoneFactory(
        project=project, title_ar="تكوين الموظفين", due_date=datetime.date(2024, 7, 1)
    )
    ProjectUpdateFactory(
        project=project, title_ar="انطلاق الأشغال", date=datetime.date(2024, 8, 3)
    )
    ProjectUpdateFactory(
        project=project, title_ar="مستجد مسودة", publication_status="draft"
    )
    meeting = MeetingFactory(title_ar="لقاء الرقمنة")
    meeting.projects.add(project)
    workshop = WorkshopFactory(title_ar="ورشة الرقمنة")
    workshop.projects.add(project)
    ProposalFactory(project=project, title="اقتراح أيام مفتوحة", status="merged")
    ProposalFactory(
        project=project, title="اقتراح غير منشور", publication_status="draft"
    )

    page = client.get(project.get_absolute_url()).content.decode()

    for text in (
        "الأيام المفتوحة الرقمية",
        "في طور الإنجاز",
        'aria-valuenow="45"',
        "<p>وصف المشروع</p>",
        "تقريب الخدمات",
        "إطلاق المنصة",
        "تكوين الموظفين",
        "1 يوليوز 2024",
        "انطلاق الأشغال",
        "3 غشت 2024",
        "لقاء الرقمنة",
        "ورشة الرقمنة",
        "اقتراح أيام مفتوحة",
    ):
        assert text in page, text
    assert "مستجد مسودة" not in page
    assert "اقتراح غير منشور" not in page


def test_project_page_shows_lazy_thumbnails_with_their_size(client):
    image = ProjectImageFactory(alt_text_ar="ورش الأشغال")
    page = client.get(image.project.get_absolute_url()).content.decode()
    assert 'loading="lazy"' in page
    assert 'width="320" height="240"' in page
    assert 'alt="ورش الأشغال"' in page


def test_draft_project_is_hidden_from_anonymous(client):
    project = ProjectFactory(publication_status="draft")
    assert client.get(project.get_absolute_url()).status_code == 404


def test_french_page_marks_arabic_fallback_text(client):
    project = ProjectFactory(
        title_ar="مهرجان فنون الطبخ", title_fr=None, summary_fr="Un festival."
    )
    page = client.get(
        url("projects:project_detail", "fr", slug=project.slug)
    ).content.decode()
    assert '<h1 lang="ar" dir="rtl">مهرجان فنون الطبخ</h1>' in page
    assert '<p class="lead">Un festival.</p>' in page


def test_latin_words_in_arabic_text_are_isolated(client):
    project = ProjectFactory(title_ar="منصة Kenitra Digital للخدمات")
    page = client.get(project.get_absolute_url()).content.decode()
    assert "منصة <bdi>Kenitra Digital</bdi> للخدمات" in page


def test_language_switcher_keeps_the_page_and_the_query_string(client):
    project = ProjectFactory(slug="digital-open-days")
    page = client.get(project.get_absolute_url()).content.decode()
    assert 'href="/fr/projects/digital-open-days/"' in page
    listing = client.get(url("projects:project_list"), {"status": "planned"})
    assert 'href="/fr/projects/?status=planned"' in listing.content.decode()


@pytest.mark.parametrize("rows", [5, 200])
def test_project_page_query_count_does_not_grow(
    client, django_assert_num_queries, rows
):
    project = ProjectFactory()
    GoalFactory.create_batch(rows, axis=project.axis, project=project)
    MilestoneFactory.create_batch(rows, project=project)
    ProjectUpdateFactory.create_batch(rows, project=project)
    for meeting in MeetingFactory.create_batch(rows):
        meeting.projects.add(project)
    for workshop in WorkshopFactory.create_batch(rows, axis=project.axis):
        workshop.projects.add(project)
    ProposalFactory.create_batch(rows, project=project, axis=project.axis)
    ProjectImageFactory.create_batch(
        rows, project=project, image__width=40, image__height=30
    )
    # Thumbnails are made on the first view; the count is for every view after it.
    client.get(project.get_absolute_url())
    # project + axis, goals, milestones, images, updates, meetings, workshops, proposals
    with django_assert_num_queries(9):
        client.get(project.get_absolute_url())


# --- Error pages ---------------------------------------------------------------------


def test_unknown_page_is_a_friendly_404_in_the_active_language(client):
    arabic = client.get("/ar/no-such-page/")
    french = client.get("/fr/no-such-page/")
    assert arabic.status_code == french.status_code == 404
    assert "لم نجد هذه الصفحة" in arabic.content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic.content.decode()
    assert "Nous n'avons pas trouvé cette page" in french.content.decode()
    # The language switcher still works on a page that does not exist.
    assert 'href="/fr/no-such-page/"' in arabic.content.decode()


def test_server_error_page_needs_neither_the_database_nor_a_request(
    rf, django_assert_num_queries
):
    from django.views.defaults import server_error

    with translation.override("fr"), django_assert_num_queries(0):
        response = server_error(rf.get("/fr/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="fr" dir="ltr">' in page
    assert "Une erreur s'est produite de notre côté" in page


def test_text_with_markup_is_escaped_even_where_latin_words_are_isolated(client):
    project = ProjectFactory(title_ar='مشروع <script>alert("x")</script> Kenitra')
    page = client.get(project.get_absolute_url()).content.decode()
    assert "<script>alert" not in page
    assert "&lt;<bdi>script</bdi>&gt;" in page
