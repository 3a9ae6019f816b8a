"""Who may reach what: the admin's address, trusted proxies, security headers and
the content security policy, cookies and sessions, login throttling."""

import ipaddress
import os

from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured

from .env import env_int, env_list

# The admin's address; moving it off /admin/ spares it most scripted guessing.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/")
if not ADMIN_URL.endswith("/") or ADMIN_URL.startswith("/"):
    raise ImproperlyConfigured(
        f"ADMIN_URL must look like 'office/', not {ADMIN_URL!r}."
    )

# The proxies (addresses or networks) whose X-Real-IP / X-Forwarded-For header names
# the visitor: nginx on this machine. A request from any other address is its own
# visitor, whatever headers it sends (core/middleware.py, client_ip).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")
try:
    for _proxy in TRUSTED_PROXIES:
        ipaddress.ip_network(_proxy, strict=False)
except ValueError as _error:
    raise ImproperlyConfigured(f"TRUSTED_PROXIES: {_error}") from None

# Headers on every answer. HSTS goes out on HTTPS only, so it is safe to set here.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 63072000)  # two years
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = dict.fromkeys(
    (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    ),
    (),
)
# No inline script anywhere: a page that needs one uses {{ request.csp_nonce }}.
# Inline styles stay allowed for Bootstrap's progress bars and the API docs' page.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # NONCE adds this response's nonce, only when a template used it.
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
if os.environ.get("AWS_S3_CUSTOM_DOMAIN"):
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(
        "https://" + os.environ["AWS_S3_CUSTOM_DOMAIN"]
    )

CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Only staff and councillors have sessions: they end after a working day, or on close.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# django-axes: five wrong passwords for one account from one address lock that pair out
# for an hour; the backend must come first, and a correct login clears the count.
AUTHENTICATION_BACKENDS = [
    "core.auth.RequestAxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.middleware.client_ip"
# Cut to the length axes stores (core/auth.py): a 10 KB username is no 500.
AXES_USERNAME_CALLABLE = "core.auth.attempt_username"
AXES_VERBOSE = False
# A locked-out login gets the portal's own page, in the visitor's language.
AXES_LOCKOUT_TEMPLATE = "429.html"
