"""Finds the benchmark's pages in the current database and counts their SQL queries.

Run with the benchmark's environment (production settings, the page cache off so
every query shows); prints one JSON object: {page: {"path", "status", "queries",
"render_ms"}}, render_ms being the median of five uncached renders in-process.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kenitra_portal.settings.production")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from consultations.models import Meeting  # noqa: E402
from projects.models import Project  # noqa: E402

SEARCH = "المكتبة"
# Searches a citizen may type, each new to the page cache: a word in most proposals
# (Faker's Arabic), one in a tenth of the titles, a plural found by its stem, a
# person's name, a French word, a reference and a word found nowhere.
SEARCHES = {
    "search, a common word": "في",
    "search, a title word": "المكتبة",
    "search, a plural": "الحدائق",
    "search, a person": "مفتي",
    "search, French": "bibliothèques",
    "search, two words": "هيأة المساواة",
    "search, no result": "زززز",
}


def pages():
    project = Project.objects.published().order_by("pk").first()
    meeting = Meeting.objects.published().order_by("pk").first()
    paths = {
        "home": "/ar/",
        "projects list": "/ar/projects/",
        "a project": f"/ar/projects/{project.slug}/" if project else None,
        "a meeting": f"/ar/meetings/{meeting.slug}/" if meeting else None,
        "search": f"/ar/search/?q={SEARCH}",
        **{name: f"/ar/search/?q={q}" for name, q in SEARCHES.items()},
        "search, one kind": f"/ar/search/?q={SEARCH}&kind=projects",
        "API search": f"/api/v1/proposals/?q={SEARCH}",
        # A page that makes no query: the unit the render targets are counted in.
        "privacy": "/ar/privacy/",
        "API list": "/api/v1/projects/",
        "health check": "/healthz",
    }
    # Arabic slugs and search words travel percent-encoded, as browsers send them.
    return {
        name: quote(path, safe="/?=&") if path else None for name, path in paths.items()
    }


def main():
    client = Client(HTTP_HOST="127.0.0.1")
    found = {}
    for name, path in pages().items():
        if path is None:
            found[name] = {"path": None, "status": None, "queries": None}
            continue
        client.get(path, secure=True)  # the first visit fills per-process caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, secure=True)
        # Read now: every request that follows empties the connection's query log.
        count = len(queries)
        timings = []
        for _ in range(5):
            started = time.perf_counter()
            client.get(path, secure=True)
            timings.append(time.perf_counter() - started)
        found[name] = {
            "path": path,
            "status": response.status_code,
            "queries": count,
            # What a visit costs when the page is not in the cache (after an edit).
            "render_ms": round(statistics.median(timings) * 1000, 1),
        }
    print(json.dumps(found, ensure_ascii=False))


if __name__ == "__main__":
    main()
