from django.urls import path

from . import views

app_name = "workshops"

urlpatterns = [
    path("workshops/", views.WorkshopListView.as_view(), name="workshop_list"),
    path(
        "workshops/<str:slug>/",
        views.WorkshopDetailView.as_view(),
        name="workshop_detail",
    ),
    path(
        "proposals/<int:pk>/",
        views.ProposalDetailView.as_view(),
        name="proposal_detail",
    ),
]
