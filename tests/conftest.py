"""Personas shared by every app's tests, as in healthchecks' alice, bob and charlie."""

import pytest
from django.utils import translation

from tests.factories import UserFactory


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
