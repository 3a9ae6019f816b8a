"""The /api/v1/ router: every app's endpoints, under one root.

An app publishes endpoints by having an `api` module with `ROUTES`, and open-data
downloads with `DATASETS` beside them; both are found in the order of
INSTALLED_APPS, so a new app needs no line here.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from rest_framework import routers


def from_app_apis(name):
    """Every item of the list `name` of each app's `api` module."""
    for config in apps.get_app_configs():
        module = f"{config.name}.api"
        if find_spec(module) is not None:
            yield from getattr(import_module(module), name, ())


def build_router():
    router = routers.DefaultRouter()
    for prefix, viewset, basename in from_app_apis("ROUTES"):
        router.register(prefix, viewset, basename=basename)
    return router
