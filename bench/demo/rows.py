"""Writing demo rows in bulk, and what `save()` would have computed for them."""

import random
import sys
from datetime import date, timedelta

from django.utils import timezone
from faker import Faker
from tqdm import tqdm

from core.models import PublicationStatus, SearchableModel

from .words import LANGUAGES

PREFIX = "demo-"
BATCH = 1000


class DemoRows:
    """The seeded randomness, the fakers and the bulk writes every part uses."""

    def __init__(self, seed, counts, show_progress=True):
        self.random = random.Random(seed)  # noqa: S311 - reproducible, not secret
        self.fakers = {
            "ar": Faker("ar_AA"),
            "fr": Faker("fr_FR"),
            "en": Faker("en_US"),
        }
        for number, faker in enumerate(self.fakers.values()):
            faker.seed_instance(seed + number)
        self.counts = counts
        self.now = timezone.now()
        self.created = {}
        self.progress = tqdm(
            total=self._total_rows(),
            unit="rows",
            desc="demo content",
            file=sys.stderr,
            disable=not show_progress,
        )

    def _total_rows(self):
        c = self.counts
        return (
            c["programs"]
            + c["axes"] * 4
            + c["projects"] * 6
            + c["meetings"] * 16
            + c["workshops"] * 3
            + c["proposals"]
        )

    def save(self, model, rows):
        if issubclass(model, SearchableModel):
            self.searchable(rows)
        saved = []
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            saved += model.objects.bulk_create(batch)
            self.progress.update(len(batch))
        self.created[model] = self.created.get(model, 0) + len(rows)
        return saved

    def link(self, through, rows):
        for start in range(0, len(rows), BATCH):
            through.objects.bulk_create(rows[start : start + BATCH])

    def triple(self, *choices):
        """The same phrase in ar, fr and en, built from aligned vocabularies."""
        picked = [self.random.choice(options) for options in choices]
        return {
            code: " ".join(part[index] for part in picked)
            for index, code in enumerate(LANGUAGES)
        }

    def paragraphs(self, sentences=3):
        return {
            code: faker.paragraph(nb_sentences=sentences)
            for code, faker in self.fakers.items()
        }

    def translated(self, field, values):
        return {f"{field}_{code}": value for code, value in values.items()}

    def publication(self, published_share=0.9):
        # Written directly rather than through core.publishing: these are rows made
        # up at benchmark volume with bulk_create, a mix of states as staff would
        # leave them, not moves anyone makes, and nothing here reaches a citizen.
        published = self.random.random() < published_share
        return {
            "publication_status": PublicationStatus.PUBLISHED
            if published
            else self.random.choice(
                [PublicationStatus.DRAFT, PublicationStatus.REVIEW]
            ),
            "published_at": self.now if published else None,
        }

    def day(self, start_year=2023, span_days=3 * 365):
        return date(start_year, 1, 1) + timedelta(days=self.random.randrange(span_days))

    def refresh_search(self, model, rows):
        self.searchable(rows)
        model.objects.bulk_update(rows, ["search_document"], batch_size=BATCH)

    def searchable(self, objects):
        for obj in objects:
            obj.search_document = obj.build_search_document()
        return objects
