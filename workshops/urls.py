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
    path("proposals/", views.ProposalListView.as_view(), name="proposal_list"),
    path("proposals/new/", views.ProposalCreateView.as_view(), name="proposal_create"),
    path(
        "proposals/sent/<str:token>/",
        views.ProposalSentView.as_view(),
        name="proposal_sent",
    ),
    path(
        "proposals/follow/",
        views.ProposalFollowView.as_view(),
        name="proposal_follow",
    ),
    path(
        "proposals/<int:pk>/",
        views.ProposalDetailView.as_view(),
        name="proposal_detail",
    ),
    path("privacy/", views.PrivacyView.as_view(), name="privacy"),
]
