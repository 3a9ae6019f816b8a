from django.contrib import admin

from core.admin import ContentAdmin

from .models import ProactiveItem


@admin.register(ProactiveItem)
class ProactiveItemAdmin(ContentAdmin):
    """What the commune publishes for each category of law 31-13, art. 10."""

    list_display = ("title", "category", "date", "publication_status", "updated_at")
    list_filter = ("category",)
    date_hierarchy = "date"
    search_fields = ("title_ar", "title_fr", "title_en")
