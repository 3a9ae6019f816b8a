"""Lighthouse (mobile) on the portal's main pages, against gunicorn with production settings.

`.venv/bin/python bench/lighthouse.py` makes a scratch PostgreSQL database with the
Kenitra content, collects the static files (hashed, compressed), starts gunicorn with
`kenitra_portal.settings.production` on 127.0.0.1 and runs npm's Lighthouse (installed
on first use into bench/.lighthouse/, git-ignored) on Debian's Chromium, mobile
emulation, for the home page, the projects list, a project, the launch meeting and
the proposal form. It prints the four scores of each page and the home page's weight,
writes them to bench/results/lighthouse-<time>.json, and fails below 95 in any
category or at 300 KB or more for the home page. bench/README.md has the figures.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psycopg2
from server import (
    RESULTS,
    ROOT,
    environment,
    fetch,
    free_port,
    manage,
    start_gunicorn,
    stop,
)

LIGHTHOUSE_VERSION = "12.2.3"  # the newest that runs on Node 20 (13 wants Node 22)
LIGHTHOUSE_DIR = ROOT / "bench" / ".lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {
    "home": "/ar/",
    "projects list": "/ar/projects/",
    "a project": "/ar/projects/digital-open-days/",
    "the meeting": "/ar/meetings/kenitra-openness-consultative-meeting/",
    "proposal form": "/ar/proposals/new/",
}
MIN_SCORE = 95
HOME_BUDGET_BYTES = 300 * 1024


def install_lighthouse():
    if LIGHTHOUSE.exists():
        return
    LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(  # noqa: S603 - npm from the system, a pinned package
        [
            shutil.which("npm") or "npm",
            "install",
            "--prefix",
            str(LIGHTHOUSE_DIR),
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
            f"lighthouse@{LIGHTHOUSE_VERSION}",
        ],
        check=True,
    )


def prepare(args, env):
    admin = psycopg2.connect(host="127.0.0.1", user="postgres", dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{args.database}"')
        cursor.execute(f'CREATE DATABASE "{args.database}"')
    admin.close()
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_kenitra", "--date", "2024-05-15", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")


def audit(port, path):
    report = RESULTS / f"lighthouse-{path.strip('/').replace('/', '_')}.json"
    subprocess.run(  # noqa: S603 - Lighthouse against our own server
        [
            str(LIGHTHOUSE),
            f"http://127.0.0.1:{port}{path}",
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            # nginx sends this in production; without it the settings redirect to HTTPS.
            '--extra-headers={"X-Forwarded-Proto": "https"}',
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        check=True,
    )
    result = json.loads(report.read_text())
    scores = {
        name: round(100 * (result["categories"][name]["score"] or 0))
        for name in CATEGORIES
    }
    weight = result["audits"]["total-byte-weight"]["numericValue"]
    failed = {
        category: [
            audit_ref["id"]
            for audit_ref in result["categories"][category]["auditRefs"]
            if audit_ref["weight"]
            and (result["audits"][audit_ref["id"]]["score"] or 0) < 1
        ]
        for category in CATEGORIES
        if scores[category] < 100
    }
    return scores, weight, failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="kenitra_lighthouse")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    args = parser.parse_args()
    args.port, args.workers = free_port(), 2
    RESULTS.mkdir(parents=True, exist_ok=True)
    install_lighthouse()
    # Lighthouse fetches robots.txt without the page's extra headers: with the
    # redirect to HTTPS it would get a 301 where nginx serves the file.
    env = {**environment(args), "SECURE_SSL_REDIRECT": "false"}
    prepare(args, env)
    server = start_gunicorn(args, env)
    results = {}
    try:
        # As visitors get them between two edits (and as `make bench` measures them):
        # from the page cache, each worker's templates already compiled.
        for path in PAGES.values():
            for _ in range(2 * args.workers):
                fetch(args.port, path)
        for name, path in PAGES.items():
            scores, weight, failed = audit(args.port, path)
            results[name] = {"path": path, **scores, "bytes": weight, "below": failed}
    finally:
        stop(server)

    print(f"\n{'page':<15} " + " ".join(f"{c:>14}" for c in CATEGORIES) + "   weight")
    for name, row in results.items():
        print(
            f"{name:<15} "
            + " ".join(f"{row[c]:>14}" for c in CATEGORIES)
            + f"  {row['bytes'] / 1024:6.1f} KB"
        )
        for category, audits in row["below"].items():
            print(f"    {category}: not full marks on {', '.join(audits)}")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    Path(RESULTS / f"lighthouse-{stamp}.json").write_text(json.dumps(results, indent=2))
    low = [
        f"{name} {category} {row[category]}"
        for name, row in results.items()
        for category in CATEGORIES
        if row[category] < MIN_SCORE
    ]
    heavy = results["home"]["bytes"] >= HOME_BUDGET_BYTES
    if low or heavy:
        sys.exit(
            f"Below {MIN_SCORE}: {', '.join(low) or 'none'}; home page "
            f"{results['home']['bytes'] / 1024:.1f} KB (budget 300 KB)"
        )


if __name__ == "__main__":
    main()
