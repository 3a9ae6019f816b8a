"""Every hostile value of the corpus, written through every staff-writable API endpoint."""

import json

from django.apps import apps
from django.test import Client
from rest_framework import serializers
from rest_framework.authtoken.models import Token

from core.api import StaffWritableViewSet
from core.serializers import TranslatedField
from kenitra_portal.api import build_router
from tests.kenitra_portal.hostile_corpus import (
    CORPUS,
    SECRET,
    assert_everything_stored_renders,
    assert_no_server_error,
    content,
)
from tests.workshops.proposal_support import _empty_cache

__all__ = ["_empty_cache", "content"]


def token_client(user):
    client = Client(
        raise_request_exception=False,
        HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user)}",
    )
    return client


def writable_endpoints():
    for prefix, viewset, _basename in build_router().registry:
        if issubclass(viewset, StaffWritableViewSet):
            yield prefix, viewset


def valid_payload(prefix, content, number):
    slug = f"hostile-{prefix}-{number}"
    if prefix == "projects":
        return {
            "axis_id": content["project"].axis_id,
            "title": "مشروع",
            "slug": slug,
            "status": "planned",
            "progress": 0,
        }
    if prefix == "meetings":
        return {"title": "لقاء", "slug": slug, "kind": "consultation"}
    if prefix == "workshops":
        return {
            "title": "ورشة",
            "slug": slug,
            "meeting_id": content["meeting"].pk,
            "axis_id": content["project"].axis_id,
        }
    raise AssertionError(f"no valid payload for /api/v1/{prefix}/")


def string_fields(viewset):
    """(name, is free text) of each writable string field of the endpoint."""
    serializer = viewset.serializer_class(context={"lang": "ar"})
    for name, field in serializer.fields.items():
        if field.read_only:
            continue
        if isinstance(field, TranslatedField):
            yield name, True
        elif isinstance(field, serializers.CharField | serializers.ChoiceField):
            yield name, False


def test_every_api_write(content, publisher, settings):
    client = token_client(publisher)
    targets = {
        "projects": content["project"],
        "meetings": content["meeting"],
        "workshops": content["workshop"],
    }
    stored = 0
    for prefix, viewset in writable_endpoints():
        fields = list(string_fields(viewset))
        assert fields, prefix
        for number, value in enumerate(CORPUS):
            everywhere = {name: value for name, _free in fields}
            free_text = {name: value for name, free in fields if free}
            for body in (everywhere, free_text, {"title": {"ar": value, "fr": value}}):
                payload = {**valid_payload(prefix, content, number), **body}
                created = client.post(
                    f"/api/v1/{prefix}/",
                    json.dumps(payload),
                    content_type="application/json",
                )
                assert_no_server_error(created, f"POST {prefix} {value[:20]!r}")
                assert created["Content-Type"] == "application/json"
                stored += created.status_code == 201
                changed = client.patch(
                    f"/api/v1/{prefix}/{targets[prefix].pk}/",
                    json.dumps(body),
                    content_type="application/json",
                )
                assert_no_server_error(changed, f"PATCH {prefix} {value[:20]!r}")
                assert changed["Content-Type"] == "application/json"
        for raw in ("[" * 100_000, '{"title": ' * 50_000, "\x00", "{", "NaN"):
            response = client.post(
                f"/api/v1/{prefix}/", raw, content_type="application/json"
            )
            assert response.status_code == 400, (prefix, raw[:10])
    assert stored > len(CORPUS)
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": None},
    }
    # Everything the API stored, published, must still make every output whole.
    for model in (
        apps.get_model("projects", "Project"),
        apps.get_model("consultations", "Meeting"),
        apps.get_model("workshops", "Workshop"),
    ):
        model.objects.exclude(title_ar=SECRET).update(publication_status="published")
    assert_everything_stored_renders(Client(raise_request_exception=False), content)
