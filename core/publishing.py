"""Who may move what to which publication state, and the move itself.

The one place that decides whether a user may publish, unpublish, send back, delete
a published record or make an internal document public, and the one place that
writes `publication_status`, `published_at` and `review_note` on a change of state.
The admin's forms, inlines and bulk actions, the API, proposal moderation and the
seed loader (`load_kenitra`, through `publish_as_system`) call it.

A small typed module rather than a library: the rules are four role predicates over
three states, and every move has the same side effects (dates, the review note, the
last editor, the history's reason and who made it, the signal that tells the citizen;
the save empties the page cache through core.pagecache). `rules` would hold only the predicates and django-fsm-2 would
spread `@transition` methods over every publishable model of three apps, while the
side effects would still be ours.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from .models import PublicationStatus, PublishableModel, publication_parent_objects
from .permissions import can_publish

DRAFT = PublicationStatus.DRAFT
REVIEW = PublicationStatus.REVIEW
PUBLISHED = PublicationStatus.PUBLISHED

# Sent once the transaction that moved a record has committed:
# sender=model class, instance, previous (status or None for a new record), status, by.
publication_changed = Signal()

CANNOT_PUBLISH = _("Only a publisher can publish. Send it to review instead.")
CANNOT_UNPUBLISH = _(
    "Only a publisher can take a published page off the site. Your changes to it "
    "are kept for a publisher to review."
)
CANNOT_MAKE_PUBLIC = _(
    "Only a publisher can make an internal document public. Leave it internal and "
    "ask a publisher."
)
SEND_BACK_NEEDS_NOTE = _("Say what must change before it can be published.")

# The history's reason for each move. Kept untranslated: the history page
# translates it for each reader (admin/core/object_history_list.html).
MOVE_REASONS = {
    (DRAFT, REVIEW): gettext_noop("Sent to review"),
    (REVIEW, DRAFT): gettext_noop("Sent back with a comment"),
    (PUBLISHED, DRAFT): gettext_noop("Unpublished"),
    (PUBLISHED, REVIEW): gettext_noop("Unpublished"),
}
PUBLISHED_REASON = gettext_noop("Published")


def stored_status(obj):
    """The status as the database holds it (None for a record not saved yet)."""
    if obj.pk is None or obj._state.adding:
        return None
    return (
        type(obj)
        ._default_manager.filter(pk=obj.pk)
        .values_list("publication_status", flat=True)
        .first()
    )


def allowed_statuses(user, obj, current=None):
    """The statuses `user` may give `obj` from where it stands (`current`)."""
    if can_publish(user):
        return {DRAFT, REVIEW, PUBLISHED}
    if current == PUBLISHED:
        # An editor's change to a published record waits as a revision; the record
        # itself stays published until a publisher says otherwise.
        return {PUBLISHED}
    return {DRAFT, REVIEW}


def check_move(user, obj, to_status, *, current=None, note=""):
    """Raise PermissionDenied or ValidationError if `user` may not make this move."""
    if to_status == current:
        return
    if to_status not in allowed_statuses(user, obj, current):
        raise PermissionDenied(
            CANNOT_UNPUBLISH if current == PUBLISHED else CANNOT_PUBLISH
        )
    if current == REVIEW and to_status == DRAFT and not (note or "").strip():
        raise ValidationError({"review_note": SEND_BACK_NEEDS_NOTE})


def shown_publicly(obj):
    """Whether `obj` as given, or a record it is shown with, is published."""
    if isinstance(obj, PublishableModel) and obj.is_published:
        return True
    return any(shown_publicly(parent) for parent in publication_parent_objects(obj))


def is_live(obj):
    """Whether the stored `obj`, or a record it is shown with, is published."""
    if obj.pk is None:
        return False
    stored = type(obj)._default_manager.filter(pk=obj.pk).first()
    return stored is not None and shown_publicly(stored)


def may_delete(user, obj):
    """Deleting a published record, or a part of one, takes it off the site."""
    return can_publish(user) or not is_live(obj)


def may_make_public(user, was_public):
    """Internal → public for a document is a publisher's decision."""
    return bool(was_public) or can_publish(user)


def check_make_public(user, was_public, is_public):
    if is_public and not may_make_public(user, was_public):
        raise PermissionDenied(CANNOT_MAKE_PUBLIC)


def prepare(obj, to_status, *, by, previous, note=""):
    """Write a move onto `obj` without saving it (the admin saves the form itself).

    Callers have checked the move with `check_move`.
    """
    obj.publication_status = to_status
    if to_status == PUBLISHED:
        obj.published_at = obj.published_at or timezone.now()
        obj.review_note = ""
    elif previous == PUBLISHED:
        obj.published_at = None
    if previous == REVIEW and to_status == DRAFT:
        # Sent back: the editor who wrote it stays its last editor, so that it is
        # in their workspace with the comment.
        obj.review_note = note
    else:
        obj.last_edited_by = by
    if by is not None:
        # Who made the move, in the history, also outside a request (a command).
        obj._history_user = by
    reason = MOVE_REASONS.get((previous, to_status))
    if to_status == PUBLISHED and previous != PUBLISHED:
        reason = PUBLISHED_REASON
    if reason is not None:
        # simple-history keeps the reason with the row it writes for this save.
        obj._change_reason = reason
    if previous != to_status:
        transaction.on_commit(
            lambda: announce(obj, previous=previous, status=to_status, by=by)
        )


def announce(obj, *, previous, status, by):
    # The page cache needs no call here: the save itself empties it when the record
    # is or was public (core.pagecache.is_public_change).
    publication_changed.send(
        sender=type(obj), instance=obj, previous=previous, status=status, by=by
    )


@transaction.atomic
def move(obj, to_status, *, by, note=""):
    """Check and make one move, saved; returns whether anything changed."""
    locked = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
    current = locked.publication_status
    if current == to_status:
        return False
    check_move(by, obj, to_status, current=current, note=note)
    prepare(obj, to_status, by=by, previous=current, note=note)
    obj.version = locked.version + 1
    obj.save()
    return True


def publish(obj, *, by):
    return move(obj, PUBLISHED, by=by)


@transaction.atomic
def publish_as_system(obj):
    """Publish `obj`, saving it, for a command the portal's operators run.

    No user makes the move, so there is no role to check: whoever can run a command
    already holds the database. The history names no one ("the system").
    """
    previous = stored_status(obj)
    if previous == PUBLISHED:
        return False
    prepare(obj, PUBLISHED, by=None, previous=previous)
    if previous is not None:
        obj.version += 1
    obj.save()
    return True


def send_back(obj, *, by, note):
    return move(obj, DRAFT, by=by, note=note)
