"""The commune's own details: the one model of the top floor."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from solo.models import SingletonModel

from core.uploads import SafeImageField


class SiteSettings(SingletonModel):
    """The commune's own details, one record that staff edit in the admin.

    Shown in the footer and on the contact, legal, accessibility and privacy pages;
    an empty field is simply left out of them.
    """

    official_logo = SafeImageField(
        _("official logo"),
        upload_to="site/",
        blank=True,
        help_text=_(
            "The commune's official logo (PNG or JPEG). Without it the header shows "
            "the program's emblem."
        ),
    )
    address = models.TextField(_("postal address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    x_url = models.URLField(_("X (Twitter) account"), blank=True)
    instagram_url = models.URLField(_("Instagram account"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    cndp_declaration = models.CharField(
        _("CNDP declaration number"),
        max_length=80,
        blank=True,
        help_text=_(
            "The number the CNDP gave the declaration of the proposals' processing "
            "of personal data (law 09-08)."
        ),
    )
    privacy_email = models.EmailField(
        _("personal data contact"),
        blank=True,
        help_text=_("Where citizens write to see, correct or erase their data."),
    )

    class Meta:
        verbose_name = _("commune's details")
        verbose_name_plural = _("commune's details")

    def __str__(self):
        return str(self._meta.verbose_name)

    @classmethod
    def current(cls):
        """The saved record, or an empty one: reading never writes.

        django-solo's get_solo() creates the record on first read, and a save empties
        the page cache: a page that only shows the footer must not do that.
        """
        return cls.objects.filter(pk=cls.singleton_instance_id).first() or cls()

    def social_links(self):
        """(name, address) of each social account given, in a fixed order."""
        links = (
            ("Facebook", self.facebook_url),
            ("X", self.x_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
        )
        return [(name, url) for name, url in links if url]

    @property
    def cndp_number(self):
        return self.cndp_declaration or settings.CNDP_DECLARATION_NUMBER

    @property
    def privacy_contact(self):
        return self.privacy_email or settings.PRIVACY_CONTACT_EMAIL or self.email
