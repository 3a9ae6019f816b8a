"""Fixtures shared by several test modules of this folder."""

import pytest

from consultations.models import Meeting
from core.models import PublicationStatus
from tests import factories
from tests.kenitra_portal.kenitra_article import LAUNCH_TITLE, load


@pytest.fixture
def loaded(db):
    return load()


@pytest.fixture
def launch(loaded):
    return Meeting.objects.get(title_ar=LAUNCH_TITLE)


@pytest.fixture
def draft(db):
    return factories.ProjectFactory(
        publication_status=PublicationStatus.DRAFT, title_ar="مشروع المشاركة المواطنة"
    )
