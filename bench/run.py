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
import threading
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
# Scales of the demo volume (generate_demo_data --scale) and their databases' suffix.
SCALES = {"1×": ("", 1), "5×": ("_x5", 5)}
# The issue's targets at 5×, as multiples of the render of the page with no query.
REFERENCE_PAGE = "privacy (no query)"
RENDER_TARGETS = {"home": 10, "search": 10, "search, another word": 10}
RENDER_TARGET_ADMIN = 50
RENDER_TARGET_PAGE = 15
UNCACHED_TARGET = 0.10
UNCACHED_TARGET_PAGES = (
    "projects list",
    "meetings list",
    "proposals list",
    "a project",
)
STREAM_TARGET_FRACTION, STREAM_TARGET_HITS = 0.5, 0.99
EXPORT_TTFB_MS, EXPORT_MEMORY_MB, DOWNLOADS_P95_MS = 1000, 50, 200
WORKER_MEMORY_MB = 250
EXPORTS = (
    "/ar/open-data/proposals.csv",
    "/ar/open-data/proposals.json",
    "/ar/open-data/projects.csv",
)
CONCURRENT_DOWNLOADS = 10


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
        downloads = concurrent_downloads(args, pages)
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


def at_scale(env, label):
    suffix = SCALES[label][0] if label in SCALES else "_small"
    return {**env, "DATABASE_URL": env["DATABASE_URL"] + suffix}


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


def worker_memory(server):
    """Resident memory of each gunicorn worker, in MB, from /proc."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text()
    sizes = []
    for pid in children.split():
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(round(int(line.split()[1]) / 1024, 1))
    return sizes


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


def wrk_mix(args, paths, seconds, script="stream.lua"):
    command = wrk_command(args.port, paths[0], 10, seconds, ROOT / "bench" / script)
    output = subprocess.run(  # noqa: S603 - wrk against our own server
        [*command, "--", *paths], check=True, text=True, capture_output=True
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    figures = json.loads(line.removeprefix("BENCH "))
    figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
    return figures


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
    with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
        response.read(1)
        first = time.perf_counter() - started
        size = 1 + sum(len(chunk) for chunk in iter(lambda: response.read(65536), b""))
    timings.append({"ttfb_ms": first * 1000, "total_s": time.perf_counter() - started})
    return size


def concurrent_downloads(args, pages):
    """Other pages while CONCURRENT_DOWNLOADS proposals CSVs stream at once."""
    print(f"{CONCURRENT_DOWNLOADS} downloads at once, and the home page…", flush=True)
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


def search_render_failures(pages):
    unit = pages.get(REFERENCE_PAGE, {}).get("render_ms")
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


def report(args, pages, small, results, extra):
    ceiling = results.get("static file", {}).get("c10", {}).get("rps")
    header = (
        f"{'page':<22} {'queries':>9} {'render ms':>9} {'req/s@10':>9} {'p50 ms':>7} "
        f"{'p95 ms':>7} {'1-client p50':>12} {'p95/p50₁':>8} {'of static':>9} "
        f"{'errors@50':>9}"
    )
    lines = [header, "-" * len(header)]
    failures = search_render_failures(pages)
    for name, outcome in results.items():
        if "missing" in outcome:
            lines.append(f"{name:<22} MISSING: {outcome['missing']}")
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
            f"{name:<22} {shown:>9} {render if render is not None else '':>9} "
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

    issue_lines = volume_report(extra, results, failures)

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
    print()
    print("\n".join(issue_lines))
    if failures:
        print("Targets missed:\n  " + "\n  ".join(failures))
    else:
        print("All targets met.")
    out = RESULTS / f"bench-{datetime.now(UTC):%Y%m%d-%H%M%S}.json"
    out.write_text(
        json.dumps(
            {
                "when": when,
                "machine": machine,
                "pages": pages,
                "results": results,
                **extra,
            },
            ensure_ascii=False,
            indent=2,
        )
    )
    print(f"Figures written to {out.relative_to(ROOT)}")


def volume_report(extra, results, failures):
    """The figures of the issue at 1× and 5×, each against its target."""
    renders, uncached = extra["renders"], extra["uncached"]
    static_uncached = uncached.get("static file", {}).get("rps") or 0
    big = renders["5×"]
    unit = big.get(REFERENCE_PAGE, {}).get("render_ms") or 0
    header = (
        f"{'page':<22} {'queries':>11} {'render 1×':>9} {'render 5×':>9} "
        f"{'÷ ref':>6} {'target':>6} {'uncached r/s':>12} {'of static':>9}"
    )
    lines = ["Uncached, at 1× and 5×", header, "-" * len(header)]
    for name, page in big.items():
        if page.get("render_ms") is None:
            continue
        counts = "→".join(
            str(renders[label].get(name, {}).get("queries"))
            for label in ("Kenitra content", "1×", "5×")
        )
        small_render = renders["1×"].get(name, {}).get("render_ms")
        multiple = page["render_ms"] / unit if unit else 0
        if name in (REFERENCE_PAGE, "health check"):
            target = None
        elif not page.get("anonymous"):
            target = RENDER_TARGET_ADMIN
        else:
            target = RENDER_TARGETS.get(name, RENDER_TARGET_PAGE)
        rps = uncached.get(name, {}).get("rps")
        fraction = rps / static_uncached if rps and static_uncached else None
        lines.append(
            f"{name:<22} {counts:>11} {small_render:>9} {page['render_ms']:>9} "
            f"{multiple:>6.1f} {target or '':>6} "
            f"{f'{rps:.1f}' if rps else '':>12} "
            f"{f'{fraction:.3f}' if fraction is not None else '':>9}"
        )
        if target and multiple > target:
            failures.append(f"{name}: uncached render {multiple:.0f}× the reference")
        if len({renders[label].get(name, {}).get("queries") for label in SCALES}) > 1:
            failures.append(f"{name}: its queries grow from 1× to 5×")
        if name in UNCACHED_TARGET_PAGES and (fraction or 0) < UNCACHED_TARGET:
            failures.append(f"{name}: uncached {fraction or 0:.3f} of the static file")

    stream = extra["stream"]
    lines += ["", f"Cached mix, static file {stream['static']['rps']:.0f} req/s:"]
    for label in ("quiet", "with proposals"):
        run = stream[label]
        hits = run["hits"] / run["counted"] if run["counted"] else 0
        fraction = (
            run["rps"] / stream["static"]["rps"] if stream["static"]["rps"] else 0
        )
        lines.append(
            f"  {label:<15} {run['rps']:>7.0f} req/s ({fraction:.2f} of static), "
            f"hits {hits:.2%}, p95 {run['p95_us'] / 1000:.1f} ms"
        )
        if label == "with proposals":
            lines[-1] += f", {stream['sent']} proposals sent"
            if fraction < STREAM_TARGET_FRACTION or hits < STREAM_TARGET_HITS:
                failures.append(
                    f"with proposals arriving: {fraction:.2f} of static, {hits:.2%} hits"
                )

    lines += ["", "Exports at 5×, in-process (a process each):"]
    for path, export in extra["exports"].items():
        lines.append(
            f"  {path:<30} first byte {export['ttfb_ms']:>7.1f} ms, all "
            f"{export['total_ms'] / 1000:>6.1f} s, {export['bytes'] / 1e6:>6.1f} MB, "
            f"peak memory +{export['memory_growth_mb']} MB"
        )
        if export["ttfb_ms"] > EXPORT_TTFB_MS:
            failures.append(f"{path}: first byte after {export['ttfb_ms']:.0f} ms")
        if export["memory_growth_mb"] > EXPORT_MEMORY_MB:
            failures.append(f"{path}: +{export['memory_growth_mb']} MB")

    downloads = extra["downloads"]
    during = downloads["pages"]
    times = downloads["downloads"]
    slowest = max((t["ttfb_ms"] for t in times), default=0)
    lines += [
        "",
        f"{CONCURRENT_DOWNLOADS} proposals CSVs at once under gunicorn: first byte at "
        f"most {slowest:.0f} ms, all done in {max((t['total_s'] for t in times), default=0):.1f} s "
        f"({len(times)} finished); meanwhile the cached mix at 10 clients: "
        f"{during['rps']:.0f} req/s, p95 {during['p95_us'] / 1000:.1f} ms",
    ]
    if during["p95_us"] / 1000 > DOWNLOADS_P95_MS:
        failures.append(f"pages during downloads: p95 {during['p95_us'] / 1000:.0f} ms")
    if len(times) < CONCURRENT_DOWNLOADS:
        failures.append(f"only {len(times)} of {CONCURRENT_DOWNLOADS} downloads ended")

    lines.append("")
    for server, sizes in extra["worker_memory_mb"].items():
        lines.append(f"Workers' memory after the run ({server}): {sizes} MB")
        if any(size > WORKER_MEMORY_MB for size in sizes):
            failures.append(f"{server}: a worker holds {max(sizes)} MB")
    return lines


if __name__ == "__main__":
    main()
