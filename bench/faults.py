"""Load, citizens and an editor at once: no 5xx, no proposal lost, no page stale.

gunicorn with the production settings on PostgreSQL (and Redis, or a Redis that is
down with --redis-down) serves wrk's 50 clients for 30 s over the public pages,
while submitter threads send proposals through the real form (CSRF token, cookie,
signed "shown at" time) and an editor publishes and unpublishes a project through
the API. A watcher reads that project's page and API record throughout.

Passes when: no answer of any kind was a 5xx (gunicorn's request log), every
proposal the server acknowledged is in the database and every one it did not was
given back with its text, and every answer of the watcher showed a state that was
current at some moment within PAGE_CACHE_VERSION_MAX_AGE_MS (1 s) before its
request. Prints the figures, writes bench/results/faults-<time>.json.
"""

import argparse
import http.client
import json
import re
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from datetime import UTC, datetime
from html import unescape
from urllib.parse import quote

import psycopg2
from server import (
    RESULTS,
    ROOT,
    SERVER,
    environment,
    free_port,
    manage,
    static_file,
    stop,
    wrk_command,
)

PROMISED_SECONDS = 1.0
ORIGIN = f"https://{SERVER}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="kenitra_faults")
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--submitters", type=int, default=4)
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    parser.add_argument(
        "--redis-down",
        action="store_true",
        help="point the portal at a Redis port where nothing listens",
    )
    args = parser.parse_args()
    args.seed, args.workers = 1, None
    args.port = args.port or free_port()
    RESULTS.mkdir(parents=True, exist_ok=True)
    if args.redis_down:
        args.redis_url = "redis://127.0.0.1:1/0"
    env = {
        **environment(args),
        # Citizens come through nginx (X-Real-IP): each submitter is its own address,
        # sending more than an hour's limit would let through.
        "PROPOSAL_MIN_FILL_SECONDS": "0",
        "PROPOSAL_RATE_LIMIT": "1000",
        "PAGE_CACHE_SECONDS": "600",
    }

    prepare(args, env)
    project_id, project_slug, others = pick_pages(args)
    token = staff_token(env)
    paths = [*others, static_file(env)]

    server = start(args, env)
    try:
        outcome = run_everything(args, token, project_id, project_slug, paths)
    finally:
        stop(server)

    outcome["server_errors"] = server_errors()
    outcome["lost"] = lost_proposals(args, outcome.pop("acknowledged"))
    report(args, outcome)


def prepare(args, env):
    admin = psycopg2.connect(host=SERVER, user="postgres", dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{args.database}"')
        cursor.execute(f'CREATE DATABASE "{args.database}"')
    admin.close()
    print(f"Preparing {args.database}…", flush=True)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_kenitra", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")


def query(args, sql, params=()):
    db = psycopg2.connect(host=SERVER, user="postgres", dbname=args.database)
    try:
        with db.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    finally:
        db.close()


def pick_pages(args):
    projects = query(
        args,
        "SELECT id, slug FROM projects_project WHERE publication_status = "
        "'published' ORDER BY id LIMIT 2",
    )
    (toggled_id, toggled_slug), (_other_id, other_slug) = projects
    meeting = query(
        args,
        "SELECT slug FROM consultations_meeting WHERE publication_status = "
        "'published' ORDER BY id LIMIT 1",
    )[0][0]
    others = [
        "/ar/",
        "/ar/projects/",
        f"/ar/projects/{other_slug}/",
        f"/ar/meetings/{meeting}/",
        "/ar/proposals/",
        "/ar/workshops/",
        "/ar/search/?q=%D8%A7%D9%84%D9%85%D9%83%D8%AA%D8%A8%D8%A9",
        "/api/v1/projects/",
        "/fr/",
    ]
    return toggled_id, toggled_slug, others


def staff_token(env):
    code = (
        "from django.contrib.auth.models import Group, User;"
        "from rest_framework.authtoken.models import Token;"
        "u, _ = User.objects.get_or_create(username='faults-publisher', is_staff=True);"
        "u.groups.add(Group.objects.get(name='Publisher'));"
        "print(Token.objects.get_or_create(user=u)[0].key)"
    )
    result = manage(env, "shell", "-c", code, capture=True)
    return result.stdout.strip().splitlines()[-1]


def request(port, method, path, body=None, headers=None):
    """One request; (status, headers, body text, start, end) in monotonic seconds."""
    connection = http.client.HTTPConnection(SERVER, port, timeout=30)
    started = time.monotonic()
    try:
        connection.request(
            method,
            path,
            body=body,
            headers={"Host": SERVER, "X-Forwarded-Proto": "https", **(headers or {})},
        )
        response = connection.getresponse()
        text = response.read().decode("utf-8", errors="replace")
        return response.status, response.headers, text, started, time.monotonic()
    finally:
        connection.close()


def start(args, env):
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--config",
        str(ROOT / "deploy" / "gunicorn.conf.py"),
        "--bind",
        f"{SERVER}:{args.port}",
    ]
    log = (RESULTS / "faults-gunicorn.log").open("w")
    server = subprocess.Popen(  # noqa: S603 - our own interpreter and config
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            # Not /healthz: with Redis down it rightly answers 503.
            if request(args.port, "GET", "/ar/")[0] == 200:
                return server
        except OSError:
            pass
        time.sleep(0.3)
    stop(server)
    sys.exit("gunicorn did not answer; see bench/results/faults-gunicorn.log")


def submit_proposals(args, stop_at, number, acknowledged, given_back, failures):
    """A citizen at one address, sending proposals one after the other."""
    address = f"198.51.100.{number + 1}"
    sent = 0
    while time.monotonic() < stop_at:
        status, headers, page, _s, _e = request(
            args.port, "GET", "/ar/proposals/new/", headers={"X-Real-IP": address}
        )
        if status != 200:
            failures.append(("form", status))
            continue
        cookie = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", ""))
        fields = dict(
            re.findall(r'name="(csrfmiddlewaretoken|started)" value="([^"]*)"', page)
        )
        axis = re.search(r'<option value="(\d+)"', page).group(1)
        marker = f"faults-{uuid.uuid4().hex}"
        form = {
            **{name: unescape(value) for name, value in fields.items()},
            "axis": axis,
            "title": f"اقتراح تحت الضغط {sent}",
            "text": f"نقترح تهيئة فضاء أخضر في الحي، رقم {sent}. {marker}",
            "submitter_name": "مواطن",
            "consent": "on",
        }
        body = "&".join(
            f"{name}={quote(value, safe='')}" for name, value in form.items()
        )
        status, headers, page, _s, _e = request(
            args.port,
            "POST",
            "/ar/proposals/new/",
            body=body.encode(),
            headers={
                "X-Real-IP": address,
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={cookie.group(1)}" if cookie else "",
                "Origin": ORIGIN,
                "Referer": f"{ORIGIN}/ar/proposals/new/",
            },
        )
        sent += 1
        if status == 302:
            acknowledged.append(marker)
        elif marker in page:
            given_back.append(status)  # not stored, but the text came back
        else:
            failures.append(("submit", status))


def edit(args, token, project_id, stop_at, changes):
    """Unpublish and publish the project, each state held for a moment."""
    state = "published"
    while time.monotonic() < stop_at:
        state = "draft" if state == "published" else "published"
        status, _h, _b, began, done = request(
            args.port,
            "PATCH",
            f"/api/v1/projects/{project_id}/",
            body=json.dumps({"publication_status": state}).encode(),
            headers={
                "Authorization": f"Token {token}",
                "Content-Type": "application/json",
            },
        )
        changes.append((began, done, state if status == 200 else "failed", status))
        time.sleep(0.7)


def watch(args, paths, stop_at, seen):
    while time.monotonic() < stop_at:
        for path in paths:
            status, headers, _b, started, ended = request(args.port, "GET", path)
            seen.append((path, status, started, ended, headers.get("X-Page-Cache")))
        time.sleep(0.05)


def stale_answers(seen, changes, started_at):
    """Answers showing a state that was not current within the promised second.

    A state may show from the moment its change was asked for until the next
    change was answered; an answer is stale if the state it shows held at no
    moment between a second before it was asked for and when it came.
    """
    made = [(began, done, state) for began, done, state, _s in changes]
    made = [change for change in made if change[2] != "failed"]
    intervals = [
        (began, made[index][1] if index < len(made) else float("inf"), state)
        for index, (began, _done, state) in enumerate(
            [(started_at, started_at, "published"), *made]
        )
    ]
    stale = []
    for path, status, started, ended, cache in seen:
        shown = {200: "published", 404: "draft"}.get(status)
        if not any(
            state == shown and begin <= ended and end >= started - PROMISED_SECONDS
            for begin, end, state in intervals
        ):
            stale.append((path, status, cache))
    return stale


def run_everything(args, token, project_id, project_slug, paths):
    started_at = time.monotonic()
    stop_at = started_at + args.duration
    acknowledged, given_back, failures, changes, seen = [], [], [], [], []
    threads = [
        threading.Thread(
            target=submit_proposals,
            args=(args, stop_at, number, acknowledged, given_back, failures),
        )
        for number in range(args.submitters)
    ]
    threads.append(
        threading.Thread(target=edit, args=(args, token, project_id, stop_at, changes))
    )
    watched = [f"/ar/projects/{project_slug}/", f"/api/v1/projects/{project_id}/"]
    threads.append(threading.Thread(target=watch, args=(args, watched, stop_at, seen)))
    command = wrk_command(
        args.port,
        paths[0],
        args.connections,
        args.duration,
        script=ROOT / "bench" / "rotate.lua",
    )
    for thread in threads:
        thread.start()
    output = subprocess.run(  # noqa: S603 - wrk against our own server
        [*command, "--", *paths], check=True, text=True, capture_output=True
    ).stdout
    for thread in threads:
        thread.join()
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    return {
        "wrk": json.loads(line.removeprefix("BENCH ")),
        "acknowledged": acknowledged,
        "given_back": dict(Counter(given_back)),
        "failures": failures,
        "changes": len(changes),
        "failed_changes": [c for c in changes if c[2] == "failed"],
        "watched": len(seen),
        "watched_from_cache": sum(1 for s in seen if s[4] == "hit"),
        "stale": stale_answers(seen, changes, started_at),
    }


def server_errors():
    """Every answer ≥ 500 in gunicorn's request log (one JSON line per request)."""
    errors = []
    for line in (RESULTS / "faults-gunicorn.log").read_text().splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry.get("status"), int) and entry["status"] >= 500:
            errors.append((entry.get("method"), entry.get("path"), entry["status"]))
    return errors


def lost_proposals(args, acknowledged):
    stored = {
        match.group(0)
        for (text,) in query(
            args, "SELECT text FROM workshops_proposal WHERE text LIKE '%%faults-%%'"
        )
        for match in [re.search(r"faults-[0-9a-f]{32}", text)]
        if match
    }
    return {
        "acknowledged": len(acknowledged),
        "stored": len(stored),
        "missing": sorted(set(acknowledged) - stored),
    }


def report(args, outcome):
    wrk = outcome["wrk"]
    lost = outcome["lost"]
    failed = bool(
        outcome["server_errors"]
        or lost["missing"]
        or outcome["failures"]
        or outcome["failed_changes"]
        or outcome["stale"]
        # A timeout is the machine's capacity, reported; a refused connection, a
        # cut answer or a status of 400 and more on pages that answer 200 is not.
        or any(wrk[kind] for kind in ("connect", "read", "write", "status"))
    )
    print(
        f"Redis {'down' if args.redis_down else 'up'}: wrk {wrk['requests']} requests "
        f"in {args.duration} s at {args.connections} connections "
        f"(p50 {wrk['p50_us'] / 1000:.1f} ms, p95 {wrk['p95_us'] / 1000:.1f} ms, "
        f"errors: connect {wrk['connect']}, read {wrk['read']}, status "
        f"{wrk['status']}, timeout {wrk['timeout']}).\n"
        f"Server errors (5xx, any client): {len(outcome['server_errors'])}.\n"
        f"Proposals acknowledged {lost['acknowledged']}, stored {lost['stored']}, "
        f"missing {len(lost['missing'])}; given back with their text (by status) "
        f"{outcome['given_back'] or 'none'}; other failures "
        f"{len(outcome['failures'])}.\n"
        f"Editor: {outcome['changes']} publish/unpublish changes, "
        f"{len(outcome['failed_changes'])} failed. Watcher: {outcome['watched']} "
        f"answers ({outcome['watched_from_cache']} from the page cache), "
        f"{len(outcome['stale'])} older than {PROMISED_SECONDS:g} s."
    )
    path = RESULTS / f"faults-{datetime.now(UTC):%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps({"args": vars(args), **outcome}, indent=2, default=str))
    print(f"Details: {path}")
    if failed:
        print("Faults test FAILED.")
        sys.exit(1)
    print("Faults test passed.")


if __name__ == "__main__":
    main()
