"""Workshops and published proposals as the public API shows them.

A proposal's submitter (name, association, email, phone, IP address, consent) is
personal data under law 09-08: the field lists below are allow-lists, and nothing
of the submitter is in them.
"""

from rest_framework import serializers

from consultations.models import Meeting, Organization
from consultations.serializers import MeetingRefSerializer, OrganizationRefSerializer
from core.serializers import (
    PageUrlField,
    PortalSerializer,
    PublishedRefListSerializer,
    PublishedRefSerializer,
    TranslatedField,
    id_field,
)
from projects.models import Axis, Project
from projects.serializers import TIMESTAMPS, AxisRefSerializer, ProjectRefSerializer

from .models import Proposal, ProposalStatusChange, Workshop


class WorkshopRefSerializer(PublishedRefSerializer):
    title = TranslatedField()
    url = PageUrlField()

    class Meta:
        list_serializer_class = PublishedRefListSerializer
        model = Workshop
        fields = ("id", "slug", "title", "url")


class WorkshopSerializer(PortalSerializer):
    title = TranslatedField()
    summary = TranslatedField(required=False)
    outcomes = TranslatedField(required=False)
    facilitators_note = TranslatedField(required=False)
    meeting = MeetingRefSerializer(read_only=True, allow_null=True)
    meeting_id = id_field("meeting", Meeting.objects.all(), required=True)
    axis = AxisRefSerializer(read_only=True, allow_null=True)
    axis_id = id_field("axis", Axis.objects.all())
    facilitators = OrganizationRefSerializer(many=True, read_only=True)
    facilitator_ids = id_field("facilitators", Organization.objects.all(), many=True)
    projects = ProjectRefSerializer(many=True, read_only=True)
    project_ids = id_field("projects", Project.objects.all(), many=True)
    url = PageUrlField()

    class Meta:
        model = Workshop
        fields = (
            "id",
            "slug",
            "title",
            "meeting",
            "meeting_id",
            "axis",
            "axis_id",
            "facilitators",
            "facilitator_ids",
            "facilitators_note",
            "summary",
            "outcomes",
            "projects",
            "project_ids",
            "order",
            "publication_status",
            "version",
            "url",
            *TIMESTAMPS,
        )
        read_only_fields = TIMESTAMPS


class ProposalStatusChangeSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProposalStatusChange
        fields = ("from_status", "to_status", "changed_at")


class ProposalRefSerializer(PublishedRefSerializer):
    url = PageUrlField()

    class Meta:
        list_serializer_class = PublishedRefListSerializer
        model = Proposal
        fields = ("id", "reference", "title", "url")


class ProposalSerializer(PortalSerializer):
    """A published proposal, its status and the commune's answer; never who sent it.

    Its title and text stay in the language they were written in (`language`).
    """

    public_answer = TranslatedField()
    axis = AxisRefSerializer(read_only=True, allow_null=True)
    workshop = WorkshopRefSerializer(read_only=True, allow_null=True)
    carried_by = OrganizationRefSerializer(read_only=True, allow_null=True)
    project = ProjectRefSerializer(
        read_only=True,
        allow_null=True,
        help_text="The project the proposal became, once published.",
    )
    merged_into = ProposalRefSerializer(read_only=True, allow_null=True)
    status_history = ProposalStatusChangeSerializer(
        source="status_changes", many=True, read_only=True
    )
    url = PageUrlField()

    class Meta:
        model = Proposal
        fields = (
            "id",
            "reference",
            "title",
            "text",
            "language",
            "source",
            "axis",
            "workshop",
            "carried_by",
            "status",
            "public_answer",
            "answered_at",
            "project",
            "merged_into",
            "status_history",
            "url",
            *TIMESTAMPS,
        )
