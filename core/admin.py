"""The base every content admin shares: translation tabs, change history, the review
workflow (draft → in review → published), optimistic locking and normalised search."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from easy_thumbnails.exceptions import InvalidImageFormatError
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import publishing, revisions
from .history import ReadableHistory, parts_history, readable
from .models import PublicationStatus, PublishableModel, publication_parent_objects
from .permissions import can_publish
from .preview import public_view
from .text import normalize
from .translations import (
    ASKED_FOR,
    language_names,
    missing_for,
    missing_languages,
    translated_fields,
)

STALE_VERSION_MESSAGE = _(
    "Someone else saved this record while you were editing it, so your changes were "
    "not saved yet. Your input is kept below; their changes are listed next to it. "
    "Merge what you need and save again."
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


def may_delete(request, obj):
    """A published page, or a part of one, leaves the site only by a publisher."""
    return obj is None or publishing.may_delete(request.user, obj)


def _bound_to(form_class, data, files):
    """The form class, bound to a revision's input when the view builds it unbound."""

    def __init__(self, data_=None, files_=None, *args, **kwargs):
        if data_ is None:
            data_, files_ = data, files
        form_class.__init__(self, data_, files_, *args, **kwargs)

    return type(form_class.__name__, (form_class,), {"__init__": __init__})


admin.site.site_header = _("Kenitra openness portal — administration")
admin.site.site_title = _("Kenitra openness portal")
admin.site.index_title = _("Content, meetings and proposals")


class PublicationStatusForm(forms.ModelForm):
    """Offers only the statuses publishing.allowed_statuses gives this user."""

    user = None  # set for each request by the admin

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.saved_status = _saved_status(self.instance)
        field = self.fields.get("publication_status")
        if field is not None:
            allowed = publishing.allowed_statuses(
                self.user, self.instance, self.saved_status
            )
            field.choices = [c for c in field.choices if c[0] in allowed]

    def clean_publication_status(self):
        status = self.cleaned_data["publication_status"]
        try:
            publishing.check_move(
                self.user,
                self.instance,
                status,
                current=self.saved_status,
                note=self.data.get(self.add_prefix("review_note"), "x"),
            )
        except PermissionDenied as error:
            raise ValidationError(str(error), code="cannot_publish") from None
        except ValidationError:
            # The missing note is reported on the note itself (clean()).
            pass
        return status


class PublishableAdminForm(PublicationStatusForm):
    # The version the editor started from, compared with the stored one on save.
    edit_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    publish_untranslated = forms.BooleanField(
        label=_("Publish even though a translation is missing"),
        required=False,
        help_text=_(
            "The site shows the Arabic text where French or English is missing."
        ),
    )

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
            started_from = cleaned_data.get("edit_version")
            if started_from != stored:
                self.others_changes = self._changes_since(started_from)
                # Saving again after merging is a save from the version now stored.
                self.data = self.data.copy()
                self.data[self.add_prefix("edit_version")] = str(stored)
                raise ValidationError(STALE_VERSION_MESSAGE, code="stale_version")
        status = cleaned_data.get("publication_status")
        self._confirm_missing_translations(cleaned_data, status)
        if status is not None and "review_note" in self.fields:
            try:
                publishing.check_move(
                    self.user,
                    self.instance,
                    status,
                    current=self.saved_status,
                    note=cleaned_data.get("review_note", ""),
                )
            except PermissionDenied:
                pass  # reported on the status by clean_publication_status
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned_data


class PartOfAPageForm(forms.ModelForm):
    """A new part of a published page is added on that page, as a revision."""

    def clean(self):
        cleaned_data = super().clean()
        if isinstance(self.instance, PublishableModel):
            return cleaned_data  # its own status keeps it off the site
        parents = [
            cleaned_data.get(name)
            for name in self.instance.publication_parents
            if cleaned_data.get(name) is not None
        ]
        if not can_publish(self.user) and any(
            publishing.shown_publicly(parent) for parent in parents
        ):
            raise ValidationError(
                _(
                    "It belongs to a published page: add it on that page, where a "
                    "publisher reviews the change before it goes live."
                ),
                code="part_of_published_page",
            )
        return cleaned_data


def _confirm_missing_translations(self, cleaned_data, status):
    """Publishing without French or English is allowed, once the publisher says so."""
    if status != PublicationStatus.PUBLISHED or self.saved_status == status:
        return
    fields = translated_fields(self._meta.model)
    values = {
        name: cleaned_data.get(name, self.data.get(self.add_prefix(name)))
        for base in fields
        for name in (f"{base}_{code}" for code in ("ar", *ASKED_FOR))
    }
    missing = [c for c in missing_languages(values, fields) if c in ASKED_FOR]
    if missing and not cleaned_data.get("publish_untranslated"):
        self.add_error(
            "publish_untranslated",
            _(
                "Not translated yet: %(languages)s. Tick the box to publish anyway; "
                "the site will show the Arabic text there."
            )
            % {"languages": "، ".join(language_names(missing))},
        )


PublishableAdminForm._confirm_missing_translations = _confirm_missing_translations


def _changes_since(self, version):
    """What others saved since `version`: each field, their value and this input."""
    history = getattr(self.instance, "history", None)
    current = type(self.instance)._default_manager.filter(pk=self.instance.pk).first()
    if history is None or current is None or version is None:
        return []
    base = history.filter(version=version).order_by("-history_date").first()
    if base is None:
        return []
    rows = []
    for name, field in self.fields.items():
        if name in ("edit_version", "publish_untranslated") or not hasattr(base, name):
            continue
        before, now = getattr(base, name), getattr(current, name)
        # An empty translation is stored as NULL or "" depending on who saved it.
        if before == now or (before in (None, "") and now in (None, "")):
            continue
        model_field = self._meta.model._meta.get_field(name)
        rows.append(
            {
                "label": str(field.label),
                "theirs": readable(model_field, now),
                "yours": readable(model_field, self.data.get(self.add_prefix(name))),
            }
        )
    return rows


PublishableAdminForm._changes_since = _changes_since
PublishableAdminForm.others_changes = ()


class DocumentVisibilityForm(forms.ModelForm):
    """Only a publisher turns an internal document public (publishing rules)."""

    user = None

    def clean_is_public(self):
        is_public = self.cleaned_data.get("is_public")
        was_public = (
            type(self.instance)
            ._default_manager.filter(pk=self.instance.pk)
            .values_list("is_public", flat=True)
            .first()
            if self.instance.pk
            else False
        )
        try:
            publishing.check_make_public(self.user, was_public, is_public)
        except PermissionDenied as error:
            raise ValidationError(str(error), code="cannot_make_public") from None
        return is_public


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
        form.user = request.user
        if obj is None and getattr(self.model, "publication_parents", ()):
            form = type(form.__name__, (PartOfAPageForm, form), {})
        given = self._revision_input(request, obj) if obj is not None else None
        if given is not None:
            form = _bound_to(form, *given)
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
        if revision is not None:
            revisions.approve(revision, by=request.user)

    def save_related(self, request, form, formsets, change):
        if getattr(request, "kept_revision", None) is None:
            super().save_related(request, form, formsets, change)

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(request, "kept_revision", None) is None:
            return super().construct_change_message(request, form, formsets, add)
        return []

    def log_change(self, request, obj, message):
        if getattr(request, "kept_revision", None) is None:
            return super().log_change(request, obj, message)
        return None

    def response_change(self, request, obj):
        if getattr(request, "kept_revision", None) is None:
            return super().response_change(request, obj)
        self.message_user(
            request,
            _(
                "Your change is kept for a publisher to review. Until it is approved, "
                "the site shows the published version."
            ),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(request.path)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for deleted in formset.deleted_objects:
            deleted.delete()
        for instance in instances:
            if isinstance(instance, PublishableModel):
                instance.last_edited_by = request.user
            instance.save()
        formset.save_m2m()

    # --- revisions -------------------------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        request.open_revision = None
        if object_id is not None:
            obj = self.get_object(request, unquote(object_id))
            revision = revisions.open_revision(obj)
            request.open_revision = revision
            if revision is not None and request.method == "POST":
                request._files = revisions.with_stored_files(request.FILES, revision)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _revision_input(self, request, obj):
        revision = getattr(request, "open_revision", None)
        if revision is None or request.method == "POST":
            return None
        if not hasattr(request, "revision_input"):
            request.revision_input = revisions.form_input(
                revision, version=getattr(obj, "version", None)
            )
        return request.revision_input

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        given = self._revision_input(request, obj)
        # A revision made from the history's revert form holds no inline rows.
        if given is not None and f"{prefix}-TOTAL_FORMS" in given[0]:
            kwargs.update(data=given[0], files=given[1])
        return kwargs

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        revision = getattr(request, "open_revision", None)
        if revision is not None and change:
            context["revision"] = revision
            context["revision_can_review"] = can_publish(request.user)
            if request.method != "POST":
                context["revision_changes"] = revisions.changes(
                    context["adminform"].form,
                    [inline.formset for inline in context["inline_admin_formsets"]],
                )
            context["revision_send_back_url"] = reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_send_back",
                args=[obj.pk],
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/send-back/",
                self.admin_site.admin_view(self.send_back_view),
                name=f"{opts.app_label}_{opts.model_name}_send_back",
            ),
            *super().get_urls(),
        ]

    def send_back_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        revision = revisions.open_revision(obj)
        if obj is None or revision is None or request.method != "POST":
            return HttpResponseRedirect(
                reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"
                )
            )
        if not can_publish(request.user):
            raise PermissionDenied
        change_url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
            args=[obj.pk],
        )
        note = request.POST.get("review_note", "").strip()
        if not note:
            self.message_user(request, publishing.SEND_BACK_NEEDS_NOTE, messages.ERROR)
            return HttpResponseRedirect(change_url)
        revisions.send_back(revision, by=request.user, note=note)
        self.message_user(
            request, _("The change was sent back to its editor."), messages.SUCCESS
        )
        return HttpResponseRedirect(change_url)

    def change_status(self, request, queryset, status):
        """Each record through publishing.move, so every route obeys one rule."""
        changed, refused, untranslated = 0, 0, []
        for obj in self.model._default_manager.filter(pk__in=queryset.values("pk")):
            try:
                if publishing.move(obj, status, by=request.user):
                    changed += 1
                    if status == PublicationStatus.PUBLISHED and set(
                        missing_for(obj)
                    ) & set(ASKED_FOR):
                        untranslated.append(str(obj))
            except (PermissionDenied, ValidationError):
                refused += 1
        if untranslated:
            self.message_user(
                request,
                _(
                    "Published without a French or English translation (the site "
                    "shows the Arabic text): %(records)s"
                )
                % {"records": "، ".join(untranslated)},
                messages.WARNING,
            )
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
        words = normalize(search_term).split()
        has_search_text = any(
            f.name == "search_text" for f in self.model._meta.get_fields()
        )
        if words and has_search_text:
            normalised = queryset
            for word in words:
                normalised = normalised.filter(search_text__contains=word)
            results = results | normalised
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
