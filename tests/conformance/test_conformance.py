"""Every machine-readable output, fetched from a running server and read by the
parsers and validators that other people's software uses.

- calendars: icalendar (parse, write, parse again) and the rules of RFC 5545 that
  it does not enforce; the offsets Outlook and Thunderbird read from the VTIMEZONE;
- RSS and Atom: feedparser, which must find nothing to complain of (`bozo == 0`);
- the sitemap: lxml with the sitemap schema shipped by sitemap-verify and the XHTML
  1.0 schema shipped by xmlschema, for the hreflang links (no download: the one
  import of the web that the XHTML schema makes is answered from xmlschema's copy);
- the OpenAPI schema: openapi-spec-validator;
- the Popolo export: jsonschema, with the schemas of popolo_schemas.py.

Every language of settings.LANGUAGES is checked, so a language added later is too.
"""

import datetime
import json
import re
import urllib.request
from html.parser import HTMLParser
from importlib.resources import files
from zoneinfo import ZoneInfo

import feedparser
import jsonschema
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar
from lxml import etree
from openapi_spec_validator import validate as validate_openapi

from kenitra_portal.syndication import FEEDS
from tests.conformance.popolo_schemas import EXPORT
from tests.factories import (
    MeetingFactory,
    MembershipFactory,
    OrganizationFactory,
    ProjectUpdateFactory,
    ProposalFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.conformance

LANGUAGES = [code for code, _name in settings.LANGUAGES]
KENITRA = ZoneInfo(settings.TIME_ZONE)
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def fetch(url):
    """(status, content type, body) of a GET the way an outside client makes it."""
    # Only ever the live test server's http:// addresses.
    request = urllib.request.Request(url, headers={"User-Agent": "conformance"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.status, response.headers["Content-Type"], response.read()


def url_of(live_server, name, language, **kwargs):
    with translation.override(language):
        return live_server.url + reverse(name, kwargs=kwargs or None)


@pytest.fixture
def site(live_server, settings):
    """A live server with something in every feed, calendar and export."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": None},
    }
    now = datetime.datetime.now(KENITRA)
    upcoming = MeetingFactory(
        slug="next",
        title_ar="لقاء تشاوري حول الرقمنة",
        title_fr="Rencontre sur le numérique",
        summary_ar="<p>لقاء مفتوح &amp; عمومي</p>",
        start=now.replace(hour=10, minute=0, second=0, microsecond=0)
        + datetime.timedelta(days=10),
        end=None,
    )
    MeetingFactory(
        slug="ramadan-2027",
        start=datetime.datetime(2027, 2, 20, 10, tzinfo=KENITRA),
        end=datetime.datetime(2027, 2, 20, 12, tzinfo=KENITRA),
    )
    MeetingFactory(slug="undated", start=None)
    MeetingFactory(
        slug="council", kind="council", start=now - datetime.timedelta(days=1), end=None
    )
    ProjectUpdateFactory(
        title_ar="انطلاق الأشغال", text_ar="<b>نص</b> مع رمز تحكم \x0b هنا"
    )
    WorkshopFactory(meeting=upcoming, summary_ar="ورشة حول المشاركة")
    ProposalFactory(
        title="اقتراح حول النقل",
        status="accepted",
        public_answer_ar="سيدرج الاقتراح في برنامج 2027",
        public_answer_fr="La proposition sera inscrite au programme 2027.",
        answered_at=now,
    )
    parent = OrganizationFactory(kind="commune", website="https://www.kenitra.ma/")
    MembershipFactory(organization=OrganizationFactory(parent=parent))
    return live_server


# --- Calendars --------------------------------------------------------------------


def check_calendar(raw, language):
    # RFC 5545 §3.1: CRLF line ends, lines folded at 75 octets.
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and len(line) <= 75 for line in lines)
    calendar = Calendar.from_ical(raw)
    assert Calendar.from_ical(calendar.to_ical()) == calendar
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"])
    # §3.6: at least one component, whatever is upcoming.
    assert calendar.subcomponents
    assert calendar["NAME"].params["LANGUAGE"] == language
    zones = {str(zone["TZID"]): zone for zone in calendar.walk("VTIMEZONE")}
    for event in calendar.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "URL"):
            assert required in event
        assert event["DTSTAMP"].dt.utcoffset() == datetime.timedelta(0)
        # §3.6.1: DTEND or DURATION, never both; here always one of them.
        assert ("DTEND" in event) != ("DURATION" in event)
        assert event.end > event.start
        for name in ("DTSTART", "DTEND"):
            tzid = event[name].params["TZID"]
            assert tzid in zones
            # What a client that reads the VTIMEZONE (not its own database) sees.
            rules = zones[tzid].to_tz(lookup_tzid=False)
            local = event[name].dt.replace(tzinfo=None)
            assert (
                local.replace(tzinfo=rules).utcoffset()
                == local.replace(tzinfo=ZoneInfo(tzid)).utcoffset()
            ), (name, local)
    return calendar


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_calendar_is_rfc_5545_and_reads_back_at_kenitras_time(site, language):
    status, content_type, raw = fetch(
        url_of(site, "consultations:calendar_ics", language)
    )
    assert (status, content_type) == (200, "text/calendar; charset=utf-8")
    upcoming = check_calendar(raw, language)
    assert [str(event["URL"]).rsplit("/", 2)[-2] for event in upcoming.events] == [
        "next",
        "ramadan-2027",
    ]
    for slug in ("next", "ramadan-2027"):
        url = url_of(site, "consultations:meeting_ics", language, slug=slug)
        check_calendar(fetch(url)[2], language)
    council = fetch(url_of(site, "consultations:council_calendar_ics", language))[2]
    assert [event["SUMMARY"] for event in check_calendar(council, language).events]
    ramadan = Calendar.from_ical(
        fetch(url_of(site, "consultations:meeting_ics", language, slug="ramadan-2027"))[
            2
        ]
    )
    (event,) = ramadan.events
    rules = ramadan.walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
    start = event.start.replace(tzinfo=rules).astimezone(datetime.UTC)
    assert start == datetime.datetime(2027, 2, 20, 10, tzinfo=datetime.UTC)


@pytest.mark.django_db(transaction=True)
def test_empty_calendar_is_still_valid(live_server):
    for language in LANGUAGES:
        raw = fetch(url_of(live_server, "consultations:calendar_ics", language))[2]
        assert check_calendar(raw, language).events == []


# --- Feeds ------------------------------------------------------------------------


class HeadLinks(HTMLParser):
    """The <link rel="alternate" type="…"> of a page's <head>, as feed readers find them."""

    def __init__(self):
        super().__init__()
        self.feeds = []
        self.in_head = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "head":
            self.in_head = True
        alternate = tag == "link" and attrs.get("rel") == "alternate"
        if self.in_head and alternate and attrs.get("type"):
            self.feeds.append((attrs["type"], attrs["href"], attrs.get("title")))

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False


def advertised(live_server, path):
    parser = HeadLinks()
    parser.feed(fetch(live_server.url + path)[2].decode())
    return parser.feeds


def check_feed(url, language, kind):
    status, content_type, body = fetch(url)
    assert status == 200
    assert content_type == f"application/{kind}+xml; charset=utf-8"
    parsed = feedparser.parse(
        body, response_headers={"content-type": content_type, "content-location": url}
    )
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == {"rss": "rss20", "atom": "atom10"}[kind]
    feed = parsed.feed
    assert feed.title and feed.link.startswith("http")
    assert feed.language == language
    if kind == "atom":
        # RFC 4287 §4.1.1: id, title, updated and an author.
        assert feed.id == url
        assert feed.updated_parsed
        assert feed.author_detail.name
    assert parsed.entries, url
    for entry in parsed.entries:
        assert entry.title and entry.link.startswith("http")
        assert entry.id
        assert entry.author
        assert entry.get("published_parsed") or entry.get("updated_parsed")
        if kind == "atom":
            assert entry.updated_parsed
    ids = [entry.id for entry in parsed.entries]
    assert len(ids) == len(set(ids))
    return parsed


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_feed_is_read_by_feedparser_without_complaint(site, language):
    for feed in FEEDS:
        check_feed(url_of(site, feed.rss, language), language, "rss")
        check_feed(url_of(site, feed.atom, language), language, "atom")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_feed_readers_find_every_feed_from_the_pages(site, language):
    found = set()
    with translation.override(language):
        pages = [
            reverse("projects:home"),
            reverse("feeds"),
            reverse("consultations:meeting_list"),
            reverse("consultations:meeting_detail", kwargs={"slug": "next"}),
            reverse("projects:project_list"),
            reverse("workshops:workshop_list"),
            reverse("workshops:proposal_list"),
        ]
    for path in pages:
        links = advertised(site, path)
        assert links, path
        found.update(href for _type, href, _title in links)
    every = {
        url_of(site, name, language).removeprefix(site.url)
        for feed in FEEDS
        for name in (feed.rss, feed.atom)
    }
    assert every <= found
    assert (
        url_of(site, "consultations:calendar_ics", language).removeprefix(site.url)
        in found
    )
    for kind, href, _title in advertised(site, pages[0]):
        if kind != "text/calendar":
            check_feed(site.url + href, language, kind.split("/")[1].split("+")[0])


# --- Sitemap ----------------------------------------------------------------------


class _Offline(etree.Resolver):
    """The XHTML schema imports xml.xsd from w3.org: xmlschema ships the same file."""

    def resolve(self, url, pubid, context):
        if url == "http://www.w3.org/2001/xml.xsd":
            return self.resolve_filename(
                str(files("xmlschema") / "schemas" / "XML" / "xml.xsd"), context
            )
        return None


def sitemap_schema():
    sitemap_xsd = files("sitemap_verify.schemas") / "sitemap.xsd"
    xhtml_xsd = files("xmlschema") / "schemas" / "XHTML" / "xhtml1-strict.xsd"
    wrapper = (
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        '<xs:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'schemaLocation="file://{sitemap_xsd}"/>'
        '<xs:import namespace="http://www.w3.org/1999/xhtml" '
        f'schemaLocation="file://{xhtml_xsd}"/>'
        "</xs:schema>"
    )
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_Offline())
    return etree.XMLSchema(etree.fromstring(wrapper.encode(), parser))


W3C_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$"
)


@pytest.mark.django_db(transaction=True)
def test_sitemap_is_valid_and_lists_pages_that_answer(site):
    status, content_type, body = fetch(site.url + reverse("sitemap"))
    assert status == 200
    assert content_type.startswith("application/xml")
    document = etree.fromstring(body, etree.XMLParser(no_network=True))
    schema = sitemap_schema()
    assert schema.validate(document), schema.error_log
    urls = document.findall(f"{SITEMAP}url")
    # What the protocol says beyond the schema: 1 to 50,000 absolute URLs of
    # 2,048 characters at most, W3C dates.
    assert 0 < len(urls) <= 50_000
    for url in urls:
        loc = url.findtext(f"{SITEMAP}loc")
        assert loc.startswith(site.url) and len(loc) <= 2048
        lastmod = url.findtext(f"{SITEMAP}lastmod")
        assert lastmod is None or W3C_DATETIME.match(lastmod)
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in url.findall(f"{XHTML}link")
        }
        assert set(alternates) == {*LANGUAGES, "x-default"}
        assert alternates["x-default"] == alternates[settings.LANGUAGE_CODE]
        assert fetch(loc)[0] == 200
    with translation.override("fr"):
        for name in ("open_data", "workshops:privacy", "workshops:proposal_create"):
            assert site.url + reverse(name) in {
                u.findtext(f"{SITEMAP}loc") for u in urls
            }


# --- OpenAPI and Popolo -----------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_openapi_schema_is_valid(site):
    status, content_type, body = fetch(site.url + reverse("schema") + "?format=json")
    assert status == 200
    assert content_type.startswith("application/vnd.oai.openapi+json")
    spec = json.loads(body)
    validate_openapi(spec)
    assert spec["openapi"].startswith("3.")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_popolo_export_follows_the_popolo_schemas(site, language):
    url = url_of(
        site, "open_data_download", language, dataset="popolo", file_format="json"
    )
    status, content_type, body = fetch(url)
    assert (status, content_type) == (200, "application/json; charset=utf-8")
    export = json.loads(body)
    jsonschema.validate(
        export, EXPORT, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    # Popolo links records by id: each id is unique and each link leads somewhere.
    persons = {person["id"] for person in export["persons"]}
    organizations = {organization["id"] for organization in export["organizations"]}
    assert len(persons) == len(export["persons"]) > 0
    assert len(organizations) == len(export["organizations"]) > 0
    for organization in export["organizations"]:
        assert organization["parent_id"] in {None, *organizations}
    for membership in export["memberships"]:
        assert membership["person_id"] in persons
        assert membership["organization_id"] in organizations
