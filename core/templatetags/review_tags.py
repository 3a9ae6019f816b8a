"""The admin index's list of what waits for a publisher."""

from django import template
from django.contrib import admin
from django.urls import reverse

from core.admin import is_publishable
from core.models import PublicationStatus, Revision, RevisionState
from core.permissions import can_publish

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


LIST_LENGTH = 10


def _change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def _records(request, **lookups):
    """The publishable records matching `lookups`, newest first, across the apps."""
    found = []
    for model, model_admin in admin.site._registry.items():
        if is_publishable(model) and model_admin.has_view_permission(request):
            found += model._default_manager.filter(**lookups).order_by("-updated_at")[
                :LIST_LENGTH
            ]
    found.sort(key=lambda obj: obj.updated_at, reverse=True)
    return [
        {
            "name": str(obj),
            "kind": obj._meta.verbose_name,
            "url": _change_url(obj),
            "note": obj.review_note,
            "updated_at": obj.updated_at,
        }
        for obj in found[:LIST_LENGTH]
    ]


def _revisions(revisions):
    rows = []
    for revision in revisions[:LIST_LENGTH]:
        obj = revision.content_object
        if obj is None:
            continue
        rows.append(
            {
                "name": str(obj),
                "kind": obj._meta.verbose_name,
                "url": _change_url(obj),
                "note": revision.review_note,
                "author": revision.author,
                "updated_at": revision.updated_at,
            }
        )
    return rows


@register.inclusion_tag("admin/core/workspace.html", takes_context=True)
def staff_workspace(context):
    """What waits for this member of staff, on the admin's home page."""
    request = context["request"]
    user = request.user
    mine = {"last_edited_by": user}
    queues = []
    for model_admin in admin.site._registry.values():
        queues += getattr(model_admin, "workspace_queues", lambda request: [])(request)
    publisher = can_publish(user)
    pending = Revision.objects.open().select_related("author")
    return {
        "is_publisher": publisher,
        "drafts": _records(
            request, publication_status=PublicationStatus.DRAFT, review_note="", **mine
        ),
        "sent_back": [
            *[
                row
                for row in _records(
                    request, publication_status=PublicationStatus.DRAFT, **mine
                )
                if row["note"]
            ],
            *_revisions(pending.filter(author=user, state=RevisionState.SENT_BACK)),
        ]
        if not publisher
        else [],
        "in_review": _records(
            request, publication_status=PublicationStatus.REVIEW, **mine
        )
        + _revisions(pending.filter(author=user, state=RevisionState.PENDING))
        if not publisher
        else [],
        "revisions_to_review": _revisions(pending.filter(state=RevisionState.PENDING))
        if publisher
        else [],
        "revisions_to_review_count": pending.filter(
            state=RevisionState.PENDING
        ).count(),
        "queues": [queue for queue in queues if queue["count"]],
    }
