"""Recompute the stored search text of every searchable record."""

from django.core.management.base import BaseCommand
from django.db import transaction

from consultations.models import Meeting
from projects.models import Project
from workshops.models import Proposal, Workshop

SEARCHABLE = (
    (Project, ("axis",)),
    (Meeting, ()),
    (Workshop, ()),
    (Proposal, ()),
)


class Command(BaseCommand):
    help = (
        "Recompute every record's search text, after a change to the normaliser or "
        "to the fields a model is searched by."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        for model, related in SEARCHABLE:
            changed = 0
            for obj in model.objects.select_related(*related).iterator():
                text = obj.build_search_text()
                if text != obj.search_text:
                    # update(): no history row, no new version, for a derived column.
                    model.objects.filter(pk=obj.pk).update(search_text=text)
                    changed += 1
            self.stdout.write(
                f"{model._meta.verbose_name_plural}: {changed} search texts updated"
            )
