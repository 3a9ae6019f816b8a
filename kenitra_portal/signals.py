"""Any save or delete of content makes every cached page stale, so edits show at once.

Coarse on purpose: a project's title appears on the home page, its axis, the list,
search and the API; working out which pages show which row would be fragile, and
content changes a few times a day.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .middleware import bump_page_cache_version

CONTENT_APPS = {"projects", "consultations", "workshops"}


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def content_changed(sender, **kwargs):
    # m2m_changed fires before and after; the "post_" action is the one that counts.
    if sender._meta.app_label in CONTENT_APPS and kwargs.get(
        "action", "post_"
    ).startswith("post_"):
        bump_page_cache_version()
