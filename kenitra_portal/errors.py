"""The portal's own error pages, in the visitor's language and the site's layout.

Django answers a CSRF failure with its own English page; this gives it the site's
layout. 400, 403, 404 and 500 are core/errors.py's (JSON under /api/).
"""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    # `reason` is Django's English diagnosis for developers; visitors get advice.
    return render(request, "403_csrf.html", status=403)
