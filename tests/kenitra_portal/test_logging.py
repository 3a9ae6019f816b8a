"""Structured logs: one JSON object a line, each with the id of its request."""

import json
import logging

import pytest
from django.urls import path

from core.logging import JSONFormatter, RequestIdFilter


@pytest.fixture
def json_lines(caplog):
    caplog.handler.setFormatter(JSONFormatter())
    caplog.handler.addFilter(RequestIdFilter())
    caplog.set_level(logging.INFO)

    def read():
        return [json.loads(caplog.handler.format(r)) for r in caplog.records]

    return read


def broken_view(request):
    raise RuntimeError("the ledger is unreadable")


urlpatterns = [path("broken/", broken_view)]


@pytest.mark.django_db
def test_each_request_is_logged_as_json_with_its_request_id(client, json_lines):
    response = client.get("/healthz")

    (line,) = [e for e in json_lines() if e["logger"] == "kenitra_portal.request"]
    assert line["request_id"] == response["X-Request-ID"]
    assert line["path"] == "/healthz"
    assert line["status"] == 200
    assert line["method"] == "GET"
    assert line["duration_ms"] >= 0


@pytest.mark.django_db
def test_the_proxy_request_id_is_kept_and_returned(client, json_lines):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="nginx-4f2a9c")

    assert response["X-Request-ID"] == "nginx-4f2a9c"
    assert {e["request_id"] for e in json_lines()} == {"nginx-4f2a9c"}


@pytest.mark.django_db
def test_a_request_id_that_could_forge_log_lines_is_replaced(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID='x"}\n{"level": "INFO')

    assert response["X-Request-ID"] != 'x"}\n{"level": "INFO'
    assert len(response["X-Request-ID"]) == 32


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_an_error_is_logged_with_its_traceback_path_and_request_id(client, json_lines):
    client.raise_request_exception = False
    response = client.get("/broken/?page=2")

    assert response.status_code == 500
    (error,) = [e for e in json_lines() if e["level"] == "ERROR"]
    assert error["request_id"] == response["X-Request-ID"]
    assert error["path"] == "/broken/?page=2"
    assert error["method"] == "GET"
    assert "RuntimeError: the ledger is unreadable" in error["exception"]


@pytest.mark.django_db
def test_a_not_found_is_logged_with_the_request_id(client, json_lines):
    response = client.get("/ar/no-such-page/")

    warnings = [e for e in json_lines() if e["logger"] == "django.request"]
    assert warnings[0]["request_id"] == response["X-Request-ID"]
    assert warnings[0]["status_code"] == 404
