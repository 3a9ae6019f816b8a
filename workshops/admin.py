from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationStackedInline

from core.admin import ContentAdmin, PublishableInlineMixin, in_every_language
from core.admin_forms import PublicationStatusForm, PublishableAdminForm
from core.models import PublicationStatus

from . import services
from .models import (
    Proposal,
    ProposalSource,
    ProposalStatus,
    ProposalStatusChange,
    Workshop,
)


class ProposalStatusFormMixin:
    """A change of status must be one that may be made (services.TRANSITIONS)."""

    def clean(self):
        cleaned = super().clean()
        to_status = cleaned.get("status")
        if to_status is None:
            return cleaned
        # Until _post_clean, the instance still holds the stored values.
        from_status = "" if self.instance._state.adding else self.instance.status
        answers = [f"public_answer_{code}" for code, _name in settings.LANGUAGES]
        try:
            services.validate_status_change(
                from_status,
                to_status,
                has_answer=any(cleaned.get(name) for name in answers),
                project=cleaned.get("project", self.instance.project),
                merged_into=cleaned.get("merged_into", self.instance.merged_into),
                proposal_pk=self.instance.pk,
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                if field == "public_answer":
                    field = f"public_answer_{settings.LANGUAGE_CODE}"
                self.add_error(field if field in self.fields else None, messages)
        return cleaned


class ProposalModerationForm(ProposalStatusFormMixin, PublishableAdminForm):
    status_note = forms.CharField(
        label=_("Internal note on this change of status"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept in the status history; never shown publicly."),
    )


class WorkshopProposalForm(ProposalStatusFormMixin, PublicationStatusForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance._state.adding:
            self.instance.source = ProposalSource.WORKSHOP


class WorkshopProposalInline(PublishableInlineMixin, TranslationStackedInline):
    """Proposals gathered at a workshop, typed in by staff; same statuses as online."""

    model = Proposal
    form = WorkshopProposalForm
    extra = 0
    fields = (
        "reference",
        "axis",
        "title",
        "text",
        "carried_by",
        "status",
        "public_answer",
        "project",
        "publication_status",
    )
    readonly_fields = ("reference",)
    autocomplete_fields = ("axis", "carried_by", "project")


class StatusChangeInline(admin.TabularInline):
    model = ProposalStatusChange
    extra = 0
    fields = ("changed_at", "from_status", "to_status", "changed_by", "note")
    readonly_fields = fields
    can_delete = False

    def get_queryset(self, request):
        # Otherwise each row of the history looks its author up on its own.
        return super().get_queryset(request).select_related("changed_by")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Workshop)
class WorkshopAdmin(ContentAdmin):
    list_display = (
        "title",
        "meeting",
        "axis",
        "publication_status",
        "last_edited_by",
        "updated_at",
    )
    list_filter = ("axis",)
    list_select_related = ("meeting", "axis", "last_edited_by")
    search_fields = (*in_every_language("title"), "slug")
    prepopulated_fields = {"slug": ("title_ar",)}
    autocomplete_fields = ("meeting", "axis", "facilitators", "projects")
    inlines = [WorkshopProposalInline]


class ModerationQueueFilter(admin.SimpleListFilter):
    title = _("moderation")
    parameter_name = "moderation"

    def lookups(self, request, model_admin):
        return [
            ("new", _("New, not yet published")),
            ("unanswered", _("Published, waiting for an answer")),
            ("under_study", _("Under study")),
        ]

    def queryset(self, request, queryset):
        return queryset.filter(**MODERATION_QUEUES.get(self.value(), {}))


MODERATION_QUEUES = {
    "new": {
        "status": ProposalStatus.RECEIVED,
        "publication_status__in": [PublicationStatus.DRAFT, PublicationStatus.REVIEW],
    },
    "unanswered": {
        "status": ProposalStatus.RECEIVED,
        "publication_status": PublicationStatus.PUBLISHED,
    },
    "under_study": {"status": ProposalStatus.UNDER_STUDY},
}


def _moderate(modeladmin, request, queryset, to_status):
    moved, refused = 0, []
    for proposal in queryset:
        try:
            services.change_status(proposal, to_status, by=request.user)
            moved += 1
        except ValidationError as error:
            refused.append(f"{proposal}: {' '.join(error.messages)}")
    modeladmin.message_user(
        request,
        ngettext("%(count)d proposal changed.", "%(count)d proposals changed.", moved)
        % {"count": moved},
        messages.SUCCESS,
    )
    for message in refused:
        modeladmin.message_user(request, message, messages.WARNING)


@admin.action(description=_("Accept for publication"), permissions=["publish"])
def accept_for_publication(modeladmin, request, queryset):
    # The changelist joins the nullable last editor; PostgreSQL cannot lock rows
    # through an outer join.
    modeladmin.change_status(
        request, queryset.select_related(None), PublicationStatus.PUBLISHED
    )


@admin.action(description=_("Mark as under study"), permissions=["change"])
def mark_under_study(modeladmin, request, queryset):
    _moderate(modeladmin, request, queryset, ProposalStatus.UNDER_STUDY)


@admin.action(description=_("Mark as accepted"), permissions=["change"])
def mark_accepted(modeladmin, request, queryset):
    _moderate(modeladmin, request, queryset, ProposalStatus.ACCEPTED)


@admin.action(
    description=_("Merge duplicates into the oldest selected proposal"),
    permissions=["change"],
)
def merge_duplicates(modeladmin, request, queryset):
    proposals = list(queryset.order_by("created_at", "id"))
    if len(proposals) < 2:
        modeladmin.message_user(
            request,
            _("Select at least two proposals that say the same thing."),
            messages.WARNING,
        )
        return
    into, *duplicates = proposals
    merged = services.merge_duplicates(duplicates, into=into, by=request.user)
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d proposal merged into %(into)s.",
            "%(count)d proposals merged into %(into)s.",
            len(merged),
        )
        % {"count": len(merged), "into": into},
        messages.SUCCESS,
    )


@admin.register(Proposal)
class ProposalAdmin(ContentAdmin):
    """The moderation queue: read, publish, answer, merge and link to projects.

    Declining needs a public reason and merging into a project needs the project,
    so both are done on the proposal's own page; the rest also works on a selection.
    """

    form = ProposalModerationForm
    change_list_template = "admin/workshops/proposal/change_list.html"
    list_display = (
        "__str__",
        "title",
        "axis",
        "source",
        "status",
        "publication_status",
        "last_edited_by",
        "created_at",
    )
    list_filter = (ModerationQueueFilter, "status", "source", "axis")
    # A facet is one more count per filter choice over every proposal; staff who
    # want them ask with the changelist's "Show counts" link.
    show_facets = admin.ShowFacets.ALLOW
    list_select_related = ("axis", "last_edited_by")
    date_hierarchy = "created_at"
    search_fields = ("reference", "title")
    readonly_fields = (
        "reference",
        "submitter_ip",
        "consent_given_at",
        "anonymized_at",
        "answered_at",
    )
    autocomplete_fields = ("axis", "workshop", "carried_by", "project", "merged_into")
    actions = [
        accept_for_publication,
        mark_under_study,
        mark_accepted,
        merge_duplicates,
    ]
    inlines = [StatusChangeInline]
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "reference",
                    "axis",
                    "title",
                    "text",
                    "language",
                    "source",
                    "workshop",
                    "carried_by",
                    "edit_version",
                )
            },
        ),
        (
            _("Moderation"),
            {
                "fields": (
                    "status",
                    "status_note",
                    "public_answer",
                    "answered_at",
                    "project",
                    "merged_into",
                    "publication_status",
                    "review_note",
                )
            },
        ),
        (
            _("Submitter: personal data, never published (law 09-08)"),
            {
                "fields": (
                    "submitter_name",
                    "submitter_association",
                    "submitter_email",
                    "submitter_phone",
                    "submitter_ip",
                    "consent_given_at",
                    "anonymized_at",
                )
            },
        ),
    )

    def get_actions(self, request):
        actions = super().get_actions(request)
        # "Accept for publication" says the same for proposals.
        actions.pop("publish_selected", None)
        return actions

    def save_model(self, request, obj, form, change):
        obj.status_note = form.cleaned_data.get("status_note", "")
        super().save_model(request, obj, form, change)

    def workspace_queues(self, request):
        """For the staff workspace: proposals nobody has read yet."""
        url = reverse("admin:workshops_proposal_changelist")
        return [
            {
                "title": _("New proposals"),
                "count": Proposal.objects.filter(**MODERATION_QUEUES["new"]).count(),
                "url": f"{url}?moderation=new",
            }
        ]

    def changelist_view(self, request, extra_context=None):
        counts = Proposal.objects.aggregate(
            **{
                name: Count("id", filter=Q(**lookups))
                for name, lookups in MODERATION_QUEUES.items()
            }
        )
        return super().changelist_view(
            request, {**(extra_context or {}), "moderation_counts": counts}
        )
