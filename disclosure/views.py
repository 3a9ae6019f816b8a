from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from .models import ARTICLE, NOT_FOR_A_COMMUNE, Category, ProactiveItem


def categories_with_items(items):
    """Every category of art. 10 in the law's order, with its published items."""
    by_category = {}
    for item in items:
        by_category.setdefault(item.category, []).append(item)
    return [
        {
            "code": category.value,
            "label": category.label,
            "article": ARTICLE[category],
            "items": by_category.get(category.value, []),
            "for_a_commune": category not in NOT_FOR_A_COMMUNE,
        }
        for category in Category
    ]


class ProactiveListView(TemplateView):
    """Law 31-13 art. 10: what the commune publishes without being asked."""

    template_name = "disclosure/proactive_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            categories=categories_with_items(ProactiveItem.objects.published()),
            request_portal_url=settings.ACCESS_TO_INFORMATION_PORTAL_URL,
            **kwargs,
        )


@require_safe
def document(request, pk):
    """A published item's PDF, from storage that the web server does not serve."""
    item = get_object_or_404(ProactiveItem.objects.published(), pk=pk)
    if not item.document:
        raise Http404
    try:
        handle = item.document.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, content_type="application/pdf", filename=f"kenitra-{item.pk}.pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
