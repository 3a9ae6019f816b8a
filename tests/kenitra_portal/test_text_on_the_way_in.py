"""Text is clean on the way in, and what cannot be clean is refused, never a 500."""

import json
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from consultations.models import Meeting
from core.parsers import MAX_JSON_DEPTH
from core.textclean import clean_text
from projects.models import Project
from tests.factories import (
    AxisFactory,
    MeetingFactory,
    ProjectFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db


def token_client(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user)}")
    return client


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("سطر\u000bسطر", "سطر\nسطر"),
        ("a\r\nb\rc\x0cd\x85e", "a\nb\nc\nd\ne"),
        ("tab\tkept\nnewline kept", "tab\tkept\nnewline kept"),
        ("n\x00u\x01l\x1f\x7f\x9fl", "null"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("\u202eevil\u202c and \u2067isolate\u2069", "evil and isolate"),
        ("marks \u200f\u200e\u061c stay", "marks \u200f\u200e\u061c stay"),
        ("not\ufffe\uffffxml", "notxml"),
    ],
)
def test_clean_text(typed, stored):
    assert clean_text(typed) == stored
    assert clean_text(stored) == stored


def test_a_vertical_tab_from_staff_does_not_break_the_arabic_feeds(client):
    MeetingFactory(summary_ar="ملخص\u000bاللقاء", summary="ملخص\u000bاللقاء")

    for name in ("meetings_feed", "meetings_feed_atom"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        ET.fromstring(response.content)  # noqa: S314 - the portal's own output
    assert Meeting.objects.get().summary_ar == "ملخص\nاللقاء"


def test_every_text_column_of_every_model_is_cleaned_on_save():
    project = ProjectFactory(
        title_ar="\u202eعنوان\u202c", title_fr="ti\x00tre", slug="p\x00roject"
    )

    project.refresh_from_db()
    assert (project.title_ar, project.title_fr, project.slug) == (
        "عنوان",
        "titre",
        "project",
    )


@pytest.mark.parametrize(
    "path",
    [
        "/ar/projects/a%00b/",
        "/ar/meetings/%00/",
        "/ar/meetings/%00/calendar.ics",
        "/ar/workshops/%00/",
        "/ar/axes/%00/",
        "/api/v1/projects/%00/",
    ],
)
def test_a_nul_in_the_address_is_a_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/ar/proposals/new/?workshop=%00",
        "/ar/search/?q=%00",
        "/api/v1/projects/?slug=%00",
        "/api/v1/projects/?a%00=1",
    ],
)
def test_a_nul_in_a_parameter_is_a_400(client, path):
    response = client.get(path)

    assert response.status_code == 400
    if path.startswith("/api/"):
        assert "NUL" in response.json()["detail"]


@pytest.mark.parametrize(
    "value", ["\\u0000", "\\ud800", "\\udfff\\ud800", "\\u202e", "\\u000b"]
)
@pytest.mark.parametrize("method", ["post", "patch"])
def test_api_writes_store_clean_text(publisher, value, method):
    axis = AxisFactory()
    project = ProjectFactory(axis=axis)
    client = token_client(publisher)
    body = (
        '{"axis_id": %d, "title": {"ar": "عنوان %s"}, "slug": "slug-%d", '
        '"status": "planned", "progress": 0}'
    )
    if method == "post":
        response = client.post(
            "/api/v1/projects/",
            body % (axis.pk, value, 1),
            content_type="application/json",
        )
    else:
        response = client.patch(
            f"/api/v1/projects/{project.pk}/",
            body % (axis.pk, value, 2),
            content_type="application/json",
        )

    assert response.status_code in (200, 201), response.content
    stored = Project.objects.get(pk=response.json()["id"]).title_ar
    assert stored == clean_text(json.loads(f'"عنوان {value}"'))


@pytest.mark.parametrize(
    "endpoint", ["/api/v1/projects/", "/api/v1/meetings/", "/api/v1/workshops/"]
)
def test_deeply_nested_json_is_a_400_with_a_message(publisher, endpoint):
    client = token_client(publisher)
    deep = "[" * 100_000 + "]" * 100_000

    created = client.post(endpoint, deep, content_type="application/json")
    target = {
        "/api/v1/projects/": ProjectFactory,
        "/api/v1/meetings/": MeetingFactory,
        "/api/v1/workshops/": WorkshopFactory,
    }[endpoint]()
    changed = client.patch(
        f"{endpoint}{target.pk}/",
        '{"title": ' + "[" * 40 + "]" * 40 + "}",
        content_type="application/json",
    )

    for response in (created, changed):
        assert response.status_code == 400
        # In the client's language (Arabic here): the limit is named.
        assert str(MAX_JSON_DEPTH) in response.json()["detail"]


def test_an_oversized_api_body_is_refused_in_json(publisher, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = token_client(publisher).post(
        "/api/v1/projects/",
        json.dumps({"title": "x" * 2000}),
        content_type="application/json",
    )

    assert response.status_code == 413, response.content
    assert "1000" in response.json()["detail"]


def test_api_errors_are_json(api):
    for path in ("/api/v1/projects/not-a-number/", "/api/v1/nothing-here/"):
        response = api.get(path)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert response.json()["detail"]
    # Pages keep their HTML error page.
    assert "text/html" in api.get("/ar/projects/no-such-project/")["Content-Type"]


def test_an_api_server_error_is_json(api, monkeypatch):
    from projects.api import ProjectViewSet

    def broken(self):
        raise RuntimeError("boom")

    monkeypatch.setattr(ProjectViewSet, "get_queryset", broken)

    response = api.get("/api/v1/projects/?lang=en")

    assert response.status_code == 500
    assert response.json() == {"detail": "A server error occurred."}


def test_text_stored_before_is_cleaned_by_the_migration(client):
    from django.apps import apps

    from core.textclean import clean_stored_rows

    meeting = MeetingFactory()
    # As an older version stored it: no cleaning on the way in.
    Meeting.objects.filter(pk=meeting.pk).update(summary_ar="ملخص\u000bاللقاء\u202e")

    clean_stored_rows(apps, "consultations")

    assert Meeting.objects.get().summary_ar == "ملخص\nاللقاء"
    assert client.get(reverse("meetings_feed")).status_code == 200
