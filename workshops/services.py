"""Writes that touch a proposal, its status history and the people told about it."""

import ipaddress
import logging
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import (
    ImproperlyConfigured,
    PermissionDenied,
    ValidationError,
)
from django.core.mail import send_mail
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from core import publishing, ratelimit
from core.models import PublicationStatus
from core.permissions import can_publish

from .models import Proposal, ProposalSource, ProposalStatus, ProposalStatusChange

logger = logging.getLogger(__name__)

# Editors and publishers both hold it (core/permissions.py).
MODERATE = "workshops.change_proposal"

S = ProposalStatus
# Where a proposal may go from each status. "" is a proposal being created: staff
# typing in a workshop's proposals may enter them at the status they already have.
TRANSITIONS = {
    "": set(S.values),
    S.RECEIVED: {S.UNDER_STUDY, S.ACCEPTED, S.MERGED, S.DECLINED},
    S.UNDER_STUDY: {S.ACCEPTED, S.MERGED, S.DECLINED},
    S.ACCEPTED: {S.UNDER_STUDY, S.MERGED, S.DECLINED},
    S.DECLINED: {S.UNDER_STUDY},
    # A merge made by mistake is undone by studying the proposal again.
    S.MERGED: {S.UNDER_STUDY},
}

RATE_WINDOW_SECONDS = 60 * 60
# A second "send" of the same text from the same address within this time is the
# same citizen pressing twice, who is shown the first one's reference.
RESEND_WINDOW = timedelta(minutes=10)


def can_moderate(user):
    return bool(user and user.is_active and user.has_perm(MODERATE))


def _require_moderator(user):
    if not can_moderate(user):
        raise PermissionDenied(_("Only editors may moderate proposals."))


def validate_status_change(
    from_status, to_status, *, has_answer, project, merged_into, proposal_pk=None
):
    """Raise ValidationError, keyed by field, if this change may not be made."""
    if from_status == to_status:
        return
    if to_status not in TRANSITIONS.get(from_status, set()):
        raise ValidationError(
            {
                "status": _("A proposal that is “%(from)s” cannot become “%(to)s”.")
                % {"from": S(from_status).label, "to": S(to_status).label}
            }
        )
    if to_status == S.DECLINED and not has_answer:
        raise ValidationError(
            {
                "public_answer": _(
                    "Write the public answer that says why the proposal is declined."
                )
            }
        )
    if to_status == S.MERGED and project is None and merged_into is None:
        raise ValidationError(
            {
                "project": _(
                    "Choose the project it became, or the proposal it was merged into."
                )
            }
        )
    if merged_into is not None and proposal_pk and merged_into.pk == proposal_pk:
        raise ValidationError(
            {"merged_into": _("A proposal cannot be merged into itself.")}
        )


def has_public_answer(proposal):
    return any(
        getattr(proposal, f"public_answer_{code}", "")
        for code, _name in settings.LANGUAGES
    )


@receiver(post_save, sender=ProposalStatusChange, dispatch_uid="workshops.notify")
def _status_changed(sender, instance, created, raw=False, **kwargs):
    """Tell the author of each step their proposal takes (Proposal.save() writes it).

    Citizens hear only what is published: the author of an unpublished proposal is
    told when a publisher publishes it (tell_author_when_published).
    """
    proposal = instance.proposal
    # The author saw the first status on the thank-you page.
    if created and not raw and instance.from_status and proposal.is_published:
        transaction.on_commit(lambda: notify_author_of_status(proposal.pk))


def tell_author_when_published(sender, instance, previous, status, **kwargs):
    """publishing.publication_changed: a proposal just published tells its author."""
    if issubclass(sender, Proposal) and status == PublicationStatus.PUBLISHED:
        notify_author_of_status(instance.pk)


@transaction.atomic
def change_status(
    proposal,
    to_status,
    *,
    by,
    public_answer=None,
    project=None,
    merged_into=None,
    note="",
):
    """Move a proposal to `to_status`; `public_answer` maps language codes to text.

    The status history row is written by Proposal.save().
    """
    _require_moderator(by)
    from_status = proposal.status
    if from_status != to_status and proposal.is_published and not can_publish(by):
        # What a published proposal says is public: an editor's change to it is
        # made on its page, where it waits for a publisher as a revision.
        raise ValidationError(
            {
                "status": _(
                    "This proposal is published: change it on its own page, so "
                    "that a publisher can approve the change."
                )
            }
        )
    for code, text in (public_answer or {}).items():
        setattr(proposal, f"public_answer_{code}", text)
    if project is not None:
        proposal.project = project
    if merged_into is not None:
        proposal.merged_into = merged_into
    validate_status_change(
        from_status,
        to_status,
        has_answer=has_public_answer(proposal),
        project=proposal.project,
        merged_into=proposal.merged_into,
        proposal_pk=proposal.pk,
    )
    if from_status == S.MERGED and to_status != S.MERGED:
        proposal.merged_into = None
    proposal.status = to_status
    proposal.status_note = note
    _save_as(proposal, by)


def _save_as(proposal, user):
    proposal.last_edited_by = user
    # A copy open in the admin is now stale; its save is refused, not applied over.
    proposal.version += 1
    proposal.save()


def publish(proposal, *, by):
    """Accept a proposal for publication: it shows on the public proposals page.

    A publisher's decision, like publishing any page (kenitra_portal/publishing.py).
    """
    return publishing.publish(proposal, by=by)


@transaction.atomic
def merge_duplicates(proposals, *, into, by):
    """Merge each of `proposals` into the one they repeat; returns those merged."""
    _require_moderator(by)
    merged = []
    for proposal in proposals:
        if proposal.pk == into.pk or proposal.status == S.MERGED:
            continue
        change_status(
            proposal,
            S.MERGED,
            by=by,
            merged_into=into,
            note=str(_("Duplicate of %(reference)s") % {"reference": into.reference}),
        )
        merged.append(proposal)
    return merged


@transaction.atomic
def submit_proposal(cleaned_data, *, language, ip):
    """Store a proposal from the public form; it waits for moderation."""
    proposal = Proposal.objects.create(
        **cleaned_data,
        language=language,
        source=ProposalSource.ONLINE,
        status=S.RECEIVED,
        publication_status=PublicationStatus.DRAFT,
        submitter_ip=ip or None,
        consent_given_at=timezone.now(),
    )
    transaction.on_commit(lambda: notify_staff_of_arrival(proposal))
    if proposal.submitter_email:
        transaction.on_commit(lambda: acknowledge_receipt(proposal))
    return proposal


def is_resend(proposal, ip):
    """Whether `proposal` is the one this address sent a moment ago."""
    return (
        proposal.submitter_ip is not None
        and proposal.submitter_ip == ip
        and proposal.created_at >= timezone.now() - RESEND_WINDOW
    )


# --- Rate limit -----------------------------------------------------------------------


def is_rate_limited(ip):
    """Whether this address has used up its hour (read only: nothing is counted)."""
    return (
        ratelimit.count("proposals", ip, RATE_WINDOW_SECONDS, durable=True)
        >= settings.PROPOSAL_RATE_LIMIT
    )


def take_submission(ip):
    """Count one proposal against the address's hour; False when over the limit.

    Counting and checking are one atomic step, so proposals sent at the same
    instant cannot all pass a limit that only some of them fit in.
    """
    used = ratelimit.hit("proposals", ip, RATE_WINDOW_SECONDS, durable=True)
    return used <= settings.PROPOSAL_RATE_LIMIT


def count_submission(ip):
    """Count a caught script against the address's hour."""
    ratelimit.hit("proposals", ip, RATE_WINDOW_SECONDS, durable=True)


def retry_after():
    return ratelimit.seconds_left(RATE_WINDOW_SECONDS)


# --- E-mail ---------------------------------------------------------------------------


class SiteUrlNotSet(ImproperlyConfigured):
    pass


def _is_local(host):
    if not host or host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _absolute(path):
    """A link for an e-mail; never one to this machine when links must be real."""
    host = urlsplit(settings.SITE_URL).hostname or ""
    if not settings.EMAIL_LINKS_MAY_BE_LOCAL and _is_local(host):
        raise SiteUrlNotSet(
            "SITE_URL must be the portal's public address to send e-mails to citizens."
        )
    return settings.SITE_URL + path


def _send(template, context, recipients, language):
    with translation.override(language):
        subject = render_to_string(f"workshops/email/{template}_subject.txt", context)
        body = render_to_string(f"workshops/email/{template}_body.txt", context)
    try:
        # A header cannot hold a line break; the title in the subject may have one.
        send_mail(" ".join(subject.split()), body, None, recipients)
    except Exception:
        # The proposal is stored and its status saved; a mail server outage is
        # logged, not shown to the citizen or the editor as a failure.
        logger.exception("Could not send the %s e-mail", template)


def notify_staff_of_arrival(proposal):
    if not settings.PROPOSAL_NOTIFY_EMAILS:
        return
    # In the admin's language; the submitter's details stay in the admin, not in
    # mailboxes that keep them past the retention period.
    admin_path = reverse("admin:workshops_proposal_change", args=[proposal.pk])
    _send(
        "proposal_received_staff",
        {"proposal": proposal, "admin_url": _absolute(admin_path)},
        settings.PROPOSAL_NOTIFY_EMAILS,
        settings.LANGUAGE_CODE,
    )


def _follow_url(proposal):
    with translation.override(proposal.language):
        follow_path = reverse("workshops:proposal_follow")
    return _absolute(follow_path + "?" + urlencode({"reference": proposal.reference}))


def acknowledge_receipt(proposal):
    """The citizen who gave an e-mail gets their reference at once."""
    if not proposal.submitter_email or proposal.is_anonymized:
        return
    try:
        follow_url = _follow_url(proposal)
    except SiteUrlNotSet:
        logger.exception("Not sending the acknowledgement of %s", proposal.reference)
        return
    _send(
        "proposal_received_author",
        {"proposal": proposal, "follow_url": follow_url},
        [proposal.submitter_email],
        proposal.language,
    )


@transaction.atomic
def notify_author_of_status(proposal_pk):
    """Tell the author the published status of their proposal, once per status.

    Called after a publisher's save or publication has committed; reads the
    proposal again so that what it says is what the public page says.
    """
    proposal = Proposal.objects.select_for_update().filter(pk=proposal_pk).first()
    if (
        proposal is None
        or not proposal.is_published
        or not proposal.submitter_email
        or proposal.is_anonymized
        or proposal.status == S.RECEIVED
        or proposal.notified_status == proposal.status
    ):
        return
    try:
        follow_url = _follow_url(proposal)
    except SiteUrlNotSet:
        logger.exception("Not telling the author of %s", proposal.reference)
        return
    Proposal.objects.filter(pk=proposal.pk).update(notified_status=proposal.status)
    _send(
        "proposal_status_changed",
        {"proposal": proposal, "follow_url": follow_url},
        [proposal.submitter_email],
        proposal.language,
    )
