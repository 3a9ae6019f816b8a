"""The pages about the portal itself: contact, legal notice, accessibility,
the open-data licence (how to subscribe to feeds and calendars: views.FeedsView)."""

from django.templatetags.static import static
from django.views.generic import RedirectView, TemplateView

from .exports import LICENCE


class ContactView(TemplateView):
    template_name = "pages/contact.html"


class LegalNoticeView(TemplateView):
    template_name = "pages/legal_notice.html"


class AccessibilityView(TemplateView):
    template_name = "pages/accessibility.html"


class LicenceView(TemplateView):
    template_name = "pages/licence.html"
    extra_context = {"licence": LICENCE}


class FaviconView(RedirectView):
    """Browsers ask for /favicon.ico whatever the page says: send them the file."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        # Looked up per request: with hashed names the manifest exists only after
        # collectstatic, which comes after the URLs are imported.
        return static("img/favicon.ico")
