"""Recompute the stored search document of every searchable record."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from core.models import SearchableModel

BATCH = 1000


class Command(BaseCommand):
    help = (
        "Recompute every record's search document, after a change to the "
        "normaliser, the stemmers or the fields a model is searched by."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        for model in apps.get_models():
            if not issubclass(model, SearchableModel):
                continue
            changed = []
            rows = model._default_manager.select_related(*model.search_related)
            for obj in rows.iterator(chunk_size=BATCH):
                text = obj.build_search_document()
                # PostgreSQL gives a tsvector's tokens back sorted.
                if set(text.split()) != set(obj.search_document.split()):
                    obj.search_document = text
                    changed.append(obj)
            # bulk_update(): no history row, no new version, for a derived column.
            model._default_manager.bulk_update(
                changed, ["search_document"], batch_size=BATCH
            )
            self.stdout.write(
                f"{model._meta.verbose_name_plural}: {len(changed)} search documents "
                "updated"
            )
