"""The answer an editor gets when a change to a published record is kept for review.

The API keeps such a change as a pending revision, as the admin does
(core/revisions.py), and answers 202 Accepted with where the revision waits; the
schema of that answer is here too, for core/api.py's PortalAutoSchema.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.status import HTTP_202_ACCEPTED

from .models import RevisionState

REVISION_KEPT = _(
    "This record is published: your change is kept as a pending revision for a "
    "publisher to review. Until it is approved, the site and the API show the "
    "published version."
)


class KeptRevisionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    state = serializers.ChoiceField(choices=RevisionState.choices)
    base_version = serializers.IntegerField(
        help_text="The record's version the change was made from."
    )
    review_url = serializers.URLField(
        help_text="The admin page where publishers review it and its author sees "
        "their change and any comment (also in the `Location` header)."
    )


class RevisionKeptSerializer(serializers.Serializer):
    """The answer to an editor's change of a published record (202 Accepted)."""

    detail = serializers.CharField()
    revision = KeptRevisionSerializer()


def revision_kept_response(request, revision):
    opts = revision.content_type.model_class()._meta
    review_url = request.build_absolute_uri(
        reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change",
            args=[revision.object_id],
        )
    )
    body = {
        "detail": str(REVISION_KEPT),
        "revision": {
            "id": revision.pk,
            "state": revision.state,
            "base_version": revision.base_version,
            "review_url": review_url,
        },
    }
    return Response(body, status=HTTP_202_ACCEPTED, headers={"Location": review_url})


REVISION_KEPT_RESPONSE = OpenApiResponse(
    RevisionKeptSerializer,
    description="The record is published and the token's user is an editor: the "
    "change is kept as a pending revision, and the record, on the site and in the "
    "API, stays as published until a publisher approves it in the admin. An "
    "editor may not change `publication_status` of a published record (403).",
)
REVISION_LOCATION = OpenApiParameter(
    "Location",
    str,
    OpenApiParameter.HEADER,
    response=[202],
    description="The admin page where the pending revision is reviewed.",
)
