"""The base that every content admin shares: translation tabs and change history."""

from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin


class ContentAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_per_page = 50
