from django.contrib import admin
from modeltranslation.admin import TranslationStackedInline

from kenitra_portal.admin import ContentAdmin, PublishableInlineMixin

from .models import Proposal, ProposalStatusChange, Workshop


class WorkshopProposalInline(PublishableInlineMixin, TranslationStackedInline):
    model = Proposal
    extra = 0
    fields = (
        "axis",
        "title",
        "text",
        "source",
        "carried_by",
        "status",
        "public_answer",
        "project",
        "publication_status",
    )
    autocomplete_fields = ("axis", "carried_by", "project")


class StatusChangeInline(admin.TabularInline):
    model = ProposalStatusChange
    extra = 0
    fields = ("changed_at", "from_status", "to_status", "changed_by", "note")
    readonly_fields = fields
    can_delete = False

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
    search_fields = ("title_ar", "title_fr", "title_en", "slug")
    prepopulated_fields = {"slug": ("title_ar",)}
    autocomplete_fields = ("meeting", "axis", "facilitators", "projects")
    inlines = [WorkshopProposalInline]


@admin.register(Proposal)
class ProposalAdmin(ContentAdmin):
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
    list_filter = ("status", "source", "axis")
    list_select_related = ("axis", "last_edited_by")
    date_hierarchy = "created_at"
    search_fields = ("reference", "title")
    readonly_fields = ("reference", "submitter_ip", "consent_given_at", "anonymized_at")
    autocomplete_fields = ("axis", "workshop", "carried_by", "project", "merged_into")
    inlines = [StatusChangeInline]
