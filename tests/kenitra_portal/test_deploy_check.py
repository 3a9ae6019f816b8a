"""Production settings: `check --deploy` is clean, and the settings do what they say."""

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "kenitra_portal.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "openness.kenitra.ma",
}


def run(arguments, **environment):
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for their session; a real
    # deployment never has it, and check --deploy rightly refuses it.
    clean = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DATABASE_URL",
            "REDIS_URL",
            "AWS_STORAGE_BUCKET_NAME",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    return subprocess.run(  # noqa: S603 - this interpreter, our own manage.py
        [sys.executable, *arguments],
        cwd=settings.BASE_DIR,
        env={**clean, **PRODUCTION, **environment},
        capture_output=True,
        text=True,
        check=False,
    )


def production_settings(*names, **environment):
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}, default=str))"
    )
    result = run(["-c", script], **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_check_deploy_with_production_settings_finds_nothing():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_its_secrets(missing):
    result = run(["manage.py", "check"], **{missing: ""})

    assert result.returncode != 0
    assert missing in result.stderr


def test_production_cookies_and_https():
    values = production_settings(
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "LANGUAGE_COOKIE_SECURE",
        "SECURE_SSL_REDIRECT",
        "SECURE_PROXY_SSL_HEADER",
        "SECURE_HSTS_PRELOAD",
        "DEBUG",
        "PAGE_CACHE_SECONDS",
    )

    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SESSION_COOKIE_HTTPONLY"] and values["CSRF_COOKIE_HTTPONLY"]
    assert values["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert values["LANGUAGE_COOKIE_SECURE"]
    assert values["SECURE_SSL_REDIRECT"] and values["SECURE_HSTS_PRELOAD"]
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["DEBUG"] is False
    # Without a shared cache, workers could not clear each other's pages.
    assert values["PAGE_CACHE_SECONDS"] == 0


def test_redis_object_storage_and_replicas_are_switched_on_by_the_environment():
    values = production_settings(
        "CACHES",
        "PAGE_CACHE_SECONDS",
        "STORAGES",
        "DATABASES",
        "DATABASE_REPLICAS",
        REDIS_URL="redis://10.0.0.5:6379/1",
        AWS_STORAGE_BUCKET_NAME="kenitra-media",
        DATABASE_URL="postgres://kenitra@10.0.0.11:5432/kenitra",
        DATABASE_REPLICA_URLS="postgres://kenitra@10.0.0.12:5432/kenitra",
    )

    assert values["CACHES"]["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    assert values["PAGE_CACHE_SECONDS"] == 600
    assert values["STORAGES"]["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert values["STORAGES"]["default"]["OPTIONS"]["bucket_name"] == "kenitra-media"
    assert values["DATABASE_REPLICAS"] == ["replica_1"]
    assert values["DATABASES"]["replica_1"]["HOST"] == "10.0.0.12"
    assert values["DATABASES"]["default"]["HOST"] == "10.0.0.11"


def test_collectstatic_writes_hashed_compressed_files(tmp_path):
    result = run(
        ["manage.py", "collectstatic", "--noinput", "-v", "0"],
        STATIC_ROOT=str(tmp_path),
    )

    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())
    hashed = manifest["paths"]["bootstrap/css/bootstrap.rtl.min.css"]
    assert hashed != "bootstrap/css/bootstrap.rtl.min.css"
    assert (tmp_path / f"{hashed}.gz").exists()
