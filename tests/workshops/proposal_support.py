"""What the proposal tests share: a valid submission, the form and an axis to send it
for, and the moderator persona."""

import time

import pytest
from django.contrib.auth.models import Group
from django.core import signing
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from core import permissions
from tests.factories import AxisFactory, UserFactory
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


def make_staff(username, role=None):
    """A staff account in one of the portal's roles (core/permissions.py)."""
    user = UserFactory(username=username, is_staff=True)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return type(user).objects.get(pk=user.pk)  # fresh, without the permission cache


def make_editor(username="editor"):
    return make_staff(username, permissions.EDITOR)


def make_publisher(username="publisher"):
    """Changes to a published proposal are a publisher's to make at once."""
    return make_staff(username, permissions.PUBLISHER)


def admin_form_data(response):
    """What the admin's change form would send back as it is, inlines included."""
    forms = [response.context["adminform"].form]
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        forms.extend(formset.forms)
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            data[form.add_prefix(name)] = "on" if value is True else value
    return data


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rate-limit counters and cached pages must not leak from one test to the next.
    cache.clear()
    yield
    cache.clear()


def form_url(language="ar"):
    with translation.override(language):
        return reverse("workshops:proposal_create")


@pytest.fixture
def axis():
    return AxisFactory(title_ar="محور المشاركة المواطنة", title_fr="Participation")
