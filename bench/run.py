"""`make bench`: the portal under gunicorn with production settings on PostgreSQL.

Builds a scratch database with the Kenitra content plus generate_demo_data's volume,
starts gunicorn on 127.0.0.1 and measures every page against that one server with
wrk (Debian's package), in bounded runs: one client, 10 and 50 concurrent clients.
Prints requests per second, p50/p95 latency, errors, each page's throughput as a
fraction of a static file served by the same process, and SQL queries per page at
two data volumes. Writes the figures to bench/results/.
"""

import argparse
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import psycopg2

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
SERVER = "127.0.0.1"
# nginx sets this in production; without it the production settings redirect to HTTPS.
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "Host": SERVER}
TARGET_FRACTION = 0.5
TARGET_P95_RATIO = 5
# An uncached search renders in at most this many times the privacy page, a page
# that makes no query, rendered in the same run (issue: search at scale).
TARGET_SEARCH_RENDER_RATIO = 10
# Measured, but not pages a visitor reads: no throughput target for them.
NOT_PAGES = {"static file", "health check"}


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

    small = prepare_database(args, env)
    pages = count_queries(env)
    static = static_file(env)
    pages["static file"] = {"path": static, "status": None, "queries": 0}

    args.port = args.port or free_port()
    server = start_gunicorn(args, env)
    try:
        results = measure(args, pages)
    finally:
        stop(server)

    report(args, pages, small, results)


def environment(args):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kenitra_portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": f"{SERVER},localhost",
        "DATABASE_URL": f"postgres://postgres@{SERVER}:5432/{args.database}",
        "REDIS_URL": args.redis_url,
        # A prefix of its own: nothing left from another run or another project.
        "CACHE_KEY_PREFIX": f"bench-{os.getpid()}-{int(time.time())}",
        "STATIC_ROOT": str(RESULTS / "static"),
        "MEDIA_ROOT": str(RESULTS / "media"),
        "DOCUMENTS_ROOT": str(RESULTS / "private-media"),
        # The API's per-address limit would answer most of wrk's requests with 429.
        "API_ANON_RATE": "",
        # At wrk's rates a worker would be replaced every few seconds; in service,
        # at a city's rates, once in hours (deploy/gunicorn.conf.py).
        "GUNICORN_MAX_REQUESTS": "0",
    }


def demo_settings(env):
    """The same database under the development settings, where the demo-volume
    generator (an app of bench/) is installed; the site itself runs in production."""
    return {**env, "DJANGO_SETTINGS_MODULE": "kenitra_portal.settings.dev"}


def manage(env, *arguments, capture=False):
    return subprocess.run(  # noqa: S603 - our interpreter, our arguments
        [PYTHON, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=capture,
    )


def prepare_database(args, env):
    """Fill the scratch database; return query counts on a second, small one.

    The small database holds the Kenitra content alone, so the two counts show
    whether a page's queries grow with the data.
    """
    small = {**env, "DATABASE_URL": env["DATABASE_URL"] + "_small"}
    admin = psycopg2.connect(host=SERVER, user="postgres", dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        for name in (args.database, f"{args.database}_small"):
            if args.fresh:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()

    print(f"Migrating {args.database} and {args.database}_small…", flush=True)
    for environment in (env, small):
        manage(environment, "migrate", "--noinput", "-v", "0")
        manage(environment, "load_kenitra", "-v", "0")
    if not demo_loaded(args.database):
        print("Generating the demo volume…", flush=True)
        manage(
            demo_settings(env),
            "generate_demo_data",
            "--seed",
            str(args.seed),
            "--scale",
            str(args.scale),
        )
    print("Collecting static files…", flush=True)
    manage(env, "collectstatic", "--noinput", "-v", "0")
    return count_queries(small)


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


def static_file(env):
    manifest = json.loads((Path(env["STATIC_ROOT"]) / "staticfiles.json").read_text())
    # Our own stylesheet: small, so the ceiling is the server's, not the bandwidth's.
    return "/static/" + manifest["paths"]["css/portal.css"]


def free_port():
    # Another program (a developer's runserver) may hold any fixed port.
    with socket.socket() as probe:
        probe.bind((SERVER, 0))
        return probe.getsockname()[1]


def start_gunicorn(args, env):
    command = [
        PYTHON,
        "-m",
        "gunicorn",
        "--config",
        str(ROOT / "deploy" / "gunicorn.conf.py"),
        "--bind",
        f"{SERVER}:{args.port}",
    ]
    if args.workers:
        command += ["--workers", str(args.workers)]
    log = (RESULTS / "gunicorn.log").open("w")
    server = subprocess.Popen(  # noqa: S603 - our own interpreter and config
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            break
        if fetch(args.port, "/healthz")[0] == 200:
            return server
        time.sleep(0.3)
    stop(server)
    sys.exit(f"gunicorn did not answer /healthz; see {RESULTS / 'gunicorn.log'}")


def stop(server):
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def fetch(port, path):
    request = urllib.request.Request(
        f"http://{SERVER}:{port}{path}", headers=PROXY_HEADERS
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers
    except OSError:
        return None, {}


def wrk_command(port, path, connections, duration, script=None):
    command = [
        "wrk",
        f"--threads={min(connections, 2)}",
        f"--connections={connections}",
        f"--duration={duration}s",
        "--timeout=10s",
        f"--script={script or ROOT / 'bench' / 'report.lua'}",
    ]
    for name, value in PROXY_HEADERS.items():
        command += ["--header", f"{name}: {value}"]
    return [*command, f"http://{SERVER}:{port}{path}"]


def wrk(port, path, connections, duration):
    output = subprocess.run(  # noqa: S603 - wrk against our own server
        wrk_command(port, path, connections, duration),
        check=True,
        text=True,
        capture_output=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    figures = json.loads(line.removeprefix("BENCH "))
    figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
    figures["errors"] = sum(
        figures[kind] for kind in ("connect", "read", "write", "status", "timeout")
    )
    return figures


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


def search_render_failures(pages):
    unit = pages.get("privacy", {}).get("render_ms")
    if not unit:
        return ["the privacy page was not rendered: no unit for the render targets"]
    return [
        f"{name}: renders in {page['render_ms']} ms, "
        f"{page['render_ms'] / unit:.1f}× the privacy page's {unit} ms"
        for name, page in pages.items()
        if name.startswith("search")
        and page.get("render_ms")
        and page["render_ms"] > TARGET_SEARCH_RENDER_RATIO * unit
    ]


def report(args, pages, small, results):
    ceiling = results.get("static file", {}).get("c10", {}).get("rps")
    header = (
        f"{'page':<24} {'queries':>9} {'render ms':>9} {'req/s@10':>9} {'p50 ms':>7} "
        f"{'p95 ms':>7} {'1-client p50':>12} {'p95/p50₁':>8} {'of static':>9} "
        f"{'errors@50':>9}"
    )
    lines = [header, "-" * len(header)]
    failures = search_render_failures(pages)
    for name, outcome in results.items():
        if "missing" in outcome:
            lines.append(f"{name:<24} MISSING: {outcome['missing']}")
            failures.append(f"{name} is missing")
            continue
        c10, single, c50 = outcome["c10"], outcome["single"], outcome["c50"]
        queries = pages[name]["queries"]
        before = small.get(name, {}).get("queries")
        shown = f"{before}→{queries}" if before is not None else str(queries)
        ratio = c10["p95_us"] / single["p50_us"] if single["p50_us"] else 0
        fraction = c10["rps"] / ceiling if ceiling else 0
        render = pages[name].get("render_ms")
        lines.append(
            f"{name:<24} {shown:>9} {render if render is not None else '':>9} "
            f"{c10['rps']:>9.0f} {c10['p50_us'] / 1000:>7.1f} "
            f"{c10['p95_us'] / 1000:>7.1f} {single['p50_us'] / 1000:>12.2f} "
            f"{ratio:>8.1f} {fraction:>9.2f} {c50['errors']:>9}"
        )
        outcome.update(queries=queries, queries_small=before, p95_ratio=ratio)
        outcome["fraction_of_static"] = fraction
        if before is not None and before != queries:
            failures.append(f"{name}: {before} queries small, {queries} at volume")
        if name == "health check" and single["p50_us"] > 50_000:
            failures.append(f"/healthz answers in {single['p50_us'] / 1000:.0f} ms")
        elif name not in NOT_PAGES and fraction < TARGET_FRACTION:
            failures.append(f"{name}: {fraction:.2f} of the static file's throughput")
        if ratio > TARGET_P95_RATIO:
            failures.append(
                f"{name}: p95 at 10 clients is {ratio:.1f}× the 1-client p50"
            )
        if c50["errors"] or single["errors"] or c10["errors"]:
            failures.append(f"{name}: {c50['errors']} errors at 50 clients")

    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    machine = (
        f"{platform.node()} · {os.cpu_count()} cores · {platform.platform()} · "
        f"load average {load}"
    )
    print()
    print(f"{when} · {machine} · {args.duration}s per run")
    print("\n".join(lines))
    print()
    print(
        "queries: SQL queries of one anonymous visit, rendered (Kenitra content → "
        "with the demo volume); render ms: one uncached visit, in-process; req/s, "
        "p50, p95 at 10 concurrent clients, from the page cache"
    )
    if failures:
        print("Targets missed:\n  " + "\n  ".join(failures))
    else:
        print("All targets met.")
    out = RESULTS / f"bench-{datetime.now(UTC):%Y%m%d-%H%M%S}.json"
    out.write_text(
        json.dumps(
            {"when": when, "machine": machine, "pages": pages, "results": results},
            ensure_ascii=False,
            indent=2,
        )
    )
    print(f"Figures written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
