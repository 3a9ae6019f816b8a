"""CI's load test: gunicorn with production settings, wrk for 20 s at 20 connections.

Every page of the benchmark, the API docs, a static file and /healthz in turn, on a
small scratch database; passes when no request failed. It asserts no speed figure:
`make bench` measures those.
"""

import argparse
import json
import subprocess
import sys

import psycopg2
from run import (
    count_queries,
)
from server import (
    RESULTS,
    ROOT,
    demo_settings,
    environment,
    free_port,
    manage,
    start_gunicorn,
    static_file,
    stop,
    wrk_command,
)

SMALL_VOLUME = [
    "--programs=1",
    "--axes=4",
    "--projects=100",
    "--meetings=20",
    "--workshops=30",
    "--proposals=300",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="kenitra_loadtest")
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    args = parser.parse_args()
    args.seed, args.port, args.workers = 1, free_port(), None
    RESULTS.mkdir(parents=True, exist_ok=True)
    env = environment(args)

    admin = psycopg2.connect(host="127.0.0.1", user="postgres", dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{args.database}"')
        cursor.execute(f'CREATE DATABASE "{args.database}"')
    admin.close()
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_kenitra", "-v", "0")
    manage(demo_settings(env), "generate_demo_data", "-v", "0", *SMALL_VOLUME)
    manage(env, "collectstatic", "--noinput", "-v", "0")
    pages = count_queries(env)
    missing = [name for name, page in pages.items() if page["status"] != 200]
    paths = [page["path"] for page in pages.values() if page["status"] == 200]
    paths += [static_file(env), "/healthz", "/api/docs/", "/fr/", "/en/projects/"]

    server = start_gunicorn(args, env)
    try:
        command = wrk_command(
            args.port,
            paths[0],
            args.connections,
            args.duration,
            script=ROOT / "bench" / "rotate.lua",
        )
        output = subprocess.run(  # noqa: S603 - wrk against our own server
            [*command, "--", *paths], check=True, text=True, capture_output=True
        ).stdout
    finally:
        stop(server)

    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    figures = json.loads(line.removeprefix("BENCH "))
    errors = {
        kind: figures[kind]
        for kind in ("connect", "read", "write", "status", "timeout")
        if figures[kind]
    }
    print(
        f"{figures['requests']} requests in {args.duration} s at "
        f"{args.connections} connections over {len(paths)} paths; "
        f"p50 {figures['p50_us'] / 1000:.1f} ms, p95 {figures['p95_us'] / 1000:.1f} ms"
    )
    if missing:
        print(f"Pages that do not answer 200: {', '.join(missing)}")
    if errors or missing or not figures["requests"]:
        print(
            f"Load test FAILED: errors {errors or 'none'}; see {RESULTS}/gunicorn.log"
        )
        sys.exit(1)
    print("Load test passed: no errors.")


if __name__ == "__main__":
    main()
