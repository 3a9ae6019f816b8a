"""RSS and Atom feeds of published workshops and of the answers to proposals."""

import html

from django.conf import settings
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from core.syndication import PortalFeed

from .models import Proposal, Workshop


class WorkshopsFeed(PortalFeed):
    title = _("Kenitra openness program: workshops")
    description = _(
        "Workshops of the commune of Kenitra's openness program and what came of them."
    )

    def link(self):
        return reverse("workshops:workshop_list")

    def items(self):
        return Workshop.objects.published().order_by("-created_at", "-pk")[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return html.unescape(strip_tags(item.summary or item.outcomes or ""))

    def item_pubdate(self, item):
        return item.published_at or item.created_at

    def item_updateddate(self, item):
        return item.updated_at


class WorkshopsAtomFeed(WorkshopsFeed):
    feed_type = Atom1Feed
    subtitle = WorkshopsFeed.description


class ProposalAnswersFeed(PortalFeed):
    title = _("Kenitra openness program: answers to proposals")
    description = _(
        "The commune's public answers to the proposals of citizens and workshops."
    )

    def link(self):
        return reverse("workshops:proposal_list")

    def items(self):
        # The answer is written in Arabic first; the other languages fall back to it.
        answered = {
            f"public_answer_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}__gt": ""
        }
        return (
            Proposal.objects.published()
            .answered()
            .filter(answered_at__isnull=False, **answered)
            .order_by("-answered_at", "-pk")[:30]
        )

    def item_title(self, item):
        return f"{item.reference}: {item.title}" if item.reference else item.title

    def item_description(self, item):
        status = _("Status: %(status)s") % {"status": item.get_status_display()}
        answer = html.unescape(strip_tags(item.public_answer or ""))
        return "\n\n".join(part for part in (status, answer) if part)

    def item_pubdate(self, item):
        return item.answered_at

    def item_updateddate(self, item):
        return item.updated_at


class ProposalAnswersAtomFeed(ProposalAnswersFeed):
    feed_type = Atom1Feed
    subtitle = ProposalAnswersFeed.description
