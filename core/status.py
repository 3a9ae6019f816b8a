"""The states of a publishable record, apart from the models: the search index of
published documents (core.search.documents) names one, and the models store their
search documents with that module."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
