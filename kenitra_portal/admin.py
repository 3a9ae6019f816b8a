"""The commune's details in the admin: one record, in every language."""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from solo.admin import SingletonModelAdmin

from .models import SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(SingletonModelAdmin, TabbedTranslationAdmin):
    # A social address typed without its scheme is an https one.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = (
        (None, {"fields": ("official_logo",)}),
        (
            _("Contact"),
            {"fields": ("address", "phone", "email", "opening_hours")},
        ),
        (
            _("Social networks"),
            {"fields": ("facebook_url", "x_url", "instagram_url", "youtube_url")},
        ),
        (_("Personal data"), {"fields": ("cndp_declaration", "privacy_email")}),
    )
