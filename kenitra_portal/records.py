"""The councillors' records area: every meeting's full record, published or not.

It shows meetings with their workshops and proposals, so it lives above both apps.
Access is decided in one place, `core.permissions.can_view_records`:
anonymous visitors are sent to the login page, other signed-in users get a 403.
"""

from collections import Counter

import django_filters
from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.contrib.auth.views import LoginView, redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.http import FileResponse, Http404
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from consultations.models import (
    OPEN_ACTION_STATUSES,
    ActionStatus,
    AgendaItem,
    Document,
    FollowUpAction,
    Gender,
    Meeting,
    Organization,
    Participation,
    Person,
)
from core.permissions import can_view_records
from workshops.models import Proposal, Workshop


class RecordsAccessMixin(LoginRequiredMixin, UserPassesTestMixin):
    login_url = reverse_lazy("records:login")

    def test_func(self):
        return can_view_records(self.request.user)

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        # The record is confidential: no shared cache may keep a copy.
        response["Cache-Control"] = "private, no-store"
        return response


class RecordsLoginView(LoginView):
    template_name = "records/login.html"
    redirect_authenticated_user = True
    next_page = reverse_lazy("records:meeting_list")


class MeetingRecordListView(RecordsAccessMixin, ListView):
    template_name = "records/meeting_list.html"
    context_object_name = "meetings"
    paginate_by = 50

    def get_queryset(self):
        return Meeting.objects.select_related("venue").annotate(
            participant_count=Count("participations", distinct=True),
            decision_count=Count("decisions", distinct=True),
            open_action_count=Count(
                "follow_up_actions",
                filter=Q(follow_up_actions__status__in=OPEN_ACTION_STATUSES),
                distinct=True,
            ),
        )


def gender_counts(participations):
    """Named participants by recorded gender, for the equality commission."""
    counts = Counter(p.person.gender for p in participations if p.person is not None)
    return [
        {"label": Gender(value).label, "count": counts[value]}
        for value in (Gender.FEMALE, Gender.MALE, Gender.UNKNOWN)
        if counts[value]
    ]


class MeetingRecordDetailView(RecordsAccessMixin, DetailView):
    template_name = "records/meeting_detail.html"
    context_object_name = "meeting"

    def get_queryset(self):
        return Meeting.objects.select_related(
            "venue", "parent", "organizer"
        ).prefetch_related(
            "axes",
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("person", "organization"),
            ),
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related(
                    "speaker__person", "speaker__organization"
                ),
            ),
            "decisions",
            Prefetch(
                "follow_up_actions",
                queryset=FollowUpAction.objects.select_related(
                    "decision", "owner_person", "owner_organization"
                ),
            ),
            "documents",
            Prefetch(
                "workshops",
                queryset=Workshop.objects.select_related("axis").prefetch_related(
                    "facilitators",
                    Prefetch(
                        "proposals",
                        queryset=Proposal.objects.select_related("carried_by", "axis"),
                    ),
                ),
            ),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["gender_counts"] = gender_counts(self.object.participations.all())
        context["printed_at"] = timezone.localtime()
        return context


class MeetingRecordPrintView(MeetingRecordDetailView):
    template_name = "records/meeting_print.html"


def _owner_choices():
    people = [
        (f"p{p.pk}", p.name)
        for p in Person.objects.filter(follow_up_actions__isnull=False).distinct()
    ]
    organizations = [
        (f"o{o.pk}", o.name)
        for o in Organization.objects.filter(follow_up_actions__isnull=False).distinct()
    ]
    return [(_("People"), people), (_("Organizations"), organizations)]


class FollowUpActionFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("status"),
        choices=ActionStatus.choices,
        empty_label=_("All"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    owner = django_filters.ChoiceFilter(
        label=_("owner"),
        choices=_owner_choices,
        method="filter_owner",
        empty_label=_("All"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    # A box to tick: unticked shows every action (a yes/no/unknown list read "Unknown").
    overdue = django_filters.BooleanFilter(
        label=_("overdue only"),
        method="filter_overdue",
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )

    class Meta:
        model = FollowUpAction
        fields = ["status", "owner", "overdue"]

    def filter_owner(self, queryset, name, value):
        kind, pk = value[0], value[1:]
        if kind == "p":
            return queryset.filter(owner_person_id=pk)
        return queryset.filter(owner_organization_id=pk)

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue() if value else queryset


class FollowUpActionListView(RecordsAccessMixin, FilterView):
    template_name = "records/action_list.html"
    filterset_class = FollowUpActionFilter
    context_object_name = "actions"
    paginate_by = 50

    def get_queryset(self):
        return FollowUpAction.objects.select_related(
            "meeting", "decision", "owner_person", "owner_organization"
        ).order_by("status", "due_date", "id")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query"] = query.urlencode()
        return context


def document(request, pk):
    """A meeting document as a PDF download, never inline HTML, never a storage URL.

    Public documents of published meetings go to anyone; every other document only
    to councillors, publishers and superusers. A guessed number gets the same answer
    as an internal document, so it tells nobody whether the document exists.
    """
    doc = Document.objects.select_related("meeting").filter(pk=pk).first()
    is_public = doc is not None and doc.is_public and doc.meeting.is_published
    if not is_public:
        if not request.user.is_authenticated:
            return redirect_to_login(
                request.get_full_path(), reverse_lazy("records:login")
            )
        if not can_view_records(request.user):
            raise PermissionDenied
    if doc is None or not doc.file:
        raise Http404
    try:
        handle = doc.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        content_type="application/pdf",
        as_attachment=not is_public,
        filename=f"{doc.meeting.slug}-{doc.pk}.pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = (
        "public, max-age=3600" if is_public else "private, no-store"
    )
    return response
