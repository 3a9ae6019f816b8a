"""The hostile values, the content they are sent against, and the checks every answer and
every stored value must pass (test_hostile_input.py, test_hostile_api.py)."""

import csv
import io
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse

from core.textclean import is_portal_model
from kenitra_portal.api import build_router
from kenitra_portal.exports import DATASETS, FORMULA_PREFIXES
from tests import factories
from workshops.models import Proposal

MEGABYTE = "ب" * 500_000  # 1 MB in UTF-8
CORPUS = [
    "\x00",
    "a\x00b",
    "\x01\x02\x08\x0b\x0c\x1b\x7f\x85\x9f",
    "\u202eevil\u202c",
    "\u2066isolate",
    "\ud800",
    "\udfff\ud800x",
    "\ufffe\uffff",
    MEGABYTE,
    "[" * 5000 + "]" * 5000,
    '{"a":' * 2000 + "1" + "}" * 2000,
    '=HYPERLINK("http://evil.example","x")',
    "＝1+1",
    "+1",
    "-1",
    "@SUM(A1)",
    "' OR '1'='1",
    "1; DROP TABLE projects_project; --",
    "%",
    "_",
    "\\",
    "__all__",
    "id__gt",
    "-pk",
    "../../../../etc/passwd",
    "<script>alert(1)</script>",
    "{{ 7|add:7 }}",
    "99999999999999999999999999",
    "-1e309",
    "NaN",
    "٣",
    "2026-13-45",
    " ",
    "",
]
SECRET = "مسودة-سرية-لا-تنشر"
# What no stored text may hold (kenitra_portal/textclean.py).
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)


def encoded(pairs):
    """Form encoding that carries lone surrogates through, as a hostile client would."""
    return "&".join(
        f"{quote(key.encode('utf-8', 'surrogatepass'))}="
        f"{quote(value.encode('utf-8', 'surrogatepass'))}"
        for key, value in pairs
    )


@pytest.fixture
def content(db):
    """One published record of each kind, and drafts that must never show."""
    project = factories.ProjectFactory()
    meeting = factories.MeetingFactory()
    meeting.axes.add(project.axis)
    workshop = factories.WorkshopFactory(meeting=meeting, axis=project.axis)
    factories.ProjectUpdateFactory(project=project)
    proposal = factories.ProposalFactory(axis=project.axis, workshop=workshop)
    factories.ProjectFactory(
        axis=project.axis, title_ar=SECRET, slug="secret", publication_status="draft"
    )
    factories.MeetingFactory(title_ar=SECRET, publication_status="draft")
    return {
        "project": project,
        "meeting": meeting,
        "workshop": workshop,
        "proposal": proposal,
    }


def pages(content):
    """Every public page: its address, and whether it is HTML with GET forms."""
    named = [
        "projects:home",
        "projects:project_list",
        "consultations:meeting_list",
        "consultations:calendar_ics",
        "workshops:workshop_list",
        "workshops:proposal_list",
        "workshops:proposal_create",
        "workshops:proposal_follow",
        "workshops:privacy",
        "search",
        "open_data",
        "records:login",
        "meetings_feed",
        "meetings_feed_atom",
        "project_updates_feed",
        "project_updates_feed_atom",
        "workshops_feed",
        "workshops_feed_atom",
    ]
    urls = [reverse(name) for name in named]
    urls += [
        content["project"].get_absolute_url(),
        content["project"].axis.get_absolute_url(),
        content["meeting"].get_absolute_url(),
        reverse("consultations:meeting_ics", args=[content["meeting"].slug]),
        content["workshop"].get_absolute_url(),
        content["proposal"].get_absolute_url(),
        "/sitemap.xml",
        "/robots.txt",
    ]
    urls += [
        reverse("open_data_download", args=[slug, file_format])
        for slug in DATASETS
        for file_format in ("csv", "json")
    ]
    urls += [f"/api/v1/{prefix}/" for prefix, _v, _b in build_router().registry]
    return urls


def assert_no_server_error(response, what):
    assert response.status_code < 500, f"{what}: {response.status_code}"


def body_of(response):
    """The whole body, streamed downloads included (read once, kept)."""
    if not hasattr(response, "_body"):
        response._body = response.getvalue()
    return response._body


def assert_no_draft(response, what):
    if response.get("Content-Type", "").startswith(("text/", "application/")):
        assert SECRET not in body_of(response).decode(errors="replace"), what


def assert_everything_stored_renders(client, content):
    Proposal.objects.update(publication_status="published")
    for model in apps.get_models():
        if not model._meta.managed or not is_portal_model(model):
            continue
        text_fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField)
        ]
        for row in model.objects.values_list("pk", *text_fields):
            for value in row[1:]:
                assert not (isinstance(value, str) and UNSAFE.search(value)), (
                    model._meta.label,
                    row[0],
                    value[:40],
                )
    for url in pages(content):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_draft(response, url)
        body = body_of(response)
        kind = response["Content-Type"]
        if "xml" in kind:
            ET.fromstring(body)  # noqa: S314 - the portal's own output
        elif "json" in kind:
            json.loads(body)
        elif "text/csv" in kind:
            assert_csv_is_safe(body.decode("utf-8-sig"))
    for proposal in Proposal.objects.all()[:50]:
        assert client.get(proposal.get_absolute_url()).status_code == 200


def assert_csv_is_safe(text):
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            first = unicodedata.normalize("NFKC", cell.lstrip(" ")[:1])
            assert not first.startswith(FORMULA_PREFIXES), cell[:40]
