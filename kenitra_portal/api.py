"""The /api/v1/ router: every app's endpoints, under one root.

An app publishes endpoints by having an `api` module with `ROUTES`; the router finds
them in the order of INSTALLED_APPS, so a new app needs no line here.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from rest_framework import routers


def app_routes():
    for config in apps.get_app_configs():
        name = f"{config.name}.api"
        if find_spec(name) is not None:
            yield from getattr(import_module(name), "ROUTES", ())


def build_router():
    router = routers.DefaultRouter()
    for prefix, viewset, basename in app_routes():
        router.register(prefix, viewset, basename=basename)
    return router
