from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from core.admin import (
    ContentAdmin,
    UserFormInlineMixin,
    image_preview,
    in_every_language,
    may_delete,
)
from core.admin_forms import DocumentVisibilityForm

from .models import (
    OPEN_ACTION_STATUSES,
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


class MembershipInline(TranslationTabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("person", "organization")


class AgendaItemInline(TranslationStackedInline):
    model = AgendaItem
    extra = 0
    fields = (
        "order",
        "title",
        "description",
        "speaker",
        "axis",
        "project",
        "outcome",
        ("votes_for", "votes_against", "votes_abstaining"),
        "decision_text",
    )
    autocomplete_fields = ("axis", "project")


class ParticipationInline(TranslationTabularInline):
    model = Participation
    extra = 0
    fields = (
        "person",
        "organization",
        "role",
        "participation_role",
        "spoke",
        "attendance",
        "order",
    )
    autocomplete_fields = ("person", "organization")


class DecisionInline(TranslationStackedInline):
    model = Decision
    extra = 0


class FollowUpActionInline(TranslationTabularInline):
    model = FollowUpAction
    extra = 0
    fields = (
        "title",
        "decision",
        "owner_person",
        "owner_organization",
        "due_date",
        "status",
        "is_public",
    )
    autocomplete_fields = ("owner_person", "owner_organization")


class DocumentInline(UserFormInlineMixin, TranslationTabularInline):
    model = Document
    form = DocumentVisibilityForm
    extra = 0
    fields = ("title", "kind", "file", "is_public")


class PhotoInline(TranslationTabularInline):
    model = Photo
    extra = 0
    fields = ("image", "alt_text", "caption", "order")


class PressCoverageInline(admin.StackedInline):
    model = PressCoverage
    extra = 0
    autocomplete_fields = ("outlet",)


@admin.register(Venue)
class VenueAdmin(ContentAdmin):
    list_display = ("name", "city")
    search_fields = (*in_every_language("name"), "city_ar")


@admin.register(Organization)
class OrganizationAdmin(ContentAdmin):
    list_display = ("name", "kind", "parent")
    list_filter = ("kind",)
    list_select_related = ("parent",)
    search_fields = (*in_every_language("name"), "slug")
    prepopulated_fields = {"slug": ("name_ar",)}
    autocomplete_fields = ("parent",)
    inlines = [MembershipInline]


@admin.register(Person)
class PersonAdmin(ContentAdmin):
    list_display = ("name", "honorific", "gender")
    list_filter = ("gender",)
    search_fields = (*in_every_language("name"), "slug")
    prepopulated_fields = {"slug": ("name_ar",)}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(ContentAdmin):
    list_display = ("person", "role", "organization", "start_date", "end_date")
    list_select_related = ("person", "organization")
    search_fields = ("role_ar", "role_fr", "person__name_ar", "organization__name_ar")
    autocomplete_fields = ("person", "organization")


@admin.register(Meeting)
class MeetingAdmin(ContentAdmin):
    list_display = (
        "title",
        "kind",
        "start",
        "venue",
        "status",
        "publication_status",
        "last_edited_by",
        "updated_at",
    )
    list_filter = ("kind", "session_type", "status", "axes")
    list_select_related = ("venue", "last_edited_by")
    date_hierarchy = "start"
    search_fields = (*in_every_language("title"), "slug")
    prepopulated_fields = {"slug": ("title_ar",)}
    autocomplete_fields = ("venue", "parent", "organizer", "projects")
    filter_horizontal = ("axes",)
    inlines = [
        AgendaItemInline,
        ParticipationInline,
        DecisionInline,
        FollowUpActionInline,
        DocumentInline,
        PhotoInline,
        PressCoverageInline,
    ]


@admin.register(AgendaItem)
class AgendaItemAdmin(ContentAdmin):
    list_display = ("title", "meeting", "order")
    list_select_related = ("meeting",)
    search_fields = in_every_language("title")
    autocomplete_fields = ("meeting", "speaker")


@admin.register(Participation)
class ParticipationAdmin(ContentAdmin):
    list_display = ("__str__", "meeting", "participation_role", "spoke")
    list_filter = ("participation_role", "spoke")
    search_fields = ("person__name_ar", "organization__name_ar", "role_ar")
    list_select_related = ("meeting", "person", "organization")
    autocomplete_fields = ("meeting", "person", "organization")


@admin.register(Decision)
class DecisionAdmin(ContentAdmin):
    list_display = ("title", "meeting")
    list_select_related = ("meeting",)
    search_fields = in_every_language("title")
    autocomplete_fields = ("meeting",)


@admin.register(FollowUpAction)
class FollowUpActionAdmin(ContentAdmin):
    list_display = (
        "title",
        "meeting",
        "owner_person",
        "owner_organization",
        "due_date",
        "status",
    )
    list_filter = ("status", "is_public")
    list_select_related = ("meeting", "owner_person", "owner_organization")
    date_hierarchy = "due_date"
    search_fields = in_every_language("title")
    autocomplete_fields = ("meeting", "decision", "owner_person", "owner_organization")

    def workspace_queues(self, request):
        """For the staff workspace: actions past their due date and still open."""
        today = timezone.localdate()
        query = urlencode(
            {
                "due_date__lt": today.isoformat(),
                "status__in": ",".join(OPEN_ACTION_STATUSES),
            }
        )
        url = reverse("admin:consultations_followupaction_changelist")
        return [
            {
                "title": _("Overdue follow-up actions"),
                "count": FollowUpAction.objects.overdue().count(),
                "url": f"{url}?{query}",
            }
        ]


@admin.register(Document)
class DocumentAdmin(ContentAdmin):
    form = DocumentVisibilityForm
    list_display = ("title", "meeting", "kind", "is_public", "download")
    list_filter = ("kind", "is_public")
    list_select_related = ("meeting",)
    search_fields = in_every_language("title")
    autocomplete_fields = ("meeting",)

    @admin.display(description=_("file"))
    def download(self, obj):
        if not obj.file:
            return "—"
        return format_html('<a href="{}">PDF</a>', obj.get_absolute_url())


@admin.register(Photo)
class PhotoAdmin(ContentAdmin):
    list_display = ("__str__", "meeting", "order")
    list_select_related = ("meeting",)
    search_fields = ("alt_text_ar", "caption_ar")
    autocomplete_fields = ("meeting",)
    readonly_fields = ("image_preview",)

    @admin.display(description=_("preview"))
    def image_preview(self, obj):
        return image_preview(obj.image)


@admin.register(PressCoverage)
class PressCoverageAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "outlet", "meeting", "date")

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and may_delete(request, obj)

    list_select_related = ("outlet", "meeting")
    search_fields = ("title", "outlet__name_ar")
    autocomplete_fields = ("meeting", "outlet")
