"""The visitor's address: believed from a proxy's header only when a trusted proxy sent it."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from core.middleware import client_ip
from tests.factories import AxisFactory, UserFactory
from tests.workshops.proposal_support import _empty_cache, proposal_post
from workshops.models import Proposal

__all__ = ["_empty_cache"]

PASSWORD = "a-long-test-password"  # tests/factories.py


def address(remote, **headers):
    request = RequestFactory().get("/", REMOTE_ADDR=remote, **headers)
    return client_ip(request)


@pytest.mark.parametrize(
    ("remote", "headers", "expected"),
    [
        # A visitor reaching gunicorn directly names any address it likes: ignored.
        ("203.0.113.5", {"HTTP_X_REAL_IP": "198.51.100.1"}, "203.0.113.5"),
        ("203.0.113.5", {"HTTP_X_FORWARDED_FOR": "198.51.100.1"}, "203.0.113.5"),
        # nginx on this machine says whom it forwards for.
        ("127.0.0.1", {"HTTP_X_REAL_IP": "198.51.100.1"}, "198.51.100.1"),
        ("127.0.0.1", {"HTTP_X_REAL_IP": " 2001:db8::1 "}, "2001:db8::1"),
        # In X-Forwarded-For the right-most hop not a proxy is the visitor; what the
        # visitor put to its left is not believed.
        (
            "127.0.0.1",
            {"HTTP_X_FORWARDED_FOR": "6.6.6.6, 198.51.100.1, 127.0.0.1"},
            "198.51.100.1",
        ),
        # Malformed values are ignored, never passed on.
        ("127.0.0.1", {"HTTP_X_REAL_IP": "not-an-ip"}, "127.0.0.1"),
        ("127.0.0.1", {"HTTP_X_REAL_IP": "1.2.3.4, 5.6.7.8"}, "127.0.0.1"),
        ("127.0.0.1", {"HTTP_X_FORWARDED_FOR": "1.2.3.4, junk"}, "127.0.0.1"),
        ("127.0.0.1", {"HTTP_X_REAL_IP": "1.2.3.4\x00"}, "127.0.0.1"),
    ],
)
def test_the_header_counts_only_from_a_trusted_proxy(remote, headers, expected):
    assert address(remote, **headers) == expected


def test_trusted_proxies_is_a_setting_with_networks(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]

    assert address("10.1.2.3", HTTP_X_REAL_IP="198.51.100.1") == "198.51.100.1"
    # nginx's loopback is no longer trusted once the list says otherwise.
    assert address("127.0.0.1", HTTP_X_REAL_IP="198.51.100.1") == "127.0.0.1"


def test_a_new_header_per_request_does_not_escape_the_login_lockout(client, db):
    UserFactory(username="editor", is_staff=True)
    login = reverse("admin:login")
    for number in range(5):
        client.post(
            login,
            {"username": "editor", "password": "wrong"},
            REMOTE_ADDR="203.0.113.9",
            HTTP_X_REAL_IP=f"198.51.100.{number}",
        )

    response = client.post(
        login,
        {"username": "editor", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.9",
        HTTP_X_REAL_IP="198.51.100.200",
    )

    assert response.status_code == 429


@pytest.mark.parametrize("forged", ["not-an-ip", "1.2.3.4, 5.6.7.8"])
def test_a_malformed_header_is_no_error_on_the_login_page(client, db, forged):
    UserFactory(username="editor", is_staff=True)

    response = client.post(
        reverse("admin:login"),
        {"username": "editor", "password": "wrong"},
        HTTP_X_REAL_IP=forged,
    )

    assert response.status_code == 200


@pytest.mark.parametrize("forged", ["not-an-ip", "1.2.3.4, 5.6.7.8"])
def test_a_malformed_header_loses_no_proposal(client, db, forged):
    axis = AxisFactory()

    response = client.post(
        reverse("workshops:proposal_create"), proposal_post(axis), HTTP_X_REAL_IP=forged
    )

    assert response.status_code == 302
    assert Proposal.objects.get().submitter_ip == "127.0.0.1"


@pytest.mark.parametrize("url", ["admin:login", "records:login"])
def test_a_username_longer_than_any_is_no_error(client, db, url):
    response = client.post(
        reverse(url), {"username": "x" * 10_000, "password": "wrong"}
    )

    assert response.status_code == 200
