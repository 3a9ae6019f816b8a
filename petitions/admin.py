from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import ContentAdmin

from .models import Petition


@admin.register(Petition)
class PetitionAdmin(ContentAdmin):
    """Staff enter every petition the council receives, on paper or online."""

    list_display = (
        "title",
        "filer_kind",
        "received_on",
        "signature_count",
        "bureau_decision",
        "decision_deadline",
        "publication_status",
        "updated_at",
    )
    list_filter = ("bureau_decision", "channel", "filer_kind")
    list_select_related = ("association",)
    date_hierarchy = "received_on"
    search_fields = ("title_ar", "title_fr", "title_en", "reference")
    autocomplete_fields = ("association", "commission", "agenda_item")
    readonly_fields = ("decision_deadline", "anonymized_at")
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "summary",
                    "reference",
                    "channel",
                    "filer_kind",
                    "association",
                    "received_on",
                    "signature_count",
                )
            },
        ),
        (
            _("The bureau's decision (organic law 113-14, art. 125)"),
            {
                "fields": (
                    "bureau_decision",
                    "decision_date",
                    "decision_reasons",
                    "decision_deadline",
                    "commission",
                    "agenda_item",
                )
            },
        ),
        (_("Publication"), {"fields": ("publication_status", "review_note")}),
        (
            _("The petition's agent: personal data, never published (law 09-08)"),
            {"fields": ("agent_name", "agent_contact", "anonymized_at")},
        ),
    )
