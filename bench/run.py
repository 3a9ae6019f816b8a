"""`make bench`: the portal under gunicorn with production settings on PostgreSQL.

Builds scratch databases with the Kenitra content alone, with generate_demo_data's
volume (1×) and with five times that volume (5×); counts every page's queries and
times its uncached render in-process on each; then, on the 5× database, starts
gunicorn on 127.0.0.1 and measures with wrk (Debian's package), in bounded runs:
every page from the page cache (1, 10 and 50 clients), every page with the page
cache off (10 clients), the cached mix while a proposal arrives every 2 s, other
pages while 10 downloads stream, and the exports' first byte and peak memory.
Prints each figure against the static file served by the same process and against
the issue's targets, with every worker's memory after the run. Writes the figures
to bench/results/.
"""

import argparse
import http.client
import json
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import psycopg2
from report import CONCURRENT_DOWNLOADS, NOT_PAGES, report
from server import (
    PROXY_HEADERS,
    PYTHON,
    RESULTS,
    ROOT,
    SCALES,
    SERVER,
    at_scale,
    demo_settings,
    environment,
    fetch,
    free_port,
    manage,
    start_gunicorn,
    static_file,
    stop,
    worker_memory,
    wrk,
    wrk_mix,
)

EXPORTS = (
    "/ar/open-data/proposals.csv",
    "/ar/open-data/proposals.json",
    "/ar/open-data/projects.csv",
)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="kenitra_bench")
    parser.add_argument(
        "--fresh", action="store_true", help="drop the scratch database first"
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per run")
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="the 10-client runs are cut in this many rounds, taken in turn for "
        "every page, so a busy moment of the machine hits all pages alike",
    )
    parser.add_argument("--port", type=int, default=None, help="default: a free one")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--scale",
        type=int,
        default=1,
        help="demo volume: 1 = 2,000 projects and 20,000 proposals, 5 = five times",
    )
    args = parser.parse_args()

    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    RESULTS.mkdir(parents=True, exist_ok=True)
    env = environment(args)

    renders = prepare_databases(args, env)
    env = at_scale(env, "5×")
    pages = {
        name: page for name, page in renders["5×"].items() if page.get("anonymous")
    }
    small = renders["Kenitra content"]
    static = static_file(env)
    pages["static file"] = {"path": static, "status": None, "queries": 0}
    print("Exports, each in a process of its own…", flush=True)
    exports = {path: measure_export(env, path) for path in EXPORTS}

    args.port = args.port or free_port()
    server = start_gunicorn(args, env)
    try:
        results = measure(args, pages)
        stream = proposal_stream(args, env, pages)
        downloads = concurrent_downloads(args, env, pages)
        memory = {"cached server": worker_memory(server)}
    finally:
        stop(server)
    print("With the page cache off…", flush=True)
    server = start_gunicorn(args, {**env, "PAGE_CACHE_SECONDS": "0"})
    try:
        uncached = measure_uncached(args, pages)
        memory["uncached server"] = worker_memory(server)
    finally:
        stop(server)

    extra = {
        "renders": renders,
        "uncached": uncached,
        "stream": stream,
        "downloads": downloads,
        "exports": exports,
        "worker_memory_mb": memory,
    }
    # Kept before the report is made: a run takes minutes.
    (RESULTS / "last-run.json").write_text(
        json.dumps([pages, small, results, extra], ensure_ascii=False)
    )
    report(args, pages, small, results, extra)


def prepare_databases(args, env):
    """Fill the scratch databases; return every page's queries and render on each.

    The small database holds the Kenitra content alone, so the counts show whether
    a page's queries grow with the data; the render times show what a visit that
    misses the page cache costs at each volume.
    """
    names = {label: at_scale(env, label)["DATABASE_URL"] for label in SCALES}
    names["Kenitra content"] = at_scale(env, "small")["DATABASE_URL"]
    admin = psycopg2.connect(host=SERVER, user="postgres", dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        for url in names.values():
            name = url.rsplit("/", 1)[1]
            if args.fresh:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()

    renders = {}
    for label, url in names.items():
        environment = {**env, "DATABASE_URL": url}
        print(f"Migrating {url.rsplit('/', 1)[1]}…", flush=True)
        manage(environment, "migrate", "--noinput", "-v", "0")
        manage(environment, "load_kenitra", "-v", "0")
        if label in SCALES and not demo_loaded(url.rsplit("/", 1)[1]):
            print(f"Generating the demo volume at {label}…", flush=True)
            scale = str(SCALES[label][1])
            manage(
                demo_settings(environment),
                "generate_demo_data",
                "--seed",
                str(args.seed),
                "--scale",
                scale,
            )
    print("Collecting static files…", flush=True)
    manage(env, "collectstatic", "--noinput", "-v", "0")
    for label, url in names.items():
        print(f"Queries and uncached renders, {label}…", flush=True)
        renders[label] = count_queries({**env, "DATABASE_URL": url})
    return renders


def demo_loaded(database):
    db = psycopg2.connect(host=SERVER, user="postgres", dbname=database)
    try:
        with db.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM projects_project WHERE slug LIKE 'demo-%%'"
            )
            return cursor.fetchone()[0] > 0
    finally:
        db.close()


def count_queries(env):
    result = subprocess.run(  # noqa: S603 - our interpreter, our script
        [PYTHON, str(ROOT / "bench" / "queries.py")],
        cwd=ROOT,
        env={**env, "PAGE_CACHE_SECONDS": "0"},
        check=True,
        text=True,
        capture_output=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure_export(env, path):
    result = subprocess.run(  # noqa: S603 - our interpreter, our script
        [PYTHON, str(ROOT / "bench" / "queries.py"), "--export", path],
        cwd=ROOT,
        env={**env, "PAGE_CACHE_SECONDS": "0"},
        check=True,
        text=True,
        capture_output=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure(args, pages):
    results, ready = {}, []
    for name, page in pages.items():
        path = page["path"]
        if path is None:
            results[name] = {"missing": "no published row to show"}
            continue
        status, _headers = fetch(args.port, path)
        if status != 200:
            results[name] = {"missing": f"HTTP {status} at {path}"}
            print(f"  {name}: {path} answers {status}, not measured", flush=True)
            continue
        # Two seconds at 10 clients reach every worker: each fills its page cache
        # and its templates, so the measured visits are what anonymous visitors get
        # between two edits.
        wrk(args.port, path, 10, 2)
        results[name] = {"cache": fetch(args.port, path)[1].get("X-Page-Cache")}
        ready.append(name)
    for name in ready:
        path = pages[name]["path"]
        print(f"  1 and 50 clients: {name} ({path})…", flush=True)
        results[name]["single"] = wrk(args.port, path, 1, args.duration)
        results[name]["c50"] = wrk(args.port, path, 50, args.duration)
    rounds = {name: [] for name in ready}
    slice_seconds = max(1, args.duration // args.rounds)
    for number in range(args.rounds):
        print(f"  10 clients, round {number + 1} of {args.rounds}…", flush=True)
        for name in ready:
            rounds[name].append(wrk(args.port, pages[name]["path"], 10, slice_seconds))
    for name, runs in rounds.items():
        results[name]["c10"] = combine(runs)
    return results


def measure_uncached(args, pages):
    """Every page at 10 clients with the page cache off: what each visit costs."""
    results = {}
    for name, page in pages.items():
        if page.get("path") is None or page.get("status") not in (200, None):
            continue
        print(f"  uncached, 10 clients: {name}…", flush=True)
        results[name] = wrk(args.port, page["path"], 10, args.duration)
    return results


def cached_paths(pages):
    return [
        page["path"]
        for name, page in pages.items()
        if name not in NOT_PAGES and page.get("status") == 200
    ]


def proposal_stream(args, env, pages):
    """The cached mix at 10 clients, quiet and then with a proposal every 2 s."""
    paths = cached_paths(pages)
    seconds = max(10, args.duration * 2)
    print(f"Cached mix of {len(paths)} pages, quiet, {seconds} s…", flush=True)
    quiet = wrk_mix(args, paths, seconds)
    print("Cached mix with a proposal every 2 s…", flush=True)
    sender = subprocess.Popen(  # noqa: S603 - our interpreter, our script
        [PYTHON, str(ROOT / "bench" / "proposals.py"), "--seconds", str(seconds)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    busy = wrk_mix(args, paths, seconds)
    sent = int(sender.communicate(timeout=60)[0].strip() or 0)
    static = wrk(args.port, pages["static file"]["path"], 10, seconds)
    return {"quiet": quiet, "with proposals": busy, "sent": sent, "static": static}


def download(port, path, timings):
    request = urllib.request.Request(
        f"http://{SERVER}:{port}{path}", headers=PROXY_HEADERS
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
            response.read(1)
            first = time.perf_counter() - started
            size = 1 + sum(
                len(chunk) for chunk in iter(lambda: response.read(65536), b"")
            )
            made = not response.headers.get("Content-Length")
    except (OSError, http.client.HTTPException) as error:
        # Said in the report: a thread that died of it would only be missing there.
        timings.append({"error": repr(error)})
        return 0
    timings.append(
        {
            "ttfb_ms": first * 1000,
            "total_s": time.perf_counter() - started,
            # Streamed as it was made, rather than the file made before.
            "made": made,
        }
    )
    return size


def concurrent_downloads(args, env, pages):
    """Other pages while CONCURRENT_DOWNLOADS proposals CSVs are asked at once, just
    after a publication: one download makes the new file, the others get the one
    a visitor made before it."""
    print(f"{CONCURRENT_DOWNLOADS} downloads at once, and the home page…", flush=True)
    download(args.port, EXPORTS[0], [])
    manage(
        env,
        "shell",
        "-c",
        "from core.pagecache import bump_page_cache_version as bump; bump()",
    )
    # The workers read the new content version within a second; then they fill
    # their page caches again, so the pages measured meanwhile are what visitors
    # get between two edits, as in the other runs.
    time.sleep(1.5)
    for _ in range(15):
        warming = wrk_mix(args, cached_paths(pages), 2)
        if warming["hits"] >= 0.99 * warming["counted"]:
            break
    timings = []
    threads = [
        threading.Thread(target=download, args=(args.port, EXPORTS[0], timings))
        for _ in range(CONCURRENT_DOWNLOADS)
    ]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    during = wrk_mix(args, cached_paths(pages), max(5, args.duration), "rotate.lua")
    for thread in threads:
        thread.join()
    return {"pages": during, "downloads": timings}


def combine(runs):
    """One figure from several rounds: all requests, the median round's latencies."""
    combined = {
        key: sum(run[key] for run in runs)
        for key in ("requests", "duration_us", "errors")
    }
    combined["rps"] = combined["requests"] / (combined["duration_us"] / 1e6)
    for key in ("p50_us", "p95_us", "p99_us"):
        combined[key] = statistics.median(run[key] for run in runs)
    combined["rounds"] = runs
    return combined


if __name__ == "__main__":
    main()
