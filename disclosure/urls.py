from django.urls import path

from . import views

app_name = "disclosure"

urlpatterns = [
    path("", views.ProactiveListView.as_view(), name="proactive_list"),
    path("<int:pk>/document.pdf", views.document, name="document"),
]
