from django.urls import path

from . import views

app_name = "projects"

# The home page and a project's page show other apps too: kenitra_portal/urls.py adds
# them to this namespace.

urlpatterns = [
    path("axes/<str:slug>/", views.AxisDetailView.as_view(), name="axis_detail"),
    path("projects/", views.ProjectListView.as_view(), name="project_list"),
]
