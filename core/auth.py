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
