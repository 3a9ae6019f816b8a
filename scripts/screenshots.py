"""Screenshots of every public page type and the main admin screens, and contact sheets.

`.venv/bin/python scripts/screenshots.py` builds a scratch SQLite database in
screenshots/ (git-ignored) with the Kenitra content (`load_kenitra --date 2024-05-15`,
as the browser tests), two citizens' proposals, an editor and a publisher, serves it
with `runserver --insecure` and the test settings (DEBUG off, as the browser tests see
the site: the site's own error pages), and drives Debian's Chromium with Playwright:

- every public page type of tests/page_types.py, plus the phone menu opened, in ar, fr,
  en and zgh;
- as the publisher, the admin's home (the workspace), the project list and form, a
  meeting's form, the proposal list and form, and a project's change waiting for review
  (made by the editor through the admin first), in ar, fr and en;

each at 360 px and 1280 px wide, full page, into screenshots/<language>-<width>/, then
one contact sheet per language and width, screenshots/sheet-<language>-<width>.png.
`--only` keeps the screens whose name holds one of the words given.
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "screenshots"
SERVER = "127.0.0.1"
WIDTHS = (360, 1280)
HEIGHTS = {360: 800, 1280: 900}
PUBLIC_LANGUAGES = ("ar", "fr", "en", "zgh")
ADMIN_LANGUAGES = ("ar", "fr", "en")
# Chromium's locale for the Accept-Language header, which picks the admin's language.
LOCALES = {"ar": "ar-MA", "fr": "fr-MA", "en": "en-GB", "zgh": "zgh"}
PASSWORD = "screenshots-only-password"  # noqa: S105 - a scratch database's users
EDITOR, PUBLISHER = "editor", "publisher"
# A contact sheet's cell: the shot scaled to this width, cut at this height.
CELL_WIDTH = {360: 360, 1280: 640}
CELL_HEIGHT = 1400
LABEL_HEIGHT = 28


def environment():
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kenitra_portal.settings.test",
        "DATABASE_URL": f"sqlite:///{OUT / 'site.sqlite3'}",
    }


def prepare():
    """The scratch database, its users and the addresses to visit (Django in-process)."""
    for name in ("site.sqlite3", "site.sqlite3-wal", "site.sqlite3-shm"):
        (OUT / name).unlink(missing_ok=True)
    os.environ.update(environment())
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command

    from consultations.models import Meeting
    from core.models import PublicationStatus
    from core.permissions import EDITOR as EDITORS
    from core.permissions import PUBLISHER as PUBLISHERS
    from projects.models import Axis, Project
    from tests.factories import ProposalFactory
    from tests.page_types import page_paths
    from workshops.models import ProposalStatus

    call_command("migrate", "--noinput", verbosity=0)
    call_command("load_kenitra", "--date", "2024-05-15", verbosity=0)
    for username, group in ((EDITOR, EDITORS), (PUBLISHER, PUBLISHERS)):
        user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=group))
    project = Project.objects.published().order_by("pk").first()
    reviewed = Project.objects.published().order_by("pk").last()
    meeting = Meeting.objects.published().filter(parent=None).get()
    # The article's content has no citizen's proposal yet: one received, one answered.
    axis = Axis.objects.published().order_by("pk").first()
    proposal = ProposalFactory(
        axis=axis,
        publication_status=PublicationStatus.DRAFT,
        title="إنارة الزقاق المؤدي إلى المدرسة",
        text="نقترح إنارة الزقاق الذي يسلكه التلاميذ كل صباح قبل طلوع الشمس.",
    )
    ProposalFactory(
        axis=axis,
        status=ProposalStatus.ACCEPTED,
        title="لوحة إعلانات رقمية في مقر المقاطعة",
        public_answer="قبلت الجماعة الاقتراح وأدرجته في مشروع الأيام المفتوحة الرقمية.",
    )
    admin = "/admin/"
    return {
        "public": {language: page_paths(language) for language in PUBLIC_LANGUAGES},
        "admin": {
            "admin-index": admin,
            "admin-project-list": f"{admin}projects/project/",
            "admin-project-form": f"{admin}projects/project/{project.pk}/change/",
            "admin-meeting-form": f"{admin}consultations/meeting/{meeting.pk}/change/",
            "admin-proposal-list": f"{admin}workshops/proposal/",
            "admin-proposal-form": f"{admin}workshops/proposal/{proposal.pk}/change/",
            "admin-revision-review": f"{admin}projects/project/{reviewed.pk}/change/",
        },
    }


def free_port():
    with socket.socket() as probe:
        probe.bind((SERVER, 0))
        return probe.getsockname()[1]


def serve(port):
    log = (OUT / "runserver.log").open("w")
    server = subprocess.Popen(  # noqa: S603 - our interpreter, our arguments
        [
            sys.executable,
            "manage.py",
            "runserver",
            "--noreload",
            "--insecure",
            f"{SERVER}:{port}",
        ],
        cwd=ROOT,
        env=environment(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://{SERVER}:{port}/healthz", timeout=2)
            return server
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.5)
    server.kill()
    sys.exit(f"runserver did not start; see {OUT / 'runserver.log'}")


def new_context(browser, language, width):
    # Kenitra's clock: the admin's date widgets warn when the browser's differs.
    return browser.new_context(
        viewport={"width": width, "height": HEIGHTS[width]},
        locale=LOCALES[language],
        timezone_id="Africa/Casablanca",
    )


def log_in(context, base, username):
    page = context.new_page()
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    return page


def propose_a_change(browser, base, path):
    """The editor changes a published project's summary: a change for review."""
    context = new_context(browser, "ar", 1280)
    page = log_in(context, base, EDITOR)
    page.goto(base + path)
    page.fill(
        "#id_summary_ar", page.input_value("#id_summary_ar") + " وكل شهر في حي جديد."
    )
    page.click("input[name=_save]")
    page.wait_for_load_state()
    context.close()


def shoot(page, url, path):
    page.goto(url)
    # Closed <details> stay closed: the screen as a visitor first sees it.
    page.screenshot(path=path, full_page=True)


def wanted(name, only):
    return not only or any(word in name for word in only)


def take(browser, base, addresses, only):
    shots = {}
    for language in PUBLIC_LANGUAGES:
        for width in WIDTHS:
            folder = OUT / f"{language}-{width}"
            folder.mkdir(exist_ok=True)
            shots[language, width] = []
            context = new_context(browser, language, width)
            context.add_cookies(
                [{"name": "django_language", "value": language, "url": base}]
            )
            page = context.new_page()
            for name, path in addresses["public"][language].items():
                if wanted(name, only):
                    shoot(page, base + path, folder / f"{name}.png")
                    shots[language, width].append(name)
            if width < 768 and wanted("menu", only):
                page.goto(base + addresses["public"][language]["home"])
                page.locator(".site-menu-button").click()
                page.screenshot(path=folder / "menu-open.png")
                shots[language, width].append("menu-open")
            if language in ADMIN_LANGUAGES:
                page = log_in(context, base, PUBLISHER)
                for name, path in addresses["admin"].items():
                    if wanted(name, only):
                        shoot(page, base + path, folder / f"{name}.png")
                        shots[language, width].append(name)
            context.close()
    return shots


def contact_sheet(language, width, names):
    from PIL import Image, ImageDraw, ImageFont

    folder = OUT / f"{language}-{width}"
    cell_width, columns = CELL_WIDTH[width], 7 if width < 768 else 4
    rows = -(-len(names) // columns)
    sheet = Image.new(
        "RGB",
        (columns * (cell_width + 8) + 8, rows * (CELL_HEIGHT + LABEL_HEIGHT + 8) + 8),
        "#d9dedb",
    )
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(size=18)
    for index, name in enumerate(names):
        shot = Image.open(folder / f"{name}.png").convert("RGB")
        scale = cell_width / shot.width
        shot = shot.resize((cell_width, max(1, round(shot.height * scale))))
        shot = shot.crop((0, 0, cell_width, min(shot.height, CELL_HEIGHT)))
        x = 8 + (index % columns) * (cell_width + 8)
        y = 8 + (index // columns) * (CELL_HEIGHT + LABEL_HEIGHT + 8)
        draw.text((x, y + 4), name, fill="#1d2a25", font=font)
        sheet.paste(shot, (x, y + LABEL_HEIGHT))
    path = OUT / f"sheet-{language}-{width}.png"
    sheet.save(path, optimize=True)
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=[], help="words of screen names")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    for folder in OUT.glob("*-*/"):
        shutil.rmtree(folder)
    for sheet in OUT.glob("sheet-*.png"):
        sheet.unlink()
    addresses = prepare()
    from playwright.sync_api import sync_playwright

    port = free_port()
    server = serve(port)
    base = f"http://{SERVER}:{port}"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                ],
            )
            propose_a_change(browser, base, addresses["admin"]["admin-revision-review"])
            shots = take(browser, base, addresses, args.only)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    for (language, width), names in shots.items():
        if names:
            print(contact_sheet(language, width, names))


if __name__ == "__main__":
    main()
