"""The portal's own error pages, in the visitor's language and the site's layout.

Django's defaults render 400 without the request (so without the language and the
header) and answer a CSRF failure with its own English page; these give every error
the site's layout. The 500 page stays Django's handler over a template that needs no
database (templates/500.html).
"""

from django.shortcuts import render


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def csrf_failure(request, reason=""):
    # `reason` is Django's English diagnosis for developers; visitors get advice.
    return render(request, "403_csrf.html", status=403)
