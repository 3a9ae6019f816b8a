from django.contrib.auth.views import LogoutView
from django.urls import path, reverse_lazy

from . import records

app_name = "records"

urlpatterns = [
    path("", records.MeetingRecordListView.as_view(), name="meeting_list"),
    path("login/", records.RecordsLoginView.as_view(), name="login"),
    path(
        "logout/",
        LogoutView.as_view(next_page=reverse_lazy("records:login")),
        name="logout",
    ),
    path(
        "meetings/<int:pk>/",
        records.MeetingRecordDetailView.as_view(),
        name="meeting_detail",
    ),
    path(
        "meetings/<int:pk>/print/",
        records.MeetingRecordPrintView.as_view(),
        name="meeting_print",
    ),
    path("actions/", records.FollowUpActionListView.as_view(), name="action_list"),
    path("documents/<int:pk>/", records.document, name="document"),
]
