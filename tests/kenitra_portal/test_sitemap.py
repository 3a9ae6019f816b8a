"""sitemap.xml and robots.txt."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings

from core.models import PublicationStatus
from tests.factories import (
    AxisFactory,
    MeetingFactory,
    ProjectFactory,
    ProposalFactory,
    WorkshopFactory,
)

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
DRAFT = {"publication_status": PublicationStatus.DRAFT}
REVIEW = {"publication_status": PublicationStatus.REVIEW}


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - the portal's own output
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href")
            for link in url.findall(f"{XHTML}link")
        }
        for url in root.findall(f"{SITEMAP}url")
    }


@pytest.mark.django_db
def test_sitemap_lists_every_published_page_in_every_language(client):
    axis = AxisFactory(slug="culture")
    project = ProjectFactory(axis=axis, slug="museum")
    meeting = MeetingFactory(slug="launch")
    WorkshopFactory(meeting=meeting, axis=axis, slug="culture-workshop")
    proposal = ProposalFactory(axis=axis)
    entries = sitemap_entries(client)
    paths = [
        "/",
        "/projects/",
        "/meetings/",
        "/workshops/",
        "/proposals/",
        "/petitions/",
        "/petitions/how-to-file/",
        "/access-to-information/",
        "/proposals/new/",
        "/privacy/",
        "/open-data/",
        "/feeds/",
        "/axes/culture/",
        "/projects/museum/",
        "/meetings/launch/",
        "/workshops/culture-workshop/",
        f"/proposals/{proposal.pk}/",
    ]
    codes = [code for code, _name in settings.LANGUAGES]
    for path in paths:
        for code in codes:
            assert entries[f"http://testserver/{code}{path}"] == {
                **{other: f"http://testserver/{other}{path}" for other in codes},
                "x-default": f"http://testserver/ar{path}",
            }
    assert len(entries) == len(codes) * len(paths)
    assert project.get_absolute_url() == "/ar/projects/museum/"


@pytest.mark.django_db
@pytest.mark.parametrize("unpublished", [DRAFT, REVIEW])
def test_sitemap_never_lists_unpublished_pages(client, unpublished):
    axis = AxisFactory(slug="hidden-axis", **unpublished)
    ProjectFactory(axis=axis, slug="hidden-project", **unpublished)
    meeting = MeetingFactory(slug="hidden-meeting", **unpublished)
    WorkshopFactory(meeting=meeting, slug="hidden-workshop", **unpublished)
    ProposalFactory(title="hidden proposal", **unpublished)
    body = client.get("/sitemap.xml").content.decode()
    assert "hidden" not in body
    assert "/proposals/1" not in body


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    for path in ("/admin/", "/ar/records/", "/fr/records/", "/en/records/"):
        assert f"Disallow: {path}" in lines
    assert "Disallow: /" not in lines


@pytest.mark.django_db
def test_sitemap_and_pages_name_the_same_alternates(client):
    ProjectFactory(slug="museum")
    MeetingFactory(slug="launch")
    entries = sitemap_entries(client)
    for location, alternates in entries.items():
        html = client.get(location.removeprefix("http://testserver")).content.decode()
        in_head = dict(
            re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html)
        )
        assert in_head == alternates, location
