"""Law 09-08: which personal data the portal keeps, and when it is erased.

A model that holds a citizen's personal data subclasses `PersonalDataModel` and
names the fields (`personal_data_fields`) and the date the retention period counts
from (`retention_starts`). Everything else is written here once, for every such
model: PERSONAL_DATA_RETENTION_DAYS after that date, `manage.py erase_personal_data`
blanks those fields, and staff can do it sooner on a citizen's request. The history
tables never hold these fields (each app's translation.py excludes them), and a
revision kept for review forgets them too, so the erased row is the only copy.
"""

from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Revision


class PersonalDataModel(models.Model):
    personal_data_fields = ()
    # A date or a date and time field: the day the personal data reached the commune.
    retention_starts = "created_at"

    anonymized_at = models.DateTimeField(
        _("personal data erased at"), null=True, blank=True
    )

    class Meta:
        abstract = True

    @property
    def is_anonymized(self):
        return self.anonymized_at is not None


def holders():
    """Every model that keeps personal data, from the model classes."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, PersonalDataModel) and model.personal_data_fields
    ]


def past_retention(model, now=None):
    """The rows of `model` whose personal data has been kept long enough."""
    cutoff = (now or timezone.now()) - timedelta(
        days=settings.PERSONAL_DATA_RETENTION_DAYS
    )
    if not isinstance(
        model._meta.get_field(model.retention_starts), models.DateTimeField
    ):
        cutoff = timezone.localdate(cutoff)  # a date: the day, in Kenitra
    return model._default_manager.filter(
        **{f"{model.retention_starts}__lt": cutoff}, anonymized_at__isnull=True
    )


def _blank(field):
    return None if field.null else ""


@transaction.atomic
def erase(queryset):
    """Blank the personal data of `queryset`'s rows not erased yet; returns a count."""
    model = queryset.model
    rows = list(
        queryset.filter(anonymized_at__isnull=True).values_list("pk", flat=True)
    )
    count = model._default_manager.filter(pk__in=rows).update(
        **{
            name: _blank(model._meta.get_field(name))
            for name in model.personal_data_fields
        },
        anonymized_at=timezone.now(),
    )
    # A revision keeps the record's admin form as sent, personal fields included.
    for revision in Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
        object_id__in=rows,
    ):
        revision.data = {
            key: values
            for key, values in revision.data.items()
            if key not in model.personal_data_fields
        }
        revision.save(update_fields=["data"])
    return count
