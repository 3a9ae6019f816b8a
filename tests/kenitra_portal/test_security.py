"""Security headers on every kind of answer, cookies, admin throttling, admin URL."""

import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import ProjectFactory, UserFactory

PASSWORD = "a-long-test-password"


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part)
    }


@pytest.fixture
def pages(db):
    ProjectFactory()
    return {
        "a public page": reverse("projects:home"),
        "the admin login": reverse("admin:login"),
        "the API": "/api/v1/projects/",
    }


@pytest.mark.parametrize("page", ["a public page", "the admin login", "the API"])
def test_every_answer_carries_the_security_headers(client, pages, page):
    response = client.get(pages[page], secure=True)

    assert response.status_code == 200
    csp = directives(response)
    assert "'unsafe-inline'" not in csp["script-src"]
    assert "'unsafe-eval'" not in csp["script-src"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["default-src"] == ["'self'"]
    hsts = response["Strict-Transport-Security"]
    assert "max-age=63072000" in hsts
    assert "includeSubDomains" in hsts
    assert "preload" in hsts
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_static_files_carry_the_security_headers_too(client):
    response = client.get("/static/css/portal.css", secure=True)

    assert response.status_code == 200
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_admin_cookies_are_http_only_and_same_site(client, db):
    UserFactory(username="editor", is_staff=True)

    client.get(reverse("admin:login"))
    response = client.post(
        reverse("admin:login"), {"username": "editor", "password": PASSWORD}
    )

    assert response.status_code == 302
    for name in ("csrftoken", "sessionid"):
        cookie = response.cookies[name]
        assert cookie["httponly"], name
        assert cookie["samesite"] == "Lax", name


def test_staff_session_ends_after_a_working_day_or_when_the_browser_closes(client, db):
    UserFactory(username="editor", is_staff=True)
    client.post(reverse("admin:login"), {"username": "editor", "password": PASSWORD})

    assert client.session.get_expiry_age() == 8 * 60 * 60
    assert client.session.get_expire_at_browser_close()


def test_five_wrong_passwords_lock_the_account_from_that_address(client, db):
    UserFactory(username="editor", is_staff=True)
    login = reverse("admin:login")
    answers = [
        client.post(login, {"username": "editor", "password": "wrong"}).status_code
        for _ in range(5)
    ]

    response = client.post(login, {"username": "editor", "password": PASSWORD})

    assert answers == [200, 200, 200, 200, 429]

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_lockout_from_one_address_does_not_lock_out_another(client, db):
    UserFactory(username="editor", is_staff=True)
    login = reverse("admin:login")
    for _ in range(5):
        client.post(
            login,
            {"username": "editor", "password": "wrong"},
            REMOTE_ADDR="203.0.113.9",
        )

    response = client.post(
        login,
        {"username": "editor", "password": PASSWORD},
        REMOTE_ADDR="198.51.100.7",
    )

    assert response.status_code == 302


def test_behind_the_proxy_the_visitor_address_comes_from_x_real_ip(client, db):
    # The test client's address, 127.0.0.1, is nginx's: a trusted proxy by default.
    UserFactory(username="editor", is_staff=True)
    login = reverse("admin:login")
    for _ in range(5):
        client.post(
            login,
            {"username": "editor", "password": "wrong"},
            HTTP_X_REAL_IP="203.0.113.9",
        )

    # Same proxy address, another visitor: not locked out.
    response = client.post(
        login,
        {"username": "editor", "password": PASSWORD},
        HTTP_X_REAL_IP="198.51.100.7",
    )

    assert response.status_code == 302


def test_a_correct_login_clears_earlier_failures(client, db):
    UserFactory(username="editor", is_staff=True)
    login = reverse("admin:login")
    for _ in range(4):
        client.post(login, {"username": "editor", "password": "wrong"})
    client.post(login, {"username": "editor", "password": PASSWORD})
    client.logout()
    for _ in range(4):
        client.post(login, {"username": "editor", "password": "wrong"})

    response = client.post(login, {"username": "editor", "password": PASSWORD})

    assert response.status_code == 302


def test_test_client_login_and_force_login_still_work(client, db):
    user = UserFactory(username="editor", is_staff=True)

    assert client.login(username="editor", password=PASSWORD)
    assert not client.login(username="editor", password="wrong")
    client.force_login(user)
    assert client.get(reverse("admin:index")).status_code == 200


def test_weak_passwords_are_refused(db):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("kenitra2024", "password1234", "123456789012"):
        with pytest.raises(ValidationError):
            validate_password(weak)


def test_admin_address_comes_from_the_environment():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kenitra_portal.settings.test",
        "ADMIN_URL": "office-7f3a/",
    }
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "--no-imports",
            "-c",
            "from django.urls import reverse; print(reverse('admin:index'))",
        ],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )

    assert result.stdout.strip() == "/office-7f3a/"


def test_api_docs_run_under_the_policy_without_inline_script(client, db):
    page = client.get("/api/docs/")
    html = page.content.decode()
    script_url = re.search(r'<script src="([^"]*\?[^"]*script[^"]*)"', html).group(1)

    script = client.get(script_url.replace("&amp;", "&"))

    assert page.status_code == 200
    assert "'unsafe-inline'" not in directives(page)["script-src"]
    # Every script of the page is loaded from this site, none written inline.
    assert re.findall(r"<script(?![^>]*\bsrc=)", html) == []
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
