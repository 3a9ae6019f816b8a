"""The history page of a record reads in the admin's language, in Kenitra's time,
with the changes to its parts under it and who made each."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from core import publishing
from tests import factories
from tests.kenitra_portal.admin_support import form_data

pytestmark = pytest.mark.django_db


class ContentText(HTMLParser):
    """The text a reader sees in the admin's #content, scripts and styles aside."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += 1
        elif dict(attrs).get("id") == "content":
            self.depth = 1
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def visible_text(html):
    parser = ContentText()
    parser.feed(html)
    return " ".join(parser.parts)


@pytest.fixture
def named(editor, publisher):
    editor.first_name, editor.last_name = "سعاد", "المحررة"
    editor.save()
    publisher.first_name, publisher.last_name = "كريم", "الناشر"
    publisher.save()
    return editor, publisher


def test_the_history_of_a_project_in_arabic_has_no_english_and_no_utc(client, named):
    editor, publisher = named
    project = factories.ProjectFactory(
        publication_status="draft", title_ar="مشروع الأيام المفتوحة"
    )
    factories.MilestoneFactory(project=project, title_ar="الإعلان")
    client.force_login(editor)
    url = reverse("admin:projects_project_change", args=[project.pk])
    response = client.get(url)
    data = form_data(response)
    data.update(
        summary_ar="ملخص جديد",
        status="in_progress",
        publication_status="review",
        **{"milestones-0-title_ar": "الإعلان عن الأيام", "milestones-0-done": "on"},
    )
    assert client.post(url, data).status_code == 302
    project.refresh_from_db()
    publishing.publish(project, by=publisher)

    client.force_login(publisher)
    response = client.get(reverse("admin:projects_project_history", args=[project.pk]))

    assert response.status_code == 200
    text = visible_text(response.content.decode())
    # Labels, choices, people and the parts' changes, in Arabic.
    for expected in (
        "الملخص",  # summary
        "سعاد المحررة",
        "كريم الناشر",
        "الإعلان عن الأيام",
    ):
        assert expected in text, expected
    latin = set(re.findall(r"[A-Za-z]{2,}", text))
    assert not latin, latin
    assert "+00:00" not in response.content.decode()
    assert "UTC" not in text
