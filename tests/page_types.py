"""One address of every public page type, for the checks that visit them all."""

from urllib.parse import quote

from django.utils import translation

from consultations.models import Meeting
from projects.models import Axis, Project
from workshops.models import Workshop


def page_paths(language):
    """One address of every public page type, in `language`."""
    with translation.override(language):
        meeting = Meeting.objects.published().filter(parent=None).get()
        return {
            "home": f"/{language}/",
            "axis": Axis.objects.published().first().get_absolute_url(),
            "project-list": f"/{language}/projects/",
            "project": Project.objects.published().first().get_absolute_url(),
            "meeting-list": f"/{language}/meetings/",
            "meeting": meeting.get_absolute_url(),
            "workshop-list": f"/{language}/workshops/",
            "workshop": Workshop.objects.published().first().get_absolute_url(),
            "proposal-list": f"/{language}/proposals/",
            "proposal-form": f"/{language}/proposals/new/",
            "search": f"/{language}/search/?q={quote('الرقمنه')}",
            "open-data": f"/{language}/open-data/",
            "licence": f"/{language}/open-data/licence/",
            "feeds": f"/{language}/feeds/",
            "contact": f"/{language}/contact/",
            "legal-notice": f"/{language}/legal-notice/",
            "accessibility": f"/{language}/accessibility/",
            "privacy": f"/{language}/privacy/",
            "not-found": f"/{language}/no-such-page/",
        }
