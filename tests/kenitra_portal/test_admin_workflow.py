"""The review workflow in the admin: drafts, review, publishing, sending back, the
stale-save check and history. Lists and bulk actions are in test_admin_lists.py, view
on site and preview in test_admin_preview.py."""

from django.urls import reverse

from core.admin_forms import STALE_VERSION_MESSAGE
from core.models import PublicationStatus
from projects.models import Project
from tests import factories
from tests.kenitra_portal.admin_support import change_url, form_data, open_form


def test_editor_creates_a_draft_and_is_recorded_as_its_last_editor(client, editor):
    axis = factories.AxisFactory()
    client.force_login(editor)
    response = client.get(reverse("admin:projects_project_add"))
    data = form_data(response)
    data.update(
        title_ar="منصة رقمية للمشاركة",
        title_fr="Plateforme numérique de participation",
        slug="plateforme",
        axis=str(axis.pk),
        publication_status="draft",
        status="planned",
        progress="0",
    )
    response = client.post(reverse("admin:projects_project_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    project = Project.objects.get(slug="plateforme")
    assert project.publication_status == PublicationStatus.DRAFT
    assert project.last_edited_by == editor
    assert project.title_fr == "Plateforme numérique de participation"
    record = project.history.get()
    assert record.history_user == editor
    assert record.title_fr == "Plateforme numérique de participation"


def test_arabic_title_is_required_and_french_is_optional(client, editor):
    client.force_login(editor)
    data = form_data(client.get(reverse("admin:projects_project_add")))
    data.update(
        title_fr="Sans titre arabe",
        slug="sans-titre",
        axis=str(factories.AxisFactory().pk),
        progress="0",
    )
    response = client.post(reverse("admin:projects_project_add"), data)
    assert response.status_code == 200
    assert "title_ar" in response.context["adminform"].form.errors
    assert not Project.objects.filter(slug="sans-titre").exists()


def test_editor_is_not_offered_publishing_and_cannot_force_it(client, editor, draft):
    client.force_login(editor)
    response = client.get(change_url(draft))
    choices = [
        value
        for value, _label in response.context["adminform"]
        .form.fields["publication_status"]
        .choices
    ]
    assert choices == ["draft", "review"]
    data = form_data(response)
    data["publication_status"] = "published"
    response = client.post(change_url(draft), data)
    assert response.status_code == 200
    assert "publication_status" in response.context["adminform"].form.errors
    draft.refresh_from_db()
    assert draft.publication_status == PublicationStatus.DRAFT


def test_editor_sends_to_review_and_publisher_publishes(
    client, editor, publisher, draft
):
    client.force_login(editor)
    data = open_form(client, draft)
    data["publication_status"] = "review"
    assert client.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert draft.publication_status == PublicationStatus.REVIEW
    assert draft.version == 2

    client.force_login(publisher)
    data = open_form(client, draft)
    data["publication_status"] = "published"
    # Its English is missing: the publisher says to publish it anyway.
    data["publish_untranslated"] = "on"
    assert client.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert draft.is_published
    assert draft.published_at is not None
    assert draft.last_edited_by == publisher
    assert [h.history_user for h in draft.history.order_by("history_date")] == [
        None,
        editor,
        publisher,
    ]


def test_publisher_sends_back_with_a_comment_the_editor_then_sees(
    client, editor, publisher, draft
):
    draft.publication_status = PublicationStatus.REVIEW
    draft.save()
    client.force_login(publisher)
    data = open_form(client, draft)
    data["publication_status"] = "draft"
    response = client.post(change_url(draft), data)
    assert "review_note" in response.context["adminform"].form.errors

    data["review_note"] = "أضيفوا الميزانية والتاريخ المتوقع."
    assert client.post(change_url(draft), data).status_code == 302

    client.force_login(editor)
    response = client.get(change_url(draft))
    assert "أضيفوا الميزانية والتاريخ المتوقع." in response.content.decode()
    # The editor reads the note but cannot rewrite it.
    assert "review_note" not in response.context["adminform"].form.fields


def test_second_of_two_simultaneous_edits_is_refused(client, editor, publisher, draft):
    client.force_login(editor)
    first = open_form(client, draft)
    client.force_login(publisher)
    second = open_form(client, draft)

    client.force_login(editor)
    first["summary_ar"] = "نسخة المحرر"
    assert client.post(change_url(draft), first).status_code == 302

    client.force_login(publisher)
    second["summary_ar"] = "نسخة الناشر"
    response = client.post(change_url(draft), second)
    assert response.status_code == 200
    assert str(STALE_VERSION_MESSAGE) in response.content.decode()
    draft.refresh_from_db()
    assert draft.summary_ar == "نسخة المحرر"
    assert draft.version == 2


def test_a_refused_stale_save_shows_both_versions_and_saves_after_merging(
    client, editor, publisher, draft
):
    client.force_login(editor)
    first = open_form(client, draft)
    client.force_login(publisher)
    second = open_form(client, draft)
    client.force_login(editor)
    first["summary_ar"] = "نسخة المحرر"
    client.post(change_url(draft), first)

    client.force_login(publisher)
    second["summary_ar"] = "نسخة الناشر"
    second["location_ar"] = "الساكنية"
    refused = client.post(change_url(draft), second)

    rows = refused.context["adminform"].form.others_changes
    assert [(row["theirs"], row["yours"]) for row in rows] == [
        ("نسخة المحرر", "نسخة الناشر")
    ]
    page = refused.content.decode()
    assert "نسخة المحرر" in page and "الساكنية" in page
    # Nothing to type again: the form still holds the publisher's input.
    merged = form_data(refused)
    assert merged["location_ar"] == "الساكنية"
    merged["summary_ar"] = "نسخة المحرر، مع إضافة الناشر"
    assert client.post(change_url(draft), merged).status_code == 302
    draft.refresh_from_db()
    assert (draft.summary_ar, draft.location_ar) == (
        "نسخة المحرر، مع إضافة الناشر",
        "الساكنية",
    )


def test_admin_is_arabic_and_right_to_left_whatever_the_browser_asks(client, editor):
    client.force_login(editor)
    response = client.get(
        reverse("admin:projects_project_add"), HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9"
    )
    content = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in content
    for code in ("ar", "fr", "en"):
        assert f'name="title_{code}"' in content
    # Choosing French in the admin's own switcher is respected.
    client.post(reverse("set_language"), {"language": "fr", "next": "/admin/"})
    response = client.get(reverse("admin:index"))
    assert '<html lang="fr" dir="ltr">' in response.content.decode()


def test_history_is_viewable_and_a_publisher_can_revert(client, editor, publisher):
    project = factories.ProjectFactory(
        summary_ar="النص الأول", publication_status="draft"
    )
    client.force_login(editor)
    data = open_form(client, project)
    data["summary_ar"] = "نص خاطئ"
    client.post(change_url(project), data)

    client.force_login(publisher)
    history_url = reverse("admin:projects_project_history", args=[project.pk])
    response = client.get(history_url)
    assert response.status_code == 200
    assert "editor" in response.content.decode()
    first = project.history.earliest("history_date")
    revert_url = reverse(
        "admin:projects_project_simple_history",
        args=[project.pk, first.history_id],
    )
    response = client.get(revert_url)
    assert response.status_code == 200
    data = form_data(response)
    assert client.post(revert_url, data).status_code == 302
    project.refresh_from_db()
    assert project.summary_ar == "النص الأول"
    assert project.history.count() == 3


def test_editor_cannot_publish_a_project_update_from_the_project_inline(
    client, editor, draft
):
    client.force_login(editor)
    response = client.get(change_url(draft))
    data = form_data(response)
    prefix = next(
        f.formset.prefix
        for f in response.context["inline_admin_formsets"]
        if f.formset.model._meta.model_name == "projectupdate"
    )
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-0-date": "2026-01-10",
            f"{prefix}-0-title_ar": "مستجد",
            f"{prefix}-0-publication_status": "published",
        }
    )
    response = client.post(change_url(draft), data)
    assert response.status_code == 200
    formset = next(
        f.formset
        for f in response.context["inline_admin_formsets"]
        if f.formset.prefix == prefix
    )
    assert list(formset.errors[0]) == ["publication_status"]
    assert not draft.updates.exists()


def test_an_admin_with_its_own_fieldsets_still_sends_the_version(rf, publisher):
    from django.contrib import admin

    from core.admin import ContentAdmin

    class ShortProjectAdmin(ContentAdmin):
        fieldsets = [(None, {"fields": ["title", "slug", "axis"]})]

    request = rf.get("/")
    request.user = publisher
    model_admin = ShortProjectAdmin(Project, admin.site)
    fieldsets = model_admin.get_fieldsets(request, factories.ProjectFactory())
    assert "edit_version" in fieldsets[0][1]["fields"]
