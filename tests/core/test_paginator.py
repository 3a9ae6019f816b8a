import pytest
from django.core.paginator import Paginator

from core.paginator import KeysFirstPaginator
from projects.models import Project
from tests.factories import AxisFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_pages_hold_the_rows_a_plain_paginator_gives_in_the_same_order():
    for axis in AxisFactory.create_batch(3):
        for order in (2, 1, 1, 3):
            ProjectFactory(axis=axis, order=order)
    projects = Project.objects.published().select_related("axis")

    plain = Paginator(projects, 5, orphans=1)
    keys_first = KeysFirstPaginator(projects, 5, orphans=1)

    assert keys_first.num_pages == plain.num_pages == 3
    for number in plain.page_range:
        assert list(keys_first.page(number)) == list(plain.page(number))
        assert keys_first.page(number).has_next() == plain.page(number).has_next()
