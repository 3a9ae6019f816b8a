"""Recompute the stored search text of every searchable record."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from core.models import SearchableModel


class Command(BaseCommand):
    help = (
        "Recompute every record's search text, after a change to the normaliser or "
        "to the fields a model is searched by."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        for model in apps.get_models():
            if not issubclass(model, SearchableModel):
                continue
            changed = 0
            # The relations a result shows are those its search text may hold too.
            rows = model.objects.select_related(*model.search_related)
            for obj in rows.iterator():
                text = obj.build_search_text()
                if text != obj.search_text:
                    # update(): no history row, no new version, for a derived column.
                    model.objects.filter(pk=obj.pk).update(search_text=text)
                    changed += 1
            self.stdout.write(
                f"{model._meta.verbose_name_plural}: {changed} search texts updated"
            )
