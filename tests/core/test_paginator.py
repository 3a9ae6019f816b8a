import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext

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


def test_the_page_is_read_by_its_keys_then_its_rows_alone():
    ProjectFactory.create_batch(7)
    projects = Project.objects.published().select_related("axis")

    with CaptureQueriesContext(connection) as queries:
        shown = list(KeysFirstPaginator(projects, 5).page(2))

    count, keys, rows = (query["sql"] for query in queries.captured_queries)
    assert "COUNT(" in count
    assert keys.startswith('SELECT "projects_project"."id" AS "pk" FROM')
    assert "ORDER BY" in keys and "LIMIT" in keys
    assert '"projects_axis"."title"' in rows and "ORDER BY" not in rows
    assert [project.pk for project in shown] == list(
        projects.values_list("pk", flat=True)[5:7]
    )
