"""What makes a meeting's parts and its participants searchable (core/search.py)."""

from django.db import models
from django.db.models import Q

from core.models import PublicationStatus, SearchableModel, unshown_texts

PUBLISHED_MEETING = Q(meeting__publication_status=PublicationStatus.PUBLISHED)


class MeetingPartModel(SearchableModel):
    """A part of a meeting's record (an agenda item, a decision): public with it."""

    search_related = ("meeting",)
    search_recent = ("meeting__start",)

    class Meta:
        abstract = True

    @classmethod
    def search_public(cls):
        return cls._default_manager.filter(PUBLISHED_MEETING)

    def search_parent(self):
        return self.meeting

    def get_absolute_url(self):
        return f"{self.meeting.get_absolute_url()}#{self.meeting_section}"


def refresh_search_documents(*records):
    # update(): a derived column, no history row and no new version for it.
    for record in records:
        if record is not None and record.pk:
            type(record).objects.filter(pk=record.pk).update(
                search_document=record.build_search_document()
            )


class TakesPartInMeetings(SearchableModel):
    """A person or a body: no page of its own, found with the meetings it was at."""

    search_recent = ()

    class Meta:
        abstract = True

    @property
    def title(self):
        return self.name

    @classmethod
    def search_public(cls):
        return cls._default_manager.all()

    @classmethod
    def search_prefetch(cls):
        participation = cls._meta.get_field("participations").related_model
        meeting = participation._meta.get_field("meeting").related_model
        return (
            models.Prefetch(
                "participations",
                # A result names the meeting: its minutes need not be read.
                queryset=participation.objects.filter(PUBLISHED_MEETING)
                .select_related("meeting")
                .defer(*unshown_texts(meeting, "meeting__"))
                .order_by("meeting__start", "pk"),
                to_attr="public_participations",
            ),
        )

    def search_parent(self):
        participations = getattr(self, "public_participations", None)
        return participations[0].meeting if participations else None

    def get_absolute_url(self):
        # The first meeting it took part in, at its list of participants.
        meeting = self.search_parent()
        return f"{meeting.get_absolute_url()}#participants-title" if meeting else ""
