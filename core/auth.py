"""django-axes' throttling, applied wherever a login comes from the network."""

from axes.backends import AxesStandaloneBackend


class RequestAxesBackend(AxesStandaloneBackend):
    """Throttles logins that come with a request; lets request-less ones through.

    Every login over HTTP (the admin, the records area, DRF) passes its request.
    A call without one has no client address to throttle: a management command, or
    the test client's `login()`, which Django calls without a request.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


# django-axes keeps the username of each failed login in a column of this length.
ATTEMPT_USERNAME_LENGTH = 255


def attempt_username(request, credentials=None):
    """The username a failed login is counted under, cut to what axes can store.

    Django's login form does not limit the username it authenticates with; a longer
    one matches no account anyway, and uncut it would not fit PostgreSQL's column.
    """
    username = (credentials or {}).get("username")
    if username is None:
        username = request.POST.get("username", "") if request is not None else ""
    return str(username)[:ATTEMPT_USERNAME_LENGTH]
