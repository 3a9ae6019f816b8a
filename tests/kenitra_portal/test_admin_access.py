"""Every admin page for every registered model, as each persona: allowed, refused
(403, or the login page for those without an admin account), never a 500."""

import io

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from consultations import models as consultations
from core.models import PublishableModel
from core.permissions import content_models
from core.publishing import is_live
from tests import factories

PAGES = ("changelist", "add", "change", "history", "delete")


def png_upload(name="picture.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def make_object(model):
    """One saved instance of any model registered in the admin."""
    label = model._meta.label
    builders = {
        "projects.Program": factories.ProgramFactory,
        "projects.Axis": factories.AxisFactory,
        "projects.Project": factories.ProjectFactory,
        "projects.Goal": factories.GoalFactory,
        "projects.Milestone": factories.MilestoneFactory,
        "projects.ProjectUpdate": factories.ProjectUpdateFactory,
        "projects.ProjectImage": lambda: model.objects.create(
            project=factories.ProjectFactory(), image=png_upload(), alt_text_ar="صورة"
        ),
        "consultations.Venue": factories.VenueFactory,
        "consultations.Organization": factories.OrganizationFactory,
        "consultations.Person": factories.PersonFactory,
        "consultations.Membership": factories.MembershipFactory,
        "consultations.Meeting": factories.MeetingFactory,
        "consultations.AgendaItem": factories.AgendaItemFactory,
        "consultations.Participation": factories.ParticipationFactory,
        "consultations.Decision": factories.DecisionFactory,
        "consultations.FollowUpAction": factories.FollowUpActionFactory,
        "consultations.Document": factories.DocumentFactory,
        "consultations.Photo": lambda: consultations.Photo.objects.create(
            meeting=factories.MeetingFactory(), image=png_upload(), alt_text_ar="صورة"
        ),
        "consultations.PressCoverage": factories.PressCoverageFactory,
        "workshops.Workshop": factories.WorkshopFactory,
        "workshops.Proposal": factories.ProposalFactory,
        "auth.User": factories.UserFactory,
        "auth.Group": lambda: model.objects.create(name="مجموعة تجريبية"),
    }
    if label in builders:
        return builders[label]()
    return None


def page_url(model, page, obj):
    opts = model._meta
    name = f"admin:{opts.app_label}_{opts.model_name}_{page}"
    if page in ("changelist", "add"):
        return reverse(name)
    return reverse(name, args=[obj.pk])


def expected_status(persona, model, page, obj=None):
    if persona in ("anonymous", "councillor"):
        return 302  # the admin's login page: no admin account
    if persona == "superuser":
        return 200
    if model not in content_models():
        return 403  # accounts, groups, throttling records: superusers only
    if page == "delete" and (
        issubclass(model, PublishableModel) or (obj is not None and is_live(obj))
    ):
        # A published page, or a part of one, leaves the site only by a publisher.
        return 200 if persona == "publisher" else 403
    return 200


REGISTERED = sorted(admin.site._registry, key=lambda m: m._meta.label)


@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m._meta.label)
def test_every_admin_page_answers_each_persona_as_its_role_allows(
    model, client, editor, publisher, councillor, superuser
):
    obj = make_object(model)
    # Other apps' records (throttling logs, API tokens): their list is enough.
    pages = PAGES if obj is not None else ("changelist",)
    personas = {
        "anonymous": None,
        "councillor": councillor,
        "editor": editor,
        "publisher": publisher,
        "superuser": superuser,
    }
    for persona, user in personas.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        for page in pages:
            response = client.get(page_url(model, page, obj))
            expected = expected_status(persona, model, page, obj)
            assert response.status_code == expected, (persona, page)
            if expected == 302:
                assert reverse("admin:login") in response["Location"]


@pytest.mark.parametrize("persona", ["editor", "publisher", "superuser"])
def test_admin_index_lists_the_content_apps_for_staff(db, client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    content = response.content.decode()
    assert reverse("admin:projects_project_changelist") in content
    has_users = reverse("admin:auth_user_changelist") in content
    assert has_users is (persona == "superuser")


def test_councillor_cannot_log_in_to_the_admin(client, councillor):
    response = client.post(
        reverse("admin:login"),
        {"username": "councillor", "password": "a-long-test-password"},
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [("editor", False), ("publisher", True), ("superuser", True)],
)
def test_only_publishers_and_superusers_may_delete_a_project(
    db, client, request, persona, allowed
):
    project = factories.ProjectFactory()
    client.force_login(request.getfixturevalue(persona))
    response = client.post(
        reverse("admin:projects_project_delete", args=[project.pk]), {"post": "yes"}
    )
    assert response.status_code == (302 if allowed else 403)
    assert project._meta.model.objects.filter(pk=project.pk).exists() is not allowed


def test_editor_may_delete_a_milestone_of_a_draft_project(client, editor):
    milestone = factories.MilestoneFactory(
        project=factories.ProjectFactory(publication_status="draft")
    )
    client.force_login(editor)
    response = client.post(
        reverse("admin:projects_milestone_delete", args=[milestone.pk]),
        {"post": "yes"},
    )
    assert response.status_code == 302
    assert not milestone._meta.model.objects.filter(pk=milestone.pk).exists()


def test_editor_may_not_delete_a_milestone_of_a_published_project(client, editor):
    milestone = factories.MilestoneFactory()
    client.force_login(editor)
    response = client.post(
        reverse("admin:projects_milestone_delete", args=[milestone.pk]),
        {"post": "yes"},
    )
    assert response.status_code == 403
    assert milestone._meta.model.objects.filter(pk=milestone.pk).exists()
