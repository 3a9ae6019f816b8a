"""The admin speaks Arabic unless its user has chosen another language."""

from django.conf import settings
from django.utils import translation


class AdminArabicByDefaultMiddleware:
    """Staff browsers often ask for French or English; the admin starts in Arabic.

    The admin is outside the /ar/ prefix, so LocaleMiddleware would follow the
    browser's Accept-Language. The language chosen in the admin's own switcher
    (the language cookie) still wins.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = "/" + settings.ADMIN_URL

    def __call__(self, request):
        if request.path.startswith(self.prefix) and not request.COOKIES.get(
            settings.LANGUAGE_COOKIE_NAME
        ):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)
