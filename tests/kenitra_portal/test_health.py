import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_health_check_reports_database_and_cache_as_json(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database:default"]["ok"]
    assert body["checks"]["cache"]["ok"]
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_check_lives_outside_the_language_prefix(client):
    assert reverse("healthz") == "/healthz"
    assert client.get("/ar/healthz").status_code == 404


@pytest.mark.django_db
def test_health_check_answers_503_when_the_cache_does_not_keep_values(client, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    }

    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert not body["checks"]["cache"]["ok"]
    assert "error" not in body["checks"]["cache"]
    assert body["checks"]["database:default"]["ok"]


@pytest.mark.django_db
def test_health_check_answers_503_when_redis_is_down(client, settings):
    # A real Redis client against a port where nothing listens.
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == {
        "ok": False,
        "ms": response.json()["checks"]["cache"]["ms"],
    }
    assert "127.0.0.1" not in response.content.decode()


@pytest.mark.django_db
def test_signed_in_staff_read_what_failed(client, settings, staff_user):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }
    client.force_login(staff_user)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert "ConnectionError" in response.json()["checks"]["cache"]["error"]
