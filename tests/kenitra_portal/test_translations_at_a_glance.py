"""Which languages of a record are still missing: in the list, on the change form,
and asked for confirmation when a publisher publishes without them."""

import pytest
from django.urls import reverse

from tests import factories
from tests.kenitra_portal.test_admin_workflow import form_data

pytestmark = pytest.mark.django_db


def test_the_list_names_the_missing_languages(client, editor):
    factories.ProjectFactory(title_ar="مشروع", title_fr="Projet", title_en="")
    client.force_login(editor)

    response = client.get(reverse("admin:projects_project_changelist"))

    assert "الإنجليزية" in response.content.decode()


def test_the_change_form_names_the_missing_languages(client, editor):
    project = factories.ProjectFactory(
        title_fr="", title_en="Project", title_zgh="ⴰⵙⵏⴼⴰⵔ", summary_ar=""
    )
    client.force_login(editor)

    response = client.get(reverse("admin:projects_project_change", args=[project.pk]))

    assert response.context["missing_languages"] == ["الفرنسية"]


def test_publishing_without_french_or_english_asks_for_confirmation(client, publisher):
    project = factories.ProjectFactory(
        publication_status="review", title_fr="Projet", title_en=""
    )
    url = reverse("admin:projects_project_change", args=[project.pk])
    client.force_login(publisher)
    data = form_data(client.get(url))
    data["publication_status"] = "published"

    response = client.post(url, data)

    assert response.status_code == 200
    assert "publish_untranslated" in response.context["adminform"].form.errors
    project.refresh_from_db()
    assert not project.is_published

    data["publish_untranslated"] = "on"
    assert client.post(url, data).status_code == 302
    project.refresh_from_db()
    assert project.is_published


def test_a_fully_translated_record_publishes_without_a_question(client, publisher):
    project = factories.ProjectFactory(
        publication_status="review",
        title_fr="Projet",
        title_en="Project",
        summary_ar="",
    )
    url = reverse("admin:projects_project_change", args=[project.pk])
    client.force_login(publisher)
    data = form_data(client.get(url))
    data["publication_status"] = "published"

    assert client.post(url, data).status_code == 302
