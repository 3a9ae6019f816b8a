"""The benchmark's scratch site: its environment, manage.py, gunicorn and wrk.

run.py, loadtest.py, faults.py and lighthouse.py all start and measure the site
through these.
"""

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
SERVER = "127.0.0.1"
# nginx sets this in production; without it the production settings redirect to HTTPS.
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "Host": SERVER}
# Scales of the demo volume (generate_demo_data --scale) and their databases' suffix.
SCALES = {"1×": ("", 1), "5×": ("_x5", 5)}


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
        "EXPORTS_ROOT": str(RESULTS / "exports"),
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


def wrk_mix(args, paths, seconds, script="stream.lua"):
    command = wrk_command(args.port, paths[0], 10, seconds, ROOT / "bench" / script)
    output = subprocess.run(  # noqa: S603 - wrk against our own server
        [*command, "--", *paths], check=True, text=True, capture_output=True
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    figures = json.loads(line.removeprefix("BENCH "))
    figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
    return figures
