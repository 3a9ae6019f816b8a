"""A corpus of hostile values, sent everywhere the public and the API take input.

Every public form, every query parameter of every page (the ones its GET forms
name, the list's `page`, and ORM lookups nobody offers), and every API write get
each value of CORPUS. No answer may be a server error, no draft may show, and what
was stored must still make every page, feed, CSV and JSON download whole.
The corpus and those checks are in hostile_corpus.py, the API writes in
test_hostile_api.py.
"""

from html.parser import HTMLParser

from django.test import Client
from django.urls import reverse

from kenitra_portal.api import build_router
from tests.kenitra_portal.hostile_corpus import (
    CORPUS,
    MEGABYTE,
    assert_everything_stored_renders,
    assert_no_draft,
    assert_no_server_error,
    body_of,
    content,
    encoded,
    pages,
)
from tests.workshops.proposal_support import _empty_cache, form_token, proposal_post
from workshops.models import Proposal

__all__ = ["_empty_cache", "content"]

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
