"""Read replicas: anonymous reads may go to one; writes and staff never do."""

import pytest
from django.test import RequestFactory

from core.pagecache import AnonymousPageCacheMiddleware
from core.routers import PrimaryReplicaRouter
from projects.models import Project

router = PrimaryReplicaRouter()


@pytest.fixture
def with_replica(settings):
    settings.DATABASE_REPLICAS = ["replica_1"]


def route_inside(request):
    seen = {}

    def view(request):
        seen["read"] = router.db_for_read(Project)
        seen["write"] = router.db_for_write(Project)
        from django.http import HttpResponse

        return HttpResponse("ok")

    AnonymousPageCacheMiddleware(view)(request)
    return seen


def test_anonymous_reads_go_to_the_replica(with_replica):
    seen = route_inside(RequestFactory().get("/ar/projects/"))

    assert seen == {"read": "replica_1", "write": "default"}


def test_a_signed_in_editor_reads_from_the_primary(with_replica):
    request = RequestFactory().get("/ar/projects/")
    request.COOKIES["sessionid"] = "abc"

    assert route_inside(request)["read"] == "default"


def test_a_form_post_reads_from_the_primary(with_replica):
    assert route_inside(RequestFactory().post("/ar/proposals/new/"))["read"] == (
        "default"
    )


def test_without_a_replica_everything_uses_the_primary():
    assert route_inside(RequestFactory().get("/ar/projects/"))["read"] == "default"


def test_outside_a_request_reads_use_the_primary(with_replica):
    assert router.db_for_read(Project) == "default"


def test_migrations_run_on_the_primary_only():
    assert router.allow_migrate("default", "projects")
    assert not router.allow_migrate("replica_1", "projects")
