"""The base every content admin shares: translation tabs, change history, the review
workflow (draft → in review → published), optimistic locking and normalised search."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from easy_thumbnails.exceptions import InvalidImageFormatError
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import personal_data, publishing, revisions
from .admin_forms import (
    PartOfAPageForm,
    PublicationStatusForm,
    PublishableAdminForm,
)
from .admin_revisions import RevisionAdminMixin
from .history import ReadableHistory, parts_history
from .models import (
    PublicationStatus,
    PublishableModel,
    SearchableModel,
    publication_parent_objects,
)
from .permissions import can_publish
from .preview import public_view
from .search import parse_query, search_queryset
from .translations import (
    ASKED_FOR,
    language_names,
    missing_for,
    translated_fields,
)


def in_every_language(*fields):
    """The translated columns of `fields`, for an admin's search in any language."""
    return tuple(
        f"{field}_{code}" for field in fields for code, _n in settings.LANGUAGES
    )


def image_preview(image_field):
    """A small copy of an uploaded image, for the change form (one image, one query)."""
    if not image_field:
        return "—"
    try:
        url = image_field["gallery"].url
    except (InvalidImageFormatError, OSError):
        return "—"
    return format_html('<img src="{}" alt="">', url)


def is_publishable(model):
    return issubclass(model, PublishableModel)


def may_delete(request, obj):
    """A published page, or a part of one, leaves the site only by a publisher."""
    return obj is None or publishing.may_delete(request.user, obj)


admin.site.site_header = _("Kenitra openness portal — administration")
admin.site.site_title = _("Kenitra openness portal")
admin.site.index_title = _("Content, meetings and proposals")


class UserFormInlineMixin:
    """Gives the inline's forms the user, for the publishing rules they apply."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.user = request.user
        return formset


class PublishableInlineMixin(UserFormInlineMixin):
    """For inlines of records that have a publication status of their own."""

    form = PublicationStatusForm


class AwaitingReviewFilter(admin.SimpleListFilter):
    title = _("workflow")
    parameter_name = "workflow"

    def lookups(self, request, model_admin):
        return [
            ("review", _("Waiting for review")),
            ("sent_back", _("Sent back with a comment")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "review":
            return queryset.awaiting_review()
        if self.value() == "sent_back":
            return queryset.filter(publication_status=PublicationStatus.DRAFT).exclude(
                review_note=""
            )
        return queryset


@admin.action(description=_("Publish the selected records"), permissions=["publish"])
def publish_selected(modeladmin, request, queryset):
    """Asks first, on a page of its own, when a record would go out untranslated."""
    if request.POST.get("post") != "yes":
        untranslated = modeladmin.untranslated_to_publish(queryset)
        if untranslated:
            return modeladmin.confirm_publishing(request, queryset, untranslated)
    modeladmin.change_status(request, queryset, PublicationStatus.PUBLISHED)


@admin.action(
    description=_("Unpublish the selected records (back to draft)"),
    permissions=["publish"],
)
def unpublish_selected(modeladmin, request, queryset):
    modeladmin.change_status(request, queryset, PublicationStatus.DRAFT)


@admin.action(
    description=_("Send the selected records to review"), permissions=["change"]
)
def send_to_review(modeladmin, request, queryset):
    modeladmin.change_status(
        request,
        queryset.filter(publication_status=PublicationStatus.DRAFT),
        PublicationStatus.REVIEW,
    )


@admin.action(description=_("Erase their personal data now"), permissions=["change"])
def erase_personal_data(modeladmin, request, queryset):
    """Law 09-08: a citizen may ask for it before the retention period ends."""
    erased = personal_data.erase(queryset)
    modeladmin.message_user(
        request,
        ngettext(
            "Personal data erased from %(count)d record.",
            "Personal data erased from %(count)d records.",
            erased,
        )
        % {"count": erased},
        messages.SUCCESS,
    )


class ContentAdmin(RevisionAdminMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_per_page = 50
    change_list_template = "admin/core/change_list.html"
    change_form_template = "admin/core/change_form.html"

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        if is_publishable(model):
            if self.form is forms.ModelForm:
                self.form = PublishableAdminForm
            self.actions = [
                *(self.actions or ()),
                send_to_review,
                publish_selected,
                unpublish_selected,
            ]
            if "publication_status" not in self.list_filter:
                self.list_filter = ("publication_status", *self.list_filter)
            self.list_filter = (AwaitingReviewFilter, *self.list_filter)
        if issubclass(model, personal_data.PersonalDataModel):
            self.actions = [*(self.actions or ()), erase_personal_data]

    # --- who may do what -------------------------------------------------------------

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.user = request.user
        if obj is None and getattr(self.model, "publication_parents", ()):
            form = type(form.__name__, (PartOfAPageForm, form), {})
        return self.bound_to_revision(request, form, obj)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if is_publishable(self.model) and "edit_version" not in flatten_fieldsets(
            fieldsets
        ):
            # An admin with its own fieldsets still sends the version it started from.
            name, options = fieldsets[0]
            fields = [*options["fields"], "edit_version"]
            fieldsets = [(name, {**options, "fields": fields}), *fieldsets[1:]]
        if (
            is_publishable(self.model)
            and can_publish(request.user)
            and translated_fields(self.model)
            and "publish_untranslated" not in flatten_fieldsets(fieldsets)
        ):
            name, options = fieldsets[-1]
            fields = [*options["fields"], "publish_untranslated"]
            fieldsets = [*fieldsets[:-1], (name, {**options, "fields": fields})]
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if is_publishable(self.model):
            readonly += ["published_at", "last_edited_by"]
            if not can_publish(request.user):
                readonly.append("review_note")
        return readonly

    # --- saving ----------------------------------------------------------------------

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and may_delete(request, obj)

    def save_model(self, request, obj, form, change):
        if change and revisions.holds_revision(
            request.user, obj, new_parents=publication_parent_objects(obj)
        ):
            request.kept_revision = revisions.keep(
                obj,
                post=request.POST,
                files=request.FILES,
                author=request.user,
                base_version=form.cleaned_data.get("edit_version"),
                revision=getattr(request, "open_revision", None),
            )
            return
        if isinstance(obj, PublishableModel):
            previous = form.saved_status if change else None
            publishing.prepare(
                obj,
                obj.publication_status,
                by=request.user,
                previous=previous,
                note=obj.review_note,
            )
            if change:
                obj.version += 1
        super().save_model(request, obj, form, change)
        revision = getattr(request, "open_revision", None)
        # Approved only by a save of the form that showed it: a page opened before
        # the revision was made leaves it waiting.
        if revision is not None and request.POST.get("revision") == str(revision.pk):
            revisions.approve(revision, by=request.user)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for deleted in formset.deleted_objects:
            deleted.delete()
        for instance in instances:
            if isinstance(instance, PublishableModel):
                instance.last_edited_by = request.user
            instance.save()
        formset.save_m2m()

    def change_status(self, request, queryset, status):
        """Each record through publishing.move, so every route obeys one rule."""
        changed, refused = 0, 0
        for obj in self.model._default_manager.filter(pk__in=queryset.values("pk")):
            try:
                if publishing.move(obj, status, by=request.user):
                    changed += 1
            except (PermissionDenied, ValidationError):
                refused += 1
        self.message_user(
            request,
            ngettext("%(count)d record changed.", "%(count)d records changed.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )
        if refused:
            self.message_user(
                request,
                ngettext(
                    "%(count)d record was not changed: you may not make that move.",
                    "%(count)d records were not changed: you may not make that move.",
                    refused,
                )
                % {"count": refused},
                messages.WARNING,
            )

    def untranslated_to_publish(self, queryset):
        """(record, names of its missing languages) for each record of `queryset`
        that publishing would put on the site without its French or English."""
        rows = []
        for obj in queryset.exclude(publication_status=PublicationStatus.PUBLISHED):
            missing = [code for code in missing_for(obj) if code in ASKED_FOR]
            if missing:
                rows.append((obj, language_names(missing)))
        return rows

    def confirm_publishing(self, request, queryset, untranslated):
        """Django's delete-confirmation pattern: the same action, posted again."""
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": _("Publish without a translation?"),
            "opts": opts,
            "queryset": queryset,
            "untranslated": untranslated,
            "translated_count": queryset.count() - len(untranslated),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(
            request, "admin/core/publish_selected_confirmation.html", context
        )

    # --- translations at a glance ----------------------------------------------------

    def get_list_display(self, request):
        list_display = super().get_list_display(request)
        if translated_fields(self.model) and is_publishable(self.model):
            return (*list_display, "missing_translations")
        return list_display

    @admin.display(description=_("missing languages"))
    def missing_translations(self, obj):
        return "، ".join(language_names(missing_for(obj))) or "—"

    # --- search, view on site and preview --------------------------------------------

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(
            request, queryset, search_term
        )
        if issubclass(self.model, SearchableModel) and parse_query(search_term):
            # The site's own search, so staff find what citizens find, plus the
            # admin's own search_fields (an e-mail address, a slug).
            results = results | search_queryset(queryset, search_term)
        return results, may_have_duplicates

    def get_view_on_site_url(self, obj=None):
        if isinstance(obj, PublishableModel) and not obj.is_published:
            return None
        return super().get_view_on_site_url(obj)

    def preview_url(self, obj):
        opts = obj._meta
        if public_view(obj) is None:
            return None
        return reverse(
            "preview",
            kwargs={
                "app_label": opts.app_label,
                "model_name": opts.model_name,
                "pk": obj.pk,
            },
        )

    # --- history ---------------------------------------------------------------------

    object_history_list_template = "admin/core/object_history_list.html"

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableHistory(self.model, historical_record)

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        extra_context = extra_context or {}
        if obj is not None:
            extra_context["parts_history"] = parts_history(obj)
        return super().history_view(request, object_id, extra_context)

    def changelist_view(self, request, extra_context=None):
        extra_context = extra_context or {}
        if is_publishable(self.model):
            extra_context["awaiting_review_count"] = (
                self.model._default_manager.awaiting_review().count()
            )
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        obj = self.get_object(request, object_id)
        if obj is not None:
            extra_context["preview_url"] = self.preview_url(obj)
            extra_context["review_note"] = getattr(obj, "review_note", "")
            extra_context["missing_languages"] = language_names(missing_for(obj))
        return super().change_view(request, object_id, form_url, extra_context)
