from django.urls import path

from . import calendars, views

app_name = "consultations"

# A meeting's page shows its workshops too: kenitra_portal/urls.py adds it to this
# namespace, after these (a slug could otherwise be "calendar.ics").

urlpatterns = [
    path("", views.MeetingListView.as_view(), name="meeting_list"),
    # Before the meeting pages, whose slug could otherwise be "calendar.ics".
    path("calendar.ics", calendars.UpcomingCalendarView.as_view(), name="calendar_ics"),
    path(
        "attendance-by-gender/",
        views.AttendanceByGenderView.as_view(),
        name="attendance_by_gender",
    ),
    path(
        "council-sessions.ics",
        calendars.CouncilCalendarView.as_view(),
        name="council_calendar_ics",
    ),
    path(
        "<str:slug>/calendar.ics",
        calendars.MeetingCalendarView.as_view(),
        name="meeting_ics",
    ),
]
