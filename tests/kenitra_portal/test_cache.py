"""The anonymous page cache: served from memory, never stale, never personal."""

import re

import pytest
from django.core.cache import caches
from django.urls import path, reverse

from core import pagecache
from core.models import PublicationStatus
from core.pagecache import VERSION_KEY
from tests.factories import (
    AxisFactory,
    GoalFactory,
    MilestoneFactory,
    ProjectFactory,
    ProposalFactory,
)
from workshops.models import ProposalStatus


@pytest.fixture
def page_cache(settings, db, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 600
    # Each test starts with the worker's view of the shared version unread.
    monkeypatch.setattr(
        pagecache,
        "_version",
        {
            **pagecache._version,
            "read_at": float("-inf"),
            "down_until": float("-inf"),
            "missed": False,
        },
    )
    for alias in ("default", "pages"):
        caches[alias].clear()
    yield
    for alias in ("default", "pages"):
        caches[alias].clear()


@pytest.fixture
def project(page_cache):
    return ProjectFactory(title_ar="مشروع المكتبة الرقمية", slug="digital-library")


def test_second_anonymous_visit_is_served_without_a_query(
    client, project, django_assert_num_queries
):
    url = project.get_absolute_url()
    first = client.get(url)

    with django_assert_num_queries(0):
        second = client.get(url)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "مشروع المكتبة الرقمية" in second.content.decode()


def test_a_published_edit_shows_at_once_to_anonymous_visitors(client, project):
    url = project.get_absolute_url()
    client.get(url)

    project.title_ar = "مشروع الخزانة الرقمية"
    project.save()
    response = client.get(url)

    assert response["X-Page-Cache"] == "miss"
    assert "مشروع الخزانة الرقمية" in response.content.decode()


def version():
    return caches["default"].get(VERSION_KEY)


@pytest.fixture
def draft_project(page_cache):
    return ProjectFactory(publication_status=PublicationStatus.DRAFT)


def test_a_draft_saved_leaves_every_cached_page_in_place(draft_project):
    draft_axis = AxisFactory(publication_status=PublicationStatus.DRAFT)
    before = version()
    draft_project.title_ar = "مسودة معدلة"
    draft_project.save()
    GoalFactory(axis=draft_axis)
    assert version() == before


def test_a_citizens_unpublished_proposal_leaves_the_cache_in_place(page_cache):
    axis = AxisFactory()
    before = version()
    proposal = ProposalFactory(axis=axis, publication_status=PublicationStatus.DRAFT)
    # Its moderation (a status row, a history row) is not public either.
    proposal.status = ProposalStatus.UNDER_STUDY
    proposal.save()
    assert proposal.status_changes.exists()
    assert version() == before


def test_a_staff_login_and_logout_leave_the_cache_in_place(client, project, superuser):
    before = version()
    staff = client.__class__()
    staff.force_login(superuser)
    staff.post(reverse("admin:logout"))
    assert version() == before


@pytest.mark.parametrize(
    "change",
    ["publish", "unpublish", "edit published", "edit a published child", "delete"],
)
def test_a_change_visitors_can_see_moves_the_version(page_cache, change):
    project = ProjectFactory(
        publication_status=PublicationStatus.DRAFT
        if change == "publish"
        else PublicationStatus.PUBLISHED
    )
    before = version()
    if change == "publish":
        project.publication_status = PublicationStatus.PUBLISHED
        project.save()
    elif change == "unpublish":
        project.publication_status = PublicationStatus.DRAFT
        project.save()
    elif change == "edit published":
        project.summary_ar = "ملخص جديد"
        project.save()
    elif change == "edit a published child":
        MilestoneFactory(project=project)
    else:
        project.delete()
    assert version() != before


def test_unpublishing_hides_the_page_at_once(client, project):
    url = project.get_absolute_url()
    assert client.get(url).status_code == 200

    project.publication_status = PublicationStatus.DRAFT
    project.save()

    assert client.get(url).status_code == 404


def test_pages_are_cached_per_language(client, project):
    project.title_fr = "Bibliothèque numérique"
    project.save()
    client.get(project.get_absolute_url())

    response = client.get(f"/fr/projects/{project.slug}/")

    assert "Bibliothèque numérique" in response.content.decode()
    assert 'lang="fr"' in response.content.decode()


def test_signed_in_staff_never_get_a_cached_page(client, project, staff_user):
    url = project.get_absolute_url()
    client.get(url)
    client.force_login(staff_user)

    response = client.get(url)

    assert "X-Page-Cache" not in response


def test_a_page_with_a_form_is_not_cached_with_someone_elses_csrf_token(
    client, page_cache
):
    response = client.get(reverse("admin:login"))

    assert "X-Page-Cache" not in response
    assert client.get(reverse("admin:login")).get("X-Page-Cache") is None


def test_the_request_id_is_fresh_on_a_cached_page(client, project):
    url = project.get_absolute_url()
    first = client.get(url)
    second = client.get(url)

    assert second["X-Page-Cache"] == "hit"
    assert first["X-Request-ID"] != second["X-Request-ID"]
    assert "frame-ancestors 'none'" in second["Content-Security-Policy"]


def test_missing_pages_and_health_checks_are_not_cached(client, page_cache):
    assert client.get("/ar/projects/no-such-project/").status_code == 404
    client.get("/healthz")

    assert "X-Page-Cache" not in client.get("/healthz")
    assert "X-Page-Cache" not in client.get("/ar/projects/no-such-project/")


def test_a_post_is_never_answered_from_the_cache(client, project):
    url = project.get_absolute_url()
    client.get(url)

    response = client.post(url)

    assert response.get("X-Page-Cache") != "hit"


def test_api_lists_are_cached_and_answer_304_to_a_poller(client, project):
    first = client.get("/api/v1/projects/")
    etag = first["ETag"]

    again = client.get("/api/v1/projects/", HTTP_IF_NONE_MATCH=etag)

    assert first.status_code == 200
    assert again.status_code == 304
    assert again["X-Page-Cache"] == "hit"


def test_api_clients_with_a_token_are_never_served_from_the_cache(
    client, project, staff_user
):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=staff_user)
    client.get("/api/v1/projects/")

    response = client.get("/api/v1/projects/", HTTP_AUTHORIZATION=f"Token {token.key}")

    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_an_edit_saved_by_another_worker_shows_once_the_version_is_read_again(
    client, project, settings
):
    settings.PAGE_CACHE_VERSION_MAX_AGE_MS = 0
    url = project.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    # What another gunicorn worker's save does to the shared version in Redis.
    caches["default"].set(VERSION_KEY, "bumped-elsewhere")

    assert client.get(url)["X-Page-Cache"] == "miss"


def page_with_a_script(request):
    from django.http import HttpResponse
    from django.template import engines

    template = engines["django"].from_string(
        '<script nonce="{{ request.csp_nonce }}">start()</script>'
    )
    return HttpResponse(template.render(request=request))


urlpatterns = [path("with-script/", page_with_a_script)]


@pytest.mark.urls(__name__)
def test_a_page_with_a_nonce_script_gets_its_nonce_and_is_never_cached(
    client, page_cache
):
    first = client.get("/with-script/")
    second = client.get("/with-script/")

    nonce = re.search(r'nonce="([^"]+)"', second.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in second["Content-Security-Policy"]
    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in second
    assert first.content != second.content
