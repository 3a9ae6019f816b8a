"""The /api/v1/ router: every app's endpoints, under one root."""

from rest_framework import routers

from consultations import api as consultations_api
from disclosure import api as disclosure_api
from petitions import api as petitions_api
from projects import api as projects_api
from workshops import api as workshops_api


def build_router():
    router = routers.DefaultRouter()
    for module in (
        projects_api,
        consultations_api,
        workshops_api,
        petitions_api,
        disclosure_api,
    ):
        for prefix, viewset, basename in module.ROUTES:
            router.register(prefix, viewset, basename=basename)
    return router
