"""Which languages of a record are still missing: in the list, on the change form,
and asked for confirmation when a publisher publishes without them."""

import pytest
from django.urls import reverse

from tests import factories
from tests.kenitra_portal.admin_support import form_data

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


def bulk_publish(client, projects, **extra):
    return client.post(
        reverse("admin:projects_project_changelist"),
        {
            "action": "publish_selected",
            "_selected_action": [str(p.pk) for p in projects],
            **extra,
        },
    )


def test_bulk_publishing_without_french_or_english_asks_on_a_page_of_its_own(
    client, publisher
):
    untranslated = factories.ProjectFactory(
        publication_status="review",
        title_ar="مشروع بلا ترجمة",
        title_en="",
        summary_ar="",
    )
    translated = factories.ProjectFactory(
        publication_status="review", title_en="Project", summary_ar=""
    )
    client.force_login(publisher)

    response = bulk_publish(client, [untranslated, translated])

    assert response.status_code == 200
    assert response.templates[0].name == "admin/core/publish_selected_confirmation.html"
    assert [(obj, names) for obj, names in response.context["untranslated"]] == [
        (untranslated, ["الإنجليزية"])
    ]
    page = response.content.decode()
    assert "مشروع بلا ترجمة" in page
    assert translated.title_ar not in page
    assert 'name="post" value="yes"' in page
    for project in (untranslated, translated):
        assert f'name="_selected_action" value="{project.pk}"' in page
        project.refresh_from_db()
        assert project.publication_status == "review"

    confirmed = bulk_publish(client, [untranslated, translated], post="yes")

    assert confirmed.status_code == 302
    for project in (untranslated, translated):
        project.refresh_from_db()
        assert project.is_published


def test_the_bulk_confirmation_speaks_the_admins_language(client, publisher):
    project = factories.ProjectFactory(
        publication_status="review", title_en="", summary_ar=""
    )
    client.force_login(publisher)
    # The admin's own language switcher, as staff choose it.
    client.post(reverse("set_language"), {"language": "fr", "next": "/admin/"})

    response = bulk_publish(client, [project])

    page = response.content.decode()
    assert "Publier quand même" in page
    assert "anglais" in page


def test_bulk_publishing_translated_or_published_records_asks_nothing(
    client, publisher
):
    translated = factories.ProjectFactory(
        publication_status="review", title_en="Project", summary_ar=""
    )
    already_published = factories.ProjectFactory(title_en="")
    client.force_login(publisher)

    response = bulk_publish(client, [translated, already_published])

    assert response.status_code == 302
    translated.refresh_from_db()
    assert translated.is_published
