"""Proactive publication under law 31-13 on the right of access to information.

Art. 10 of law 31-13 (dahir 1.18.15 of 22 February 2018, Bulletin officiel 6655 of
12 March 2018; in force for territorial authorities since 12 March 2019) lists
the information that institutions publish without being asked. The categories
are the law's, so they live here in code; what the commune publishes for each is
a record staff keep in the admin, under the review workflow.

The list is our reading of art. 10's items (a few concern Parliament or the
Government, not a commune, and say so); README.md says to check it against the
Bulletin officiel text.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import PublishableModel, SearchableModel
from core.uploads import PDFField


class Category(models.TextChoices):
    CONVENTIONS = (
        "conventions",
        _("Agreements and conventions the commune has entered into"),
    )
    LEGAL_TEXTS = "legal_texts", _("Legislative and regulatory texts")
    DRAFT_LAWS = "draft_laws", _("Draft laws")
    FINANCE_BILLS = "finance_bills", _("Draft finance laws and their annexes")
    MEMBERS_BILLS = "members_bills", _("Law proposals by members of Parliament")
    BUDGETS = (
        "budgets",
        _(
            "The commune's budget, accounting and financial statements on its "
            "management and financial situation"
        ),
    )
    MISSIONS = (
        "missions",
        _("The commune's missions, administrative structure and how to contact it"),
    )
    RULES = "rules", _("Regulations, procedures, circulars and guides its staff apply")
    SERVICES = (
        "services",
        _(
            "The services offered to the public, the documents and information each "
            "requires, and the online services"
        ),
    )
    RIGHTS = (
        "rights",
        _(
            "The rights and duties of the public towards the commune, and the "
            "remedies open to them"
        ),
    )
    LICENCES = (
        "licences",
        _("Conditions for granting licences, authorisations and permits"),
    )
    PROCUREMENT = (
        "procurement",
        _(
            "Public procurement: forecast programmes, calls for tenders and their results"
        ),
    )
    RECRUITMENT = (
        "recruitment",
        _("Recruitment competitions and professional examinations, and their results"),
    )
    SENIOR_POSTS = "senior_posts", _("Calls for candidates to senior posts")
    REPORTS = "reports", _("Reports, programmes, communiqués and studies")
    STATISTICS = "statistics", _("Statistics on the economic and social situation")
    INFORMATION_OFFICER = (
        "information_officer",
        _("The contact of the person in charge of receiving requests for information"),
    )


# Items of art. 10 that concern Parliament and the Government, not a commune.
NOT_FOR_A_COMMUNE = frozenset(
    {Category.DRAFT_LAWS, Category.FINANCE_BILLS, Category.MEMBERS_BILLS}
)
# Where each category comes from: all from art. 10, but the information officer
# is named by art. 12.
ARTICLE = dict.fromkeys(Category, "10") | {Category.INFORMATION_OFFICER: "12"}


class ProactiveItem(SearchableModel, PublishableModel):
    """One thing the commune publishes for a category of art. 10."""

    category = models.CharField(
        _("category (law 31-13, art. 10)"),
        max_length=30,
        choices=Category.choices,
        db_index=True,
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(
        _("address"),
        blank=True,
        help_text=_(
            "Where it is published: on this portal, chafafiya.ma or elsewhere."
        ),
    )
    document = PDFField(_("document"), upload_to="disclosure/", blank=True)
    date = models.DateField(
        _("date of publication"),
        help_text=_("When the commune published it (or its latest version)."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    search_fields = ("title", "description")
    search_kind = "published_information"
    search_order = 85
    search_recent = ("date",)
    search_snippet_fields = ("description", "title")

    class Meta:
        ordering = ["category", "order", "-date", "id"]
        verbose_name = _("proactively published item")
        verbose_name_plural = _("proactively published items")
        constraints = [
            models.CheckConstraint(
                condition=~Q(url="") | ~Q(document=""),
                name="proactive_item_has_url_or_document",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        # PDFField gives this as the document's address: the view that serves a
        # published item's file, never the storage's.
        if self.document:
            return reverse("disclosure:document", kwargs={"pk": self.pk})
        return reverse("disclosure:proactive_list") + f"#{self.category}"

    def clean(self):
        if not self.url and not self.document:
            raise ValidationError(
                _("Give the address where it is published, or upload the document.")
            )

    @property
    def link(self):
        return self.get_absolute_url() if self.document else self.url
