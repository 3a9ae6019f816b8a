from django.urls import path

from . import views

app_name = "consultations"

urlpatterns = [
    path("<str:slug>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
]
