"""What an app offers for download on the open-data page.

Each app's `api` module lists its `DATASETS` beside its `ROUTES`; the top floor's
exports find them there and stream them, so a new dataset needs no line above its
app.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    serializer_class: type
    rows: object  # a callable returning the published rows, related rows prefetched
    # Its place on the open-data page, smallest first, whatever app it is in.
    order: int

    @classmethod
    def of_viewset(cls, slug, title, description, viewset, order):
        """The published rows of an API list, serialised and prefetched as it does."""
        return cls(
            slug,
            title,
            description,
            viewset.serializer_class,
            lambda: viewset().with_related(viewset.model.objects.published()),
            order,
        )
