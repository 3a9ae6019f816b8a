"""The three staff roles, as `migrate` creates them on a fresh install."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from core.permissions import (
    COUNCILLOR,
    EDITOR,
    PUBLISHER,
    can_publish,
    can_view_records,
    sync_roles,
)
from tests.factories import UserFactory


def codenames(group_name):
    return set(
        Group.objects.get(name=group_name).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )


def test_fresh_install_has_the_three_roles(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {
        EDITOR,
        PUBLISHER,
        COUNCILLOR,
    }


def test_editor_edits_all_content_but_cannot_publish_or_delete_pages(db):
    perms = codenames(EDITOR)
    for model in ("project", "axis", "program", "projectupdate"):
        assert ("projects", f"change_{model}") in perms
        assert ("projects", f"delete_{model}") not in perms
    assert ("consultations", "add_meeting") in perms
    assert ("consultations", "delete_agendaitem") in perms
    assert ("workshops", "change_proposal") in perms  # moderates proposals
    assert ("core", "publish_content") not in perms
    assert ("core", "view_records") not in perms
    assert not any(label == "auth" for label, _codename in perms)


def test_publisher_has_everything_an_editor_has_plus_publishing(db):
    perms = codenames(PUBLISHER)
    assert codenames(EDITOR) < perms
    assert ("core", "publish_content") in perms
    assert ("projects", "delete_project") in perms
    assert ("core", "view_records") in perms
    assert not any(label == "auth" for label, _codename in perms)


def test_councillor_only_reads_the_records(db):
    assert codenames(COUNCILLOR) == {("core", "view_records")}


def test_history_models_get_no_permissions_of_their_own(db):
    assert not any(
        codename.endswith("historicalproject") for _label, codename in codenames(EDITOR)
    )


@pytest.mark.parametrize(
    ("persona", "publishes", "reads_records"),
    [
        ("editor", False, False),
        ("publisher", True, True),
        ("councillor", False, True),
        ("superuser", True, True),
        ("staff_user", False, False),
    ],
)
def test_role_helpers(db, request, persona, publishes, reads_records):
    user = request.getfixturevalue(persona)
    assert can_publish(user) is publishes
    assert can_view_records(user) is reads_records


def test_inactive_publisher_publishes_nothing(publisher):
    publisher.is_active = False
    publisher.save()
    assert not can_publish(publisher)
    assert not can_view_records(publisher)


def test_anonymous_visitor_has_no_role(db):
    from django.contrib.auth.models import AnonymousUser

    assert not can_publish(AnonymousUser())
    assert not can_view_records(AnonymousUser())


def test_syncing_again_restores_a_role_someone_changed(db):
    Group.objects.get(name=EDITOR).permissions.clear()
    Group.objects.filter(name=COUNCILLOR).delete()
    sync_roles()
    assert ("projects", "change_project") in codenames(EDITOR)
    assert codenames(COUNCILLOR) == {("core", "view_records")}


@pytest.mark.django_db(transaction=True)
def test_migrate_creates_the_roles_of_a_fresh_install():
    Group.objects.filter(name__in=[EDITOR, PUBLISHER, COUNCILLOR]).delete()
    call_command("migrate", verbosity=0)
    assert Group.objects.filter(name__in=[EDITOR, PUBLISHER, COUNCILLOR]).count() == 3
    user = UserFactory()
    user.groups.add(Group.objects.get(name=PUBLISHER))
    assert can_publish(user)
