import logging

from django.conf import settings
from django.core import signing
from django.db import DatabaseError
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import get_language, get_language_bidi
from django.views.generic import DetailView, FormView, ListView, TemplateView

from core.middleware import client_ip
from core.models import translated_columns
from projects.models import Axis, Project

from . import services
from .forms import FollowForm, ProposalFilterForm, ProposalForm, new_form_token
from .models import Proposal, Workshop

logger = logging.getLogger(__name__)


class WorkshopListView(ListView):
    template_name = "workshops/workshop_list.html"
    paginate_by = 20

    def get_queryset(self):
        return (
            Workshop.objects.published()
            .select_related("meeting", "axis")
            .prefetch_related("facilitators")
            .defer(
                "search_document",
                *translated_columns("summary", "outcomes"),
                "meeting__search_document",
                *translated_columns("meeting__summary", "meeting__minutes"),
            )
            .order_by("-meeting__start", "meeting", "order", "title")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Counted for the page's workshops only, in one query, rather than grouped
        # over every workshop's proposals before the page is cut.
        workshops = context["object_list"]
        counts = dict(
            Proposal.objects.published()
            .filter(workshop__in=[workshop.pk for workshop in workshops])
            .values_list("workshop")
            .annotate(count=Count("id"))
            .order_by()
        )
        for workshop in workshops:
            workshop.proposal_count = counts.get(workshop.pk, 0)
        return context


class WorkshopDetailView(DetailView):
    template_name = "workshops/workshop_detail.html"

    def get_queryset(self):
        return (
            Workshop.objects.published()
            .select_related("meeting__venue", "axis")
            .prefetch_related(
                "facilitators",
                Prefetch("proposals", queryset=Proposal.objects.published()),
                Prefetch("projects", queryset=Project.objects.published()),
            )
        )


# --- Proposals --------------------------------------------------------------------

SENT_SALT = "workshops.proposal-sent"

# Bar colours of the per-axis chart: received, answered, became projects.
CHART_BARS = (
    ("received", "#8fbfae"),
    ("answered", "#0b6e4f"),
    ("became_projects", "#b45309"),
)


def axis_proposal_stats(axes):
    """Per axis: published proposals, answered ones, those that became projects.

    Each row carries the geometry of its bars (percent of the largest count), drawn
    from the reading side so the chart reads right to left in Arabic.
    """
    counts = {row["axis"]: row for row in Proposal.objects.published().counts_by_axis()}
    rows = [
        {
            "axis": axis,
            **{key: counts.get(axis.pk, {}).get(key, 0) for key, _colour in CHART_BARS},
        }
        for axis in axes
    ]
    largest = max((row["received"] for row in rows), default=0) or 1
    rtl = get_language_bidi()
    for row in rows:
        row["bars"] = []
        for index, (key, colour) in enumerate(CHART_BARS):
            width = round(100 * row[key] / largest, 1)
            row["bars"].append(
                {
                    "x": 100 - width if rtl else 0,
                    "y": index * 10,
                    "width": width,
                    "colour": colour,
                }
            )
    return rows


class ProposalListView(ListView):
    template_name = "workshops/proposal_list.html"
    paginate_by = 20
    context_object_name = "proposals"

    def get(self, request, *args, **kwargs):
        # The axes serve the filter's choices and the statistics: one query for both.
        self.axes = list(Axis.objects.published())
        self.filters = ProposalFilterForm(request.GET or None, axes=self.axes)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        proposals = (
            Proposal.objects.published()
            .select_related("axis", "project", "workshop")
            # The list shows titles and answers: the long texts stay in the database.
            .defer(
                "text",
                "search_document",
                "review_note",
                *translated_columns("axis__description", "axis__goals_intro"),
                "project__search_document",
                *translated_columns("project__summary", "project__description"),
                "workshop__search_document",
                *translated_columns("workshop__summary", "workshop__outcomes"),
            )
        )
        if self.filters.is_valid():
            if axis := self.filters.cleaned_data["axis"]:
                proposals = proposals.filter(axis__slug=axis)
            if status := self.filters.cleaned_data["status"]:
                proposals = proposals.filter(status=status)
        # Grouped by axis, newest first, in the order of an index: the database reads
        # the page's twenty rows instead of sorting every published proposal.
        return proposals.order_by("axis_id", "-created_at", "-id")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filters=self.filters,
            axis_stats=axis_proposal_stats(self.axes),
            chart_bars=CHART_BARS,
            **kwargs,
        )


class ProposalDetailView(DetailView):
    template_name = "workshops/proposal_detail.html"

    def get_queryset(self):
        return (
            Proposal.objects.published()
            .select_related("axis", "project", "workshop", "carried_by", "merged_into")
            .prefetch_related(
                "status_changes",
                Prefetch(
                    "merged_proposals",
                    queryset=Proposal.objects.published(),
                    to_attr="published_merged_proposals",
                ),
            )
        )


class ProposalCreateView(FormView):
    template_name = "workshops/proposal_form.html"
    form_class = ProposalForm

    def get_initial(self):
        # "Send a proposal" on a workshop's page brings its workshop and axis along.
        slug = self.request.GET.get("workshop")
        workshop = slug and Workshop.objects.published().filter(slug=slug).first()
        if not workshop:
            return {}
        return {"workshop": workshop, "axis": workshop.axis}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            form_token=new_form_token(),
            retention_days=settings.PERSONAL_DATA_RETENTION_DAYS,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        ip = client_ip(request)
        if services.is_rate_limited(ip):
            return self.rate_limited(form)
        if not form.is_valid():
            if form.caught_a_script:
                services.count_submission(ip)
            twin = getattr(form, "duplicate_of", None)
            if twin is not None and services.is_resend(twin, ip):
                # "Send" pressed twice on a slow connection: the first one arrived.
                return self.sent(twin)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        if not services.take_submission(ip):
            # Sent at the same instant as others that used up the hour.
            return self.rate_limited(form)
        try:
            proposal = services.submit_proposal(
                form.proposal_data(), language=get_language(), ip=ip
            )
        except DatabaseError:
            # A database that is down or overloaded must not cost the citizen the
            # text they typed: the form comes back filled in, to be sent again.
            logger.exception("Could not store a proposal")
            response = self.render_to_response(
                self.get_context_data(form=form, save_failed=True), status=503
            )
            response["Retry-After"] = "10"
            return response
        return self.sent(proposal)

    def rate_limited(self, form):
        # Nothing is stored and nothing is lost: the form comes back as typed.
        response = self.render_to_response(
            self.get_context_data(form=form, rate_limited=True), status=429
        )
        response["Retry-After"] = str(services.retry_after())
        return response

    @staticmethod
    def sent(proposal):
        token = signing.dumps(proposal.reference, salt=SENT_SALT)
        return redirect("workshops:proposal_sent", token=token)


class ProposalSentView(TemplateView):
    """The thank-you page: the reference, signed so that only its sender lands here."""

    template_name = "workshops/proposal_sent.html"

    def get_context_data(self, **kwargs):
        try:
            reference = signing.loads(kwargs["token"], salt=SENT_SALT)
        except signing.BadSignature:
            raise Http404 from None
        return super().get_context_data(reference=reference, **kwargs)


class ProposalFollowView(TemplateView):
    template_name = "workshops/proposal_follow.html"

    def get(self, request, *args, **kwargs):
        form = FollowForm(request.GET if "reference" in request.GET else None)
        proposal = None
        status = 200
        if form.is_valid():
            proposal = (
                Proposal.objects.select_related("project", "merged_into")
                .prefetch_related("status_changes")
                .filter(reference=form.cleaned_data["reference"])
                .first()
            )
            if proposal is None:
                status = 404
        elif form.is_bound:
            status = 400
        context = self.get_context_data(form=form, proposal=proposal, **kwargs)
        return self.render_to_response(context, status=status)


class PrivacyView(TemplateView):
    template_name = "workshops/privacy.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            retention_days=settings.PERSONAL_DATA_RETENTION_DAYS,
            cndp_number=settings.CNDP_DECLARATION_NUMBER,
            contact_email=settings.PRIVACY_CONTACT_EMAIL,
            **kwargs,
        )
