"""The base every content admin shares: translation tabs, change history, the review
workflow (draft → in review → published), optimistic locking and normalised search."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from easy_thumbnails.exceptions import InvalidImageFormatError
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import PublicationStatus, PublishableModel, SearchableModel
from .permissions import can_publish
from .preview import public_view
from .search import parse_query, search_queryset

STALE_VERSION_MESSAGE = _(
    "Someone else saved this record while you were editing it. Your changes were "
    "not saved: open the record again to see their version, then make your changes."
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


def _saved_status(instance):
    if instance.pk is None:
        return None
    return (
        type(instance)
        ._default_manager.filter(pk=instance.pk)
        .values_list("publication_status", flat=True)
        .first()
    )


admin.site.site_header = _("Kenitra openness portal — administration")
admin.site.site_title = _("Kenitra openness portal")
admin.site.index_title = _("Content, meetings and proposals")


class PublicationStatusForm(forms.ModelForm):
    """Editors choose draft or review; only a publisher may publish."""

    can_publish = False  # set for each request by the admin

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.saved_status = _saved_status(self.instance)
        field = self.fields.get("publication_status")
        if field is not None and not self.can_publish:
            allowed = {PublicationStatus.DRAFT, PublicationStatus.REVIEW}
            # An editor correcting a published page keeps it published.
            if self.saved_status == PublicationStatus.PUBLISHED:
                allowed.add(PublicationStatus.PUBLISHED)
            field.choices = [c for c in field.choices if c[0] in allowed]

    def clean_publication_status(self):
        status = self.cleaned_data["publication_status"]
        if (
            status == PublicationStatus.PUBLISHED
            and self.saved_status != PublicationStatus.PUBLISHED
            and not self.can_publish
        ):
            raise ValidationError(
                _("Only a publisher can publish. Send it to review instead."),
                code="cannot_publish",
            )
        return status


class PublishableAdminForm(PublicationStatusForm):
    # The version the editor started from, compared with the stored one on save.
    edit_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            # Read from the database: a reverted history entry carries an old version.
            self.fields["edit_version"].initial = (
                type(self.instance)
                ._default_manager.filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is not None:
            # Locked until the admin's transaction ends, so two saves cannot both pass.
            stored = (
                type(self.instance)
                ._default_manager.select_for_update()
                .filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            if cleaned_data.get("edit_version") != stored:
                raise ValidationError(STALE_VERSION_MESSAGE, code="stale_version")
        status = cleaned_data.get("publication_status")
        if (
            self.can_publish
            and self.saved_status == PublicationStatus.REVIEW
            and status == PublicationStatus.DRAFT
            and not cleaned_data.get("review_note", "").strip()
        ):
            self.add_error(
                "review_note",
                _("Say what must change before it can be published."),
            )
        return cleaned_data


class PublishableInlineMixin:
    """For inlines of records that have a publication status of their own."""

    form = PublicationStatusForm

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.can_publish = can_publish(request.user)
        return formset


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


class ContentAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
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

    # --- who may do what -------------------------------------------------------------

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.can_publish = can_publish(request.user)
        return form

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if is_publishable(self.model) and "edit_version" not in flatten_fieldsets(
            fieldsets
        ):
            # An admin with its own fieldsets still sends the version it started from.
            name, options = fieldsets[0]
            fields = [*options["fields"], "edit_version"]
            fieldsets = [(name, {**options, "fields": fields}), *fieldsets[1:]]
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if is_publishable(self.model):
            readonly += ["published_at", "last_edited_by"]
            if not can_publish(request.user):
                readonly.append("review_note")
        return readonly

    # --- saving ----------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if isinstance(obj, PublishableModel):
            obj.last_edited_by = request.user
            if change:
                obj.version += 1
            if obj.is_published:
                obj.review_note = ""
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for deleted in formset.deleted_objects:
            deleted.delete()
        for instance in instances:
            if isinstance(instance, PublishableModel):
                instance.last_edited_by = request.user
            instance.save()
        formset.save_m2m()

    @transaction.atomic
    def change_status(self, request, queryset, status):
        """Save one by one, so history, last editor and version stay right."""
        changed = 0
        # Locked by primary key: the changelist's outer joins cannot be locked.
        rows = self.model._default_manager.filter(pk__in=queryset.values("pk"))
        for obj in rows.select_for_update():
            if obj.publication_status == status:
                continue
            obj.publication_status = status
            if status == PublicationStatus.PUBLISHED:
                obj.review_note = ""
            else:
                obj.published_at = None
            obj.last_edited_by = request.user
            obj.version += 1
            obj.save()
            changed += 1
        self.message_user(
            request,
            ngettext("%(count)d record changed.", "%(count)d records changed.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )

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
        return super().change_view(request, object_id, form_url, extra_context)
