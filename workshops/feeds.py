"""RSS and Atom feeds of published workshops, in the language of the URL."""

import html

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from .models import Workshop


class WorkshopsFeed(Feed):
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
