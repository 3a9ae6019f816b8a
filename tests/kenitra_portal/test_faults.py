"""Redis down: pages are never stale, a takedown takes, and the limits still hold."""

import pytest
from django.urls import reverse

from tests.factories import AxisFactory, ProjectFactory
from tests.kenitra_portal.test_cache import page_cache
from tests.workshops.proposal_support import proposal_post
from workshops.models import Proposal

__all__ = ["page_cache"]

PAGES = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "anonymous-pages",
}
WORKING = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "shared",
    },
    "pages": PAGES,
}
# A real Redis client against a port where nothing listens, configured as in
# production: the default cache ignores the errors, "shared" reports them.
_CLOSED_PORT = {
    "BACKEND": "django_redis.cache.RedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",
    "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
}
REDIS_DOWN = {
    "default": {
        **_CLOSED_PORT,
        "OPTIONS": {**_CLOSED_PORT["OPTIONS"], "IGNORE_EXCEPTIONS": True},
    },
    "shared": _CLOSED_PORT,
    "pages": PAGES,
}


@pytest.fixture
def shared_cache(settings, page_cache):
    settings.SHARED_CACHE = True
    settings.CACHES = WORKING
    return settings


@pytest.fixture
def project(shared_cache):
    return ProjectFactory(title_ar="مشروع المكتبة الرقمية", slug="digital-library")


def test_a_takedown_takes_at_once_on_the_worker_that_made_it(client, project, settings):
    url = project.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    settings.CACHES = REDIS_DOWN
    project.publication_status = "draft"
    project.save()

    assert client.get(url).status_code == 404


def test_a_takedown_by_another_worker_shows_within_the_promised_time(
    client, project, settings
):
    settings.PAGE_CACHE_VERSION_MAX_AGE_MS = 0
    url = project.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    settings.CACHES = REDIS_DOWN
    # Another worker's save: the row changes, no signal reaches this process.
    type(project).objects.filter(pk=project.pk).update(publication_status="draft")

    assert client.get(url).status_code == 404


def test_pages_are_computed_while_redis_is_down(client, project, settings):
    settings.PAGE_CACHE_VERSION_MAX_AGE_MS = 0
    settings.CACHES = REDIS_DOWN
    url = project.get_absolute_url()

    responses = [client.get(url) for _ in range(3)]

    assert [r.status_code for r in responses] == [200, 200, 200]
    assert {r["X-Page-Cache"] for r in responses} == {"off"}


def test_no_page_from_before_an_outage_is_served_after_it(client, project, settings):
    settings.PAGE_CACHE_VERSION_MAX_AGE_MS = 0
    url = project.get_absolute_url()
    client.get(url)
    settings.CACHES = REDIS_DOWN
    assert client.get(url)["X-Page-Cache"] == "off"
    # Meanwhile, another worker edits; its bump cannot reach Redis either.
    type(project).objects.filter(pk=project.pk).update(title_ar="عنوان بعد العطل")

    settings.CACHES = WORKING
    response = client.get(url)

    assert response["X-Page-Cache"] == "miss"
    assert "عنوان بعد العطل" in response.content.decode()


@pytest.mark.django_db
def test_the_proposal_limit_holds_without_redis(client, settings):
    settings.SHARED_CACHE = True
    settings.CACHES = REDIS_DOWN
    settings.PROPOSAL_RATE_LIMIT = 2
    axis = AxisFactory()

    statuses = [
        client.post(
            reverse("workshops:proposal_create"),
            proposal_post(axis, text=f"نقترح تهيئة حديقة رقم {n} قرب المدرسة."),
        ).status_code
        for n in range(4)
    ]

    assert statuses == [302, 302, 429, 429]
    assert Proposal.objects.count() == 2


@pytest.mark.django_db
def test_the_api_limit_holds_without_redis(api, settings):
    settings.SHARED_CACHE = True
    settings.CACHES = REDIS_DOWN
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"},
    }

    statuses = [api.get("/api/v1/axes/").status_code for _ in range(5)]

    assert statuses == [200, 200, 200, 429, 429]
