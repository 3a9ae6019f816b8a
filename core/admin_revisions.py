"""The content admin's side of pending revisions (core/revisions.py): an editor's
save of a published page is kept aside, the change form shows it again with what it
changes, and a publisher approves it by saving or sends it back with a comment."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from . import publishing, revisions
from .permissions import can_publish


def _bound_to(form_class, data, files):
    """The form class, bound to a revision's input when the view builds it unbound."""

    def __init__(self, data_=None, files_=None, *args, **kwargs):
        if data_ is None:
            data_, files_ = data, files
        form_class.__init__(self, data_, files_, *args, **kwargs)

    return type(form_class.__name__, (form_class,), {"__init__": __init__})


def keep_change(request, obj, changed, names, *, many, base_version):
    """Keep a change made outside the admin (the API) as the revision its change
    form would have kept, to be reviewed and approved there like any other.

    `changed` is an unsaved copy of `obj` holding the change, `names` the fields it
    writes, `many` its many-to-many values. A change to a field the form does not
    offer cannot be shown to a publisher, and is refused (ValidationError).
    """
    form_class = admin.site.get_model_admin(type(obj)).get_form(
        request, obj, change=True
    )
    missing = [name for name in names if name not in form_class.base_fields]
    if missing:
        raise ValidationError(
            {
                name: _(
                    "A change to this field of a published record cannot wait for "
                    "a publisher's review; ask a publisher to make it."
                )
                for name in missing
            }
        )
    revision = revisions.open_revision(obj)
    if revision is None:
        # Everything the form holds, so that approving it changes only `names`.
        before = revisions.post_data(form_class(instance=obj))
    else:
        before, _files = revisions.form_input(revision)
    post = revisions.post_data(
        form_class(instance=changed, initial=many), names, onto=before
    )
    return revisions.keep(
        obj,
        post=post,
        files={},
        author=request.user,
        base_version=base_version,
        revision=revision,
    )


class RevisionAdminMixin:
    """For ContentAdmin: `save_model` sets `request.kept_revision` when it kept one."""

    def bound_to_revision(self, request, form, obj):
        given = self._revision_input(request, obj) if obj is not None else None
        return form if given is None else _bound_to(form, *given)

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
