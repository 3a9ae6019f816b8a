"""Personas shared by every app's tests, as in healthchecks' alice, bob and charlie."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import translation
from rest_framework.test import APIClient

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    # The API's throttle counts live in the cache: no test inherits another's requests.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _exports_of_this_test(settings, tmp_path):
    # A download's file is kept under the content version, which a rolled-back test
    # does not change: the next test's download must not be the last test's file.
    settings.EXPORTS_ROOT = tmp_path / "exports"


@pytest.fixture(autouse=True)
def _arabic_by_default():
    # Each test starts where a citizen starts: the Arabic site.
    with translation.override("ar"):
        yield


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def staff_user(db):
    return UserFactory(username="staff", is_staff=True)


def _member_of(group_name, **fields):
    # The groups come from the roles' data migration, as on a fresh install.
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return _member_of("Editor", username="editor", is_staff=True)


@pytest.fixture
def publisher(db):
    return _member_of("Publisher", username="publisher", is_staff=True)


@pytest.fixture
def councillor(db):
    # Councillors read the records area; they have no admin account.
    return _member_of("Councillor", username="councillor")


@pytest.fixture
def api():
    return APIClient()
