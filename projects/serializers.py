"""The program, its axes, goals and projects as the public API shows them."""

from rest_framework import serializers

from core.serializers import (
    PageUrlField,
    PortalSerializer,
    PublishedRefListSerializer,
    PublishedRefSerializer,
    TranslatedField,
    id_field,
)

from .models import Axis, Goal, Milestone, Program, Project, ProjectImage, ProjectUpdate

TIMESTAMPS = ("created_at", "updated_at", "published_at")


class ProgramRefSerializer(PublishedRefSerializer):
    title = TranslatedField()
    url = PageUrlField()

    class Meta:
        list_serializer_class = PublishedRefListSerializer
        model = Program
        fields = ("id", "slug", "title", "url")


class AxisRefSerializer(PublishedRefSerializer):
    title = TranslatedField()
    url = PageUrlField()

    class Meta:
        list_serializer_class = PublishedRefListSerializer
        model = Axis
        fields = ("id", "slug", "number", "title", "url")


class ProjectRefSerializer(PublishedRefSerializer):
    title = TranslatedField()
    url = PageUrlField()

    class Meta:
        list_serializer_class = PublishedRefListSerializer
        model = Project
        fields = ("id", "slug", "title", "status", "url")


class ProgramSerializer(PortalSerializer):
    title = TranslatedField()
    summary = TranslatedField()
    description = TranslatedField()
    axes = AxisRefSerializer(many=True, read_only=True)
    url = PageUrlField()

    class Meta:
        model = Program
        fields = (
            "id",
            "slug",
            "title",
            "summary",
            "description",
            "start_date",
            "end_date",
            "axes",
            "url",
            *TIMESTAMPS,
        )


class GoalSerializer(PortalSerializer):
    title = TranslatedField()
    axis = serializers.PrimaryKeyRelatedField(read_only=True)
    project = ProjectRefSerializer(read_only=True, allow_null=True)
    url = PageUrlField()

    class Meta:
        model = Goal
        fields = ("id", "axis", "title", "order", "project", "url", "updated_at")


class AxisSerializer(PortalSerializer):
    title = TranslatedField()
    description = TranslatedField()
    goals_intro = TranslatedField()
    program = ProgramRefSerializer(read_only=True, allow_null=True)
    goals = GoalSerializer(many=True, read_only=True)
    project_count = serializers.IntegerField(
        read_only=True, help_text="Number of published projects in this axis."
    )
    average_progress = serializers.FloatField(
        read_only=True,
        allow_null=True,
        help_text="Average progress (0-100) of its published projects.",
    )
    url = PageUrlField()

    class Meta:
        model = Axis
        fields = (
            "id",
            "slug",
            "number",
            "title",
            "description",
            "goals_intro",
            "icon",
            "cover",
            "program",
            "goals",
            "project_count",
            "average_progress",
            "url",
            *TIMESTAMPS,
        )


class MilestoneSerializer(PortalSerializer):
    title = TranslatedField()

    class Meta:
        model = Milestone
        fields = ("id", "title", "due_date", "done", "order")


class ProjectUpdateSerializer(PortalSerializer):
    title = TranslatedField()
    text = TranslatedField()

    class Meta:
        model = ProjectUpdate
        fields = ("id", "date", "title", "text", "progress", "published_at")


class ProjectImageSerializer(PortalSerializer):
    caption = TranslatedField()
    alt_text = TranslatedField()

    class Meta:
        model = ProjectImage
        fields = ("id", "image", "caption", "alt_text", "order")


class ProjectSerializer(PortalSerializer):
    """Read by everyone; written by staff, who send the axis as `axis_id`."""

    title = TranslatedField()
    summary = TranslatedField(required=False)
    description = TranslatedField(required=False)
    lead_department = TranslatedField(required=False)
    location = TranslatedField(required=False)
    axis = AxisRefSerializer(read_only=True, allow_null=True)
    axis_id = id_field("axis", Axis.objects.all(), required=True)
    goals = GoalSerializer(many=True, read_only=True)
    milestones = MilestoneSerializer(many=True, read_only=True)
    updates = ProjectUpdateSerializer(many=True, read_only=True)
    images = ProjectImageSerializer(many=True, read_only=True)
    url = PageUrlField()

    class Meta:
        model = Project
        fields = (
            "id",
            "slug",
            "title",
            "summary",
            "description",
            "axis",
            "axis_id",
            "status",
            "progress",
            "start_date",
            "end_date",
            "budget",
            "lead_department",
            "location",
            "order",
            "goals",
            "milestones",
            "updates",
            "images",
            "publication_status",
            "version",
            "url",
            *TIMESTAMPS,
        )
        read_only_fields = TIMESTAMPS
        extra_kwargs = {
            "budget": {"help_text": "In Moroccan dirhams (MAD)."},
            "progress": {"min_value": 0, "max_value": 100},
        }
