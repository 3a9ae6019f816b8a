"""Petitions as the public API and the open data show them.

The field list is an allow-list: the agent's name and contact (personal data under
law 09-08) are not in it, and no signatory is stored at all.
"""

from rest_framework import serializers

from consultations.serializers import MeetingRefSerializer, OrganizationRefSerializer
from core.serializers import PageUrlField, PortalSerializer, TranslatedField
from projects.serializers import TIMESTAMPS

from .models import Petition


class CouncilDecisionSerializer(serializers.Serializer):
    """The agenda point of the session that examined the petition, and its outcome."""

    agenda_item = serializers.IntegerField(source="pk")
    meeting = MeetingRefSerializer(read_only=True, allow_null=True)
    outcome = serializers.SerializerMethodField()
    votes_for = serializers.SerializerMethodField()
    votes_against = serializers.SerializerMethodField()
    votes_abstaining = serializers.SerializerMethodField()

    def _decided(self, item, name):
        # Published after the session only, as on the meeting's page.
        return getattr(item, name) if item.meeting.decisions_are_public else None

    def get_outcome(self, item) -> str | None:
        return self._decided(item, "outcome") or None

    def get_votes_for(self, item) -> int | None:
        return self._decided(item, "votes_for")

    def get_votes_against(self, item) -> int | None:
        return self._decided(item, "votes_against")

    def get_votes_abstaining(self, item) -> int | None:
        return self._decided(item, "votes_abstaining")


class PetitionSerializer(PortalSerializer):
    title = TranslatedField(help_text="The petition's subject.")
    summary = TranslatedField()
    decision_reasons = TranslatedField()
    filed_by = serializers.SerializerMethodField(
        help_text="The association's name, or “a group of citizens”: never a person."
    )
    association = OrganizationRefSerializer(read_only=True, allow_null=True)
    commission = OrganizationRefSerializer(read_only=True, allow_null=True)
    deadline_status = serializers.SerializerMethodField()
    council = CouncilDecisionSerializer(
        source="agenda_item", read_only=True, allow_null=True
    )
    url = PageUrlField()

    class Meta:
        model = Petition
        fields = (
            "id",
            "reference",
            "title",
            "summary",
            "channel",
            "filer_kind",
            "filed_by",
            "association",
            "received_on",
            "signature_count",
            "bureau_decision",
            "decision_date",
            "decision_reasons",
            "decision_deadline",
            "deadline_status",
            "commission",
            "council",
            "url",
            *TIMESTAMPS,
        )
        read_only_fields = fields

    def get_filed_by(self, petition) -> str:
        return str(petition.filer_display)

    def get_deadline_status(self, petition) -> str:
        return petition.deadline_status.value
