"""The review workflow in the admin: drafts, review, publishing, sending back, bulk
actions, the stale-save check, history, search, view on site and preview."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import revisions
from core.admin_forms import STALE_VERSION_MESSAGE
from core.models import PublicationStatus
from projects.models import Project
from tests import factories


def form_data(response):
    """What the browser would send back from an admin change form, unchanged: the
    input a revision keeps (core.revisions.post_data), the inline rows included."""
    data = {}

    def put(form):
        for key, values in revisions.post_data(form).lists():
            data[key] = values[0] if len(values) == 1 else values

    put(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets") or ():
        formset = inline.formset
        for name in formset.management_form.fields:
            data[formset.management_form.add_prefix(name)] = formset.management_form[
                name
            ].value()
        for inline_form in formset.forms:
            put(inline_form)
    return data


def change_url(obj):
    return reverse("admin:projects_project_change", args=[obj.pk])


def open_form(client, obj):
    response = client.get(change_url(obj))
    assert response.status_code == 200
    return form_data(response)


@pytest.fixture
def draft(db):
    return factories.ProjectFactory(
        publication_status=PublicationStatus.DRAFT, title_ar="مشروع المشاركة المواطنة"
    )


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


def test_bulk_publish_and_unpublish_are_for_publishers_only(client, editor, publisher):
    drafts = factories.ProjectFactory.create_batch(
        3,
        publication_status=PublicationStatus.REVIEW,
        title_en="Project",
        summary_ar="",
    )
    ids = [str(p.pk) for p in drafts]
    url = reverse("admin:projects_project_changelist")

    client.force_login(editor)
    actions = client.get(url).context["action_form"].fields["action"].choices
    assert "publish_selected" not in dict(actions)
    client.post(url, {"action": "publish_selected", "_selected_action": ids})
    assert not Project.objects.published().exists()

    client.force_login(publisher)
    response = client.post(url, {"action": "publish_selected", "_selected_action": ids})
    assert response.status_code == 302
    assert Project.objects.published().count() == 3
    assert all(p.history.count() == 2 for p in Project.objects.all())
    assert set(Project.objects.values_list("last_edited_by", flat=True)) == {
        publisher.pk
    }

    client.post(url, {"action": "unpublish_selected", "_selected_action": ids[:1]})
    assert Project.objects.published().count() == 2


def test_editor_sends_drafts_to_review_in_bulk(client, editor):
    drafts = factories.ProjectFactory.create_batch(
        2, publication_status=PublicationStatus.DRAFT
    )
    client.force_login(editor)
    client.post(
        reverse("admin:projects_project_changelist"),
        {"action": "send_to_review", "_selected_action": [p.pk for p in drafts]},
    )
    assert Project.objects.awaiting_review().count() == 2


def test_changelist_shows_how_many_records_wait_for_review(client, publisher):
    factories.ProjectFactory.create_batch(2, publication_status="review")
    factories.ProjectFactory(publication_status="draft")
    client.force_login(publisher)
    url = reverse("admin:projects_project_changelist")
    response = client.get(url)
    assert response.context["awaiting_review_count"] == 2
    assert 'href="?workflow=review"' in response.content.decode()
    response = client.get(url, {"workflow": "review"})
    assert response.context["cl"].result_count == 2


@pytest.mark.parametrize(
    "query",
    ["المشاركه المواطنه", "المشارَكة", "participation citoyenne", "PARTICIPATION"],
)
def test_admin_search_uses_the_site_normaliser(client, editor, query):
    factories.ProjectFactory(
        title_ar="المشاركة المواطنة", title_fr="La participation citoyenne"
    )
    factories.ProjectFactory(title_ar="الإنارة العمومية", title_fr="Éclairage")
    client.force_login(editor)
    response = client.get(reverse("admin:projects_project_changelist"), {"q": query})
    titles = [p.title_ar for p in response.context["cl"].result_list]
    assert titles == ["المشاركة المواطنة"]


def test_view_on_site_only_for_published_records(client, editor, draft):
    published = factories.ProjectFactory()
    client.force_login(editor)
    assert "viewsitelink" not in client.get(change_url(draft)).content.decode()
    assert "viewsitelink" in client.get(change_url(published)).content.decode()


def test_draft_preview_is_for_staff_only(client, editor, councillor, draft):
    url = reverse(
        "preview",
        kwargs={"app_label": "projects", "model_name": "project", "pk": draft.pk},
    )
    assert client.get(url).status_code == 404
    client.force_login(councillor)
    assert client.get(url).status_code == 404
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert "مشروع المشاركة المواطنة" in response.content.decode()
    assert url in client.get(change_url(draft)).content.decode()
    # The public page itself still hides the draft.
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404


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


ADMIN_LISTS = [
    ("projects", "project", factories.ProjectFactory),
    ("projects", "axis", factories.AxisFactory),
    ("consultations", "meeting", factories.MeetingFactory),
    ("consultations", "participation", factories.ParticipationFactory),
    ("consultations", "followupaction", factories.FollowUpActionFactory),
    ("consultations", "document", factories.DocumentFactory),
    ("workshops", "workshop", factories.WorkshopFactory),
    ("workshops", "proposal", factories.ProposalFactory),
]


@pytest.mark.parametrize(
    ("app_label", "model_name", "factory"), ADMIN_LISTS, ids=lambda v: str(v)
)
def test_admin_changelist_queries_do_not_grow_with_rows(
    client, publisher, django_assert_num_queries, app_label, model_name, factory
):
    url = reverse(f"admin:{app_label}_{model_name}_changelist")
    client.force_login(publisher)
    model = factory._meta.model

    def create(count):
        factory.create_batch(count)
        # The last editor is a column of the list: it must come in the same query.
        if hasattr(model, "last_edited_by"):
            model.objects.update(last_edited_by=publisher)

    create(5)
    client.get(url)  # warm caches (content types, permissions)
    with CaptureQueriesContext(connection) as five:
        assert client.get(url).status_code == 200
    create(195)
    with django_assert_num_queries(len(five.captured_queries)):
        assert client.get(url).status_code == 200


def test_admin_index_lists_what_waits_for_review(client, publisher):
    factories.ProjectFactory.create_batch(2, publication_status="review")
    factories.MeetingFactory(publication_status="review")
    client.force_login(publisher)
    content = client.get(reverse("admin:index")).content.decode()
    assert (
        reverse("admin:projects_project_changelist") + "?workflow=review"
    ) in content
    assert (
        reverse("admin:consultations_meeting_changelist") + "?workflow=review"
    ) in content


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


@pytest.mark.parametrize(
    ("factory", "title_field"),
    [
        (factories.AxisFactory, "title_ar"),
        (factories.ProjectFactory, "title_ar"),
        (factories.MeetingFactory, "title_ar"),
        (factories.WorkshopFactory, "title_ar"),
        (factories.ProposalFactory, "title"),
    ],
    ids=["axis", "project", "meeting", "workshop", "proposal"],
)
def test_every_previewable_draft_renders_for_staff(
    client, editor, factory, title_field
):
    draft = factory(publication_status="draft", **{title_field: "مسودة للمعاينة"})
    opts = draft._meta
    url = reverse(
        "preview",
        kwargs={
            "app_label": opts.app_label,
            "model_name": opts.model_name,
            "pk": draft.pk,
        },
    )
    assert client.get(url).status_code == 404
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert "مسودة للمعاينة" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex"
