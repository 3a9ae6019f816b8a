"""A corpus of hostile values, sent everywhere the public and the API take input.

Every public form, every query parameter of every page (the ones its GET forms
name, the list's `page`, and ORM lookups nobody offers), and every API write get
each value of CORPUS. No answer may be a server error, no draft may show, and what
was stored must still make every page, feed, CSV and JSON download whole.
"""

import csv
import io
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from django.apps import apps
from django.db import models
from django.test import Client
from django.urls import reverse
from rest_framework import serializers
from rest_framework.authtoken.models import Token

from core.api import StaffWritableViewSet
from core.serializers import TranslatedField
from core.textclean import is_portal_model
from kenitra_portal.api import build_router
from kenitra_portal.exports import DATASETS, FORMULA_PREFIXES
from tests import factories
from tests.workshops.proposal_support import _empty_cache, form_token, proposal_post
from workshops.models import Proposal

__all__ = ["_empty_cache"]

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
# Parameters nobody offers: a view must not hand them to the ORM.
ORM_LOOKUPS = [
    "publication_status",
    "publication_status__in",
    "title__icontains",
    "axis__publication_status",
    "submitter_email__contains",
    "id__gt",
    "pk",
    "format",
    "o",
    "ordering",
    "lang",
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


class GetFormFields(HTMLParser):
    """The names of the inputs of a page's GET forms."""

    def __init__(self):
        super().__init__()
        self.names = set()
        self._in_get_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._in_get_form = (attrs.get("method") or "get").lower() == "get"
        elif (
            self._in_get_form
            and tag in {"input", "select", "textarea"}
            and attrs.get("name")
        ):
            self.names.add(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_get_form = False


def get_parameters(html):
    parser = GetFormFields()
    parser.feed(html)
    return parser.names


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


def api_parameters(url):
    """The API's own query parameters, from the viewset's filter set."""
    for prefix, viewset, _basename in build_router().registry:
        if url == f"/api/v1/{prefix}/":
            names = {"q", "page", "page_size", "ordering", "lang"}
            filterset = getattr(viewset, "filterset_class", None)
            if filterset is not None:
                names |= set(filterset.base_filters)
            return names
    return set()


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


# No server takes a URL of a megabyte (nginx stops at 8 KB); longer than that is
# what a query string can carry.
LONG_PARAMETER = "ب" * 5_000
# For pages that read no parameter at all (feeds, downloads, calendars): enough to
# show that they ignore what they are sent.
FEW = ["\x00", "\ud800", "' OR '1'='1", "__all__", LONG_PARAMETER]


def test_every_query_parameter_of_every_page(content, settings):
    # Thousands of requests from one address: the API's limit would stop the run.
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": None},
    }
    client = Client(raise_request_exception=False)
    for url in pages(content):
        first = client.get(url)
        assert first.status_code == 200, url
        names = {"page", *api_parameters(url)}
        if "text/html" in first["Content-Type"]:
            names |= get_parameters(body_of(first).decode())
        reads_parameters = names != {"page"} or "list" in url or url.endswith("s/")
        values = [
            LONG_PARAMETER if value is MEGABYTE else value
            for value in (CORPUS if reads_parameters else FEW)
        ]
        for value in values:
            # All of the page's parameters at once, and ORM lookups beside them.
            query = encoded([(name, value) for name in sorted(names | {*ORM_LOOKUPS})])
            response = client.get(f"{url}?{query}")
            assert_no_server_error(response, f"{url} with {value[:20]!r}")
            assert_no_draft(response, url)
        for name in sorted(names):
            # Each alone: a 400 for one parameter must not hide another's 500.
            for value in ("\ud800", LONG_PARAMETER, "99999999999999999999", "-1"):
                response = client.get(f"{url}?{encoded([(name, value)])}")
                assert_no_server_error(response, f"{url}?{name}={value[:20]!r}")


def post_form(client, url, data):
    return client.post(
        url,
        encoded(data.items()),
        content_type="application/x-www-form-urlencoded",
    )


def test_every_public_form(content, settings):
    settings.PROPOSAL_RATE_LIMIT = 10_000
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": None},
    }
    client = Client(raise_request_exception=False)
    axis = content["project"].axis
    create = reverse("workshops:proposal_create")
    text_fields = [
        "title",
        "text",
        "submitter_name",
        "submitter_association",
        "submitter_email",
        "submitter_phone",
        "axis",
        "workshop",
        "started",
        "consent",
    ]
    for number, value in enumerate(CORPUS):
        for field in text_fields:
            data = proposal_post(
                axis,
                # A different text each time, or it would be refused as a repeat.
                text=f"نقترح تهيئة حديقة رقم {number} {field} قرب المدرسة الابتدائية.",
                started=form_token(),
            )
            data[field] = value if field != "text" else data["text"] + value
            response = post_form(client, create, data)
            assert_no_server_error(response, f"proposal {field}={value[:20]!r}")
        for url, data in (
            (reverse("records:login"), {"username": value, "password": value}),
            (reverse("admin:login"), {"username": value, "password": value}),
            ("/i18n/setlang/", {"language": value, "next": value}),
        ):
            response = post_form(client, url, data)
            assert_no_server_error(response, f"{url} with {value[:20]!r}")
    assert Proposal.objects.count() > len(CORPUS)
    assert_everything_stored_renders(client, content)


def token_client(user):
    client = Client(
        raise_request_exception=False,
        HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user)}",
    )
    return client


def writable_endpoints():
    for prefix, viewset, _basename in build_router().registry:
        if issubclass(viewset, StaffWritableViewSet):
            yield prefix, viewset


def valid_payload(prefix, content, number):
    slug = f"hostile-{prefix}-{number}"
    if prefix == "projects":
        return {
            "axis_id": content["project"].axis_id,
            "title": "مشروع",
            "slug": slug,
            "status": "planned",
            "progress": 0,
        }
    if prefix == "meetings":
        return {"title": "لقاء", "slug": slug, "kind": "consultation"}
    if prefix == "workshops":
        return {
            "title": "ورشة",
            "slug": slug,
            "meeting_id": content["meeting"].pk,
            "axis_id": content["project"].axis_id,
        }
    raise AssertionError(f"no valid payload for /api/v1/{prefix}/")


def string_fields(viewset):
    """(name, is free text) of each writable string field of the endpoint."""
    serializer = viewset.serializer_class(context={"lang": "ar"})
    for name, field in serializer.fields.items():
        if field.read_only:
            continue
        if isinstance(field, TranslatedField):
            yield name, True
        elif isinstance(field, serializers.CharField | serializers.ChoiceField):
            yield name, False


def test_every_api_write(content, publisher, settings):
    client = token_client(publisher)
    targets = {
        "projects": content["project"],
        "meetings": content["meeting"],
        "workshops": content["workshop"],
    }
    stored = 0
    for prefix, viewset in writable_endpoints():
        fields = list(string_fields(viewset))
        assert fields, prefix
        for number, value in enumerate(CORPUS):
            everywhere = {name: value for name, _free in fields}
            free_text = {name: value for name, free in fields if free}
            for body in (everywhere, free_text, {"title": {"ar": value, "fr": value}}):
                payload = {**valid_payload(prefix, content, number), **body}
                created = client.post(
                    f"/api/v1/{prefix}/",
                    json.dumps(payload),
                    content_type="application/json",
                )
                assert_no_server_error(created, f"POST {prefix} {value[:20]!r}")
                assert created["Content-Type"] == "application/json"
                stored += created.status_code == 201
                changed = client.patch(
                    f"/api/v1/{prefix}/{targets[prefix].pk}/",
                    json.dumps(body),
                    content_type="application/json",
                )
                assert_no_server_error(changed, f"PATCH {prefix} {value[:20]!r}")
                assert changed["Content-Type"] == "application/json"
        for raw in ("[" * 100_000, '{"title": ' * 50_000, "\x00", "{", "NaN"):
            response = client.post(
                f"/api/v1/{prefix}/", raw, content_type="application/json"
            )
            assert response.status_code == 400, (prefix, raw[:10])
    assert stored > len(CORPUS)
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": None},
    }
    # Everything the API stored, published, must still make every output whole.
    for model in (
        apps.get_model("projects", "Project"),
        apps.get_model("consultations", "Meeting"),
        apps.get_model("workshops", "Workshop"),
    ):
        model.objects.exclude(title_ar=SECRET).update(publication_status="published")
    assert_everything_stored_renders(Client(raise_request_exception=False), content)


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
