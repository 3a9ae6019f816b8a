"""What the proposal tests share: a valid submission and the moderator persona."""

import time

import pytest
from django.contrib.auth.models import Permission
from django.core import signing
from django.core.cache import cache

from tests.factories import UserFactory
from workshops.forms import FORM_TOKEN_SALT


def form_token(seconds_ago=60):
    """The signed "form shown at" value, as if the form had been open that long."""
    return signing.dumps(time.time() - seconds_ago, salt=FORM_TOKEN_SALT)


def proposal_post(for_axis, **overrides):
    """The form as a citizen fills it in; an override of None leaves the field out."""
    data = {
        "axis": str(for_axis.pk),
        "title": "حديقة للأطفال في حي الخبازات",
        "text": "نقترح تهيئة حديقة للأطفال قرب المدرسة الابتدائية في حي الخبازات.",
        "workshop": "",
        "submitter_name": "فاطمة الزهراء",
        "submitter_association": "جمعية الحي",
        "submitter_email": "fatima@example.test",
        "submitter_phone": "0612345678",
        "consent": "on",
        "website": "",
        "started": form_token(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def make_editor(username="editor"):
    """Staff with the permissions the Editor role gives for proposals."""
    user = UserFactory(username=username, is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="workshops",
            codename__in=["view_proposal", "change_proposal", "add_proposal"],
        )
    )
    return type(user).objects.get(pk=user.pk)  # fresh, without the permission cache


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rate-limit counters and cached pages must not leak from one test to the next.
    cache.clear()
    yield
    cache.clear()
