"""RSS and Atom feeds of the published updates of published projects."""

import datetime
import html

from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from core.syndication import PortalFeed

from .models import Project, ProjectUpdate


class ProjectUpdatesFeed(PortalFeed):
    title = _("Kenitra openness program: project updates")
    description = _("News of the progress of the openness program's projects.")

    def link(self):
        return reverse("projects:project_list")

    def items(self):
        return (
            ProjectUpdate.objects.published()
            # An update of a draft project would lead to a page nobody may see.
            .filter(project__in=Project.objects.published())
            .select_related("project")[:30]
        )

    def item_title(self, item):
        return f"{item.project.title}: {item.title}"

    def item_description(self, item):
        return html.unescape(strip_tags(item.text or ""))

    def item_link(self, item):
        return f"{item.project.get_absolute_url()}#update-{item.pk}"

    def item_pubdate(self, item):
        # The update's own date is what it reports on; midnight, Kenitra time.
        return datetime.datetime.combine(
            item.date, datetime.time(), tzinfo=timezone.get_default_timezone()
        )

    def item_updateddate(self, item):
        return item.updated_at


class ProjectUpdatesAtomFeed(ProjectUpdatesFeed):
    feed_type = Atom1Feed
    subtitle = ProjectUpdatesFeed.description
