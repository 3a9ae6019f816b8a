from django.urls import path

from . import views

app_name = "petitions"

urlpatterns = [
    path("", views.PetitionListView.as_view(), name="petition_list"),
    path("how-to-file/", views.HowToFileView.as_view(), name="how_to_file"),
    path("<int:pk>/", views.PetitionDetailView.as_view(), name="petition_detail"),
]
