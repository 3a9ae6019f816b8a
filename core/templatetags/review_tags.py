"""The admin index's list of what waits for a publisher."""

from django import template
from django.contrib import admin
from django.urls import reverse

from core.admin import is_publishable

register = template.Library()


@register.inclusion_tag("admin/core/awaiting_review.html", takes_context=True)
def awaiting_review(context):
    request = context["request"]
    rows = []
    for model, model_admin in admin.site._registry.items():
        if not is_publishable(model) or not model_admin.has_view_permission(request):
            continue
        count = model._default_manager.awaiting_review().count()
        if count:
            opts = model._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            rows.append(
                {
                    "name": opts.verbose_name_plural,
                    "count": count,
                    "url": f"{url}?workflow=review",
                }
            )
    return {"rows": sorted(rows, key=lambda row: str(row["name"]))}
