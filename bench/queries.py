"""Finds the benchmark's pages in the current database, counts their SQL queries and
times their uncached render; or, with --export PATH, measures one download.

Run with the benchmark's environment (production settings, the page cache off so
every query shows). Pages: prints one JSON object {page: {"path", "status",
"queries", "render_ms", "anonymous"}}, render_ms being the median of five uncached
renders in-process. --export: prints {"ttfb_ms", "total_ms", "bytes", "rows",
"memory_growth_mb"}, measured in a process of its own so that its peak memory is the
download's.
"""

import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kenitra_portal.settings.production")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
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

OTHER_SEARCH = "الحدائق"
# The page that makes no query: the unit of the render targets.
REFERENCE_PAGE = "privacy (no query)"


def pages():
    project = Project.objects.published().order_by("pk").first()
    meeting = Meeting.objects.published().order_by("pk").first()
    admin = "/" + settings.ADMIN_URL
    paths = {
        REFERENCE_PAGE: "/ar/privacy/",
        "home": "/ar/",
        "projects list": "/ar/projects/",
        "a project": f"/ar/projects/{project.slug}/" if project else None,
        "meetings list": "/ar/meetings/",
        "a meeting": f"/ar/meetings/{meeting.slug}/" if meeting else None,
        "workshops list": "/ar/workshops/",
        "proposals list": "/ar/proposals/",
        "search": f"/ar/search/?q={SEARCH}",
        **{name: f"/ar/search/?q={q}" for name, q in SEARCHES.items()},
        "search, one kind": f"/ar/search/?q={SEARCH}&kind=projects",
        "API search": f"/api/v1/proposals/?q={SEARCH}",
        "API list": "/api/v1/projects/",
        "API proposals": "/api/v1/proposals/",
        "health check": "/healthz",
        "admin proposals list": f"{admin}workshops/proposal/",
        "admin project form": (
            f"{admin}projects/project/{project.pk}/change/" if project else None
        ),
    }
    # Arabic slugs and search words travel percent-encoded, as browsers send them.
    return {
        name: quote(path, safe="/?=&") if path else None for name, path in paths.items()
    }


def staff_client():
    user, _created = get_user_model().objects.get_or_create(
        username="bench-superuser",
        defaults={"is_staff": True, "is_superuser": True},
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client


def measure_pages():
    anonymous, staff = Client(HTTP_HOST="127.0.0.1"), staff_client()
    admin = "/" + settings.ADMIN_URL
    found = {}
    for name, path in pages().items():
        if path is None:
            found[name] = {"path": None, "status": None, "queries": None}
            continue
        is_anonymous = not path.startswith(admin)
        client = anonymous if is_anonymous else staff
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
            "anonymous": is_anonymous,
        }
    print(json.dumps(found, ensure_ascii=False))


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def measure_export(path):
    client = Client(HTTP_HOST="127.0.0.1")
    client.get("/ar/privacy/", secure=True)  # templates, translations, connection
    before = peak_mb()
    started = time.perf_counter()
    response = client.get(path, secure=True)
    chunks = iter(response.streaming_content if response.streaming else [response])
    first = next(chunks)
    ttfb = time.perf_counter() - started
    size, lines = len(first), first.count(b"\n")
    for chunk in chunks:
        size += len(chunk)
        lines += chunk.count(b"\n")
    total = time.perf_counter() - started
    print(
        json.dumps(
            {
                "path": path,
                "status": response.status_code,
                "ttfb_ms": round(ttfb * 1000, 1),
                "total_ms": round(total * 1000),
                "bytes": size,
                "lines": lines,
                "memory_growth_mb": round(peak_mb() - before, 1),
            }
        )
    )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--export":
        measure_export(sys.argv[2])
    else:
        measure_pages()
