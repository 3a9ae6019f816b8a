from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("axes/<str:slug>/", views.AxisDetailView.as_view(), name="axis_detail"),
    path("projects/", views.ProjectListView.as_view(), name="project_list"),
    path(
        "projects/<str:slug>/", views.ProjectDetailView.as_view(), name="project_detail"
    ),
]
