"""Meetings, organizations and people as the public API shows them.

Shapes follow Open Civic Data (events, participants, agenda) and Popolo (people,
organizations, memberships); `popolo_*` serializers give Popolo's own field names
for the open-data export.
"""

from rest_framework import serializers

from core.serializers import (
    OptionalUrlField,
    PageUrlField,
    PortalSerializer,
    PublishedRefListSerializer,
    PublishedRefSerializer,
    TranslatedField,
    id_field,
)
from projects.models import Axis, Project
from projects.serializers import TIMESTAMPS, AxisRefSerializer, ProjectRefSerializer

from .models import (
    AgendaItem,
    Decision,
    Document,
    FollowUpAction,
    Meeting,
    Membership,
    Organization,
    Participation,
    Person,
    Photo,
    PressCoverage,
    Venue,
)


class OrganizationRefSerializer(PortalSerializer):
    name = TranslatedField()
    url = PageUrlField()

    class Meta:
        model = Organization
        fields = ("id", "slug", "name", "kind", "url")


class PersonRefSerializer(PortalSerializer):
    name = TranslatedField()
    honorific = TranslatedField()
    url = PageUrlField()

    class Meta:
        model = Person
        fields = ("id", "slug", "name", "honorific", "url")


class MeetingRefSerializer(PublishedRefSerializer):
    title = TranslatedField()
    url = PageUrlField()

    class Meta:
        list_serializer_class = PublishedRefListSerializer
        model = Meeting
        fields = ("id", "slug", "title", "start", "url")


class OrganizationSerializer(PortalSerializer):
    name = TranslatedField()
    website = OptionalUrlField(read_only=True)
    description = TranslatedField()
    parent = OrganizationRefSerializer(read_only=True, allow_null=True)
    url = PageUrlField()

    class Meta:
        model = Organization
        fields = (
            "id",
            "slug",
            "name",
            "kind",
            "parent",
            "description",
            "website",
            "url",
            "created_at",
            "updated_at",
        )


class PersonMembershipSerializer(PortalSerializer):
    organization = OrganizationRefSerializer(read_only=True)
    role = TranslatedField()

    class Meta:
        model = Membership
        fields = ("id", "organization", "role", "start_date", "end_date")


class PersonSerializer(PortalSerializer):
    """A person who holds or held a public role; no private details are kept."""

    name = TranslatedField()
    honorific = TranslatedField()
    memberships = PersonMembershipSerializer(many=True, read_only=True)
    url = PageUrlField()

    class Meta:
        model = Person
        fields = (
            "id",
            "slug",
            "name",
            "honorific",
            "memberships",
            "url",
            "created_at",
            "updated_at",
        )


class MembershipSerializer(PortalSerializer):
    person = PersonRefSerializer(read_only=True)
    organization = OrganizationRefSerializer(read_only=True)
    role = TranslatedField()

    class Meta:
        model = Membership
        fields = (
            "id",
            "person",
            "organization",
            "role",
            "start_date",
            "end_date",
            "created_at",
            "updated_at",
        )


class VenueSerializer(PortalSerializer):
    name = TranslatedField()
    address = TranslatedField()
    city = TranslatedField()

    class Meta:
        model = Venue
        fields = ("id", "name", "address", "city")


class ParticipationSerializer(PortalSerializer):
    """Who took part (a person, a body, or a person for a body) and as what."""

    person = PersonRefSerializer(read_only=True, allow_null=True)
    organization = OrganizationRefSerializer(read_only=True, allow_null=True)
    role = TranslatedField()

    class Meta:
        model = Participation
        fields = (
            "id",
            "person",
            "organization",
            "role",
            "participation_role",
            "spoke",
            "attendance",
            "order",
        )


class AgendaItemSerializer(PortalSerializer):
    """A point of the agenda; for a council session, what the council decided.

    The outcome, votes and decision are null until the session is held: the
    agenda is public before, the decisions after (113-14 art. 48).
    """

    title = TranslatedField()
    description = TranslatedField()
    speaker = serializers.PrimaryKeyRelatedField(
        read_only=True,
        allow_null=True,
        help_text="Id of the speaker's entry in the meeting's `participants`.",
    )
    axis = AxisRefSerializer(read_only=True, allow_null=True)
    project = ProjectRefSerializer(read_only=True, allow_null=True)
    decision_text = TranslatedField()

    DECIDED_AFTER_SESSION = (
        "outcome",
        "votes_for",
        "votes_against",
        "votes_abstaining",
        "decision_text",
    )

    class Meta:
        model = AgendaItem
        fields = (
            "id",
            "order",
            "title",
            "description",
            "speaker",
            "axis",
            "project",
            "outcome",
            "votes_for",
            "votes_against",
            "votes_abstaining",
            "decision_text",
        )

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not instance.meeting.decisions_are_public:
            for name in self.DECIDED_AFTER_SESSION:
                data[name] = None
        return data


class AttendanceByGenderSerializer(serializers.Serializer):
    """Named participants present, by gender, plus the unnamed head-count."""

    named = serializers.IntegerField(help_text="Participants listed by name, present.")
    named_women = serializers.IntegerField()
    named_men = serializers.IntegerField()
    named_unknown = serializers.IntegerField(help_text="Gender not recorded.")
    others = serializers.IntegerField(help_text="Attendees counted, not named.")
    others_women = serializers.IntegerField()
    total = serializers.IntegerField(help_text="named + others")
    women = serializers.IntegerField(help_text="named_women + others_women")


class DecisionSerializer(PortalSerializer):
    title = TranslatedField()
    text = TranslatedField()

    class Meta:
        model = Decision
        fields = ("id", "order", "title", "text")


class FollowUpActionSerializer(PortalSerializer):
    title = TranslatedField()
    decision = serializers.PrimaryKeyRelatedField(
        read_only=True,
        allow_null=True,
        help_text="Id of the decision, in the meeting's `decisions`, it carries out.",
    )
    owner_person = PersonRefSerializer(read_only=True, allow_null=True)
    owner_organization = OrganizationRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = FollowUpAction
        fields = (
            "id",
            "title",
            "decision",
            "owner_person",
            "owner_organization",
            "due_date",
            "status",
        )


class DocumentSerializer(PortalSerializer):
    title = TranslatedField()

    class Meta:
        model = Document
        fields = ("id", "title", "kind", "file")


class PhotoSerializer(PortalSerializer):
    caption = TranslatedField()
    alt_text = TranslatedField()

    class Meta:
        model = Photo
        fields = ("id", "image", "caption", "alt_text", "order")


class PressCoverageSerializer(PortalSerializer):
    outlet = OrganizationRefSerializer(read_only=True)
    url = OptionalUrlField(
        read_only=True, help_text="The article on the outlet's site, when known."
    )

    class Meta:
        model = PressCoverage
        fields = ("id", "outlet", "title", "byline", "date", "language", "url", "text")


class MeetingSerializer(PortalSerializer):
    """A meeting (OCD `Event`): its agenda, who took part, what it decided."""

    title = TranslatedField()
    date_text = TranslatedField(required=False)
    summary = TranslatedField(required=False)
    attendance_note = TranslatedField(required=False)
    minutes = TranslatedField(required=False)
    parent = MeetingRefSerializer(read_only=True, allow_null=True)
    venue = VenueSerializer(read_only=True, allow_null=True)
    organizer = OrganizationRefSerializer(read_only=True, allow_null=True)
    axes = AxisRefSerializer(many=True, read_only=True)
    projects = ProjectRefSerializer(many=True, read_only=True)
    agenda = AgendaItemSerializer(source="agenda_items", many=True, read_only=True)
    participants = ParticipationSerializer(
        source="participations", many=True, read_only=True
    )
    decisions = DecisionSerializer(many=True, read_only=True)
    follow_up_actions = FollowUpActionSerializer(many=True, read_only=True)
    documents = DocumentSerializer(many=True, read_only=True)
    photos = PhotoSerializer(many=True, read_only=True)
    press = PressCoverageSerializer(source="press_coverage", many=True, read_only=True)
    attendance_by_gender = AttendanceByGenderSerializer(read_only=True)
    url = PageUrlField()
    venue_id = id_field("venue", Venue.objects.all())
    organizer_id = id_field("organizer", Organization.objects.all())
    parent_id = id_field(
        "parent", Meeting.objects.all(), help_text="The meeting this session continues."
    )
    axis_ids = id_field("axes", Axis.objects.all(), many=True)
    project_ids = id_field("projects", Project.objects.all(), many=True)

    class Meta:
        model = Meeting
        fields = (
            "id",
            "slug",
            "kind",
            "session_type",
            "title",
            "parent",
            "parent_id",
            "start",
            "end",
            "date_text",
            "venue",
            "venue_id",
            "status",
            "organizer",
            "organizer_id",
            "summary",
            "attendance_note",
            "headcount_total",
            "headcount_women",
            "attendance_by_gender",
            "minutes",
            "axes",
            "axis_ids",
            "projects",
            "project_ids",
            "agenda",
            "participants",
            "decisions",
            "follow_up_actions",
            "documents",
            "photos",
            "press",
            "publication_status",
            "version",
            "url",
            *TIMESTAMPS,
        )
        read_only_fields = TIMESTAMPS
        extra_kwargs = {
            "start": {"help_text": "Null when the sources give no date (`date_text`)."}
        }
