"""What every page's header and footer show: the commune's details."""

from django.utils.functional import SimpleLazyObject

from .models import SiteSettings


def site(request):
    # Lazy, so an answer that never shows the footer costs no query, and one that
    # shows it many times costs one.
    return {"site_settings": SimpleLazyObject(SiteSettings.current)}
