"""A paginator that reads a page's keys first, then only that page's rows."""

from django.core.paginator import Paginator


class KeysFirstPaginator(Paginator):
    """Sorting a long list to show a page of it costs what the rows weigh: a
    project's row carries its texts in every language. The page's keys are read
    first, in the list's order, through a narrow query; then only those rows,
    with what the list joins and prefetches.
    """

    def _get_page(self, object_list, number, paginator):
        keys = list(object_list.values_list("pk", flat=True))
        # A QuerySet's: the order is rebuilt from `keys`, not sorted again.
        rows = self.object_list.filter(pk__in=keys).order_by()
        by_key = {row.pk: row for row in rows}
        return super()._get_page(
            [by_key[key] for key in keys if key in by_key], number, paginator
        )
