"""Attendance of meetings by gender, per year and per axis, for the equality,
equal-opportunities and gender commission (organic law 113-14, art. 120)."""

from django.db.models import Prefetch
from django.utils.translation import get_language_bidi
from rest_framework import serializers

from projects.models import Axis

from .models import Meeting, Participation

# Bar colours of the chart: every attendee, the women among them.
BARS = (("total", "#8fbfae"), ("women", "#b45309"))


def published_meetings():
    """Published meetings with what the counts need, in three queries."""
    return (
        Meeting.objects.published()
        .order_by("start", "pk")
        .prefetch_related(
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("person"),
            ),
            Prefetch("axes", queryset=Axis.objects.published()),
        )
    )


def _add(into, counts):
    for key in ("total", "women", "named", "others", "meetings"):
        into[key] = into.get(key, 0) + counts.get(key, 1 if key == "meetings" else 0)


def figures(meetings=None):
    """{"by_year": [...], "by_axis": [...], "all": {...}}; each row has total,
    women, named, others, meetings, and the geometry of its chart bars."""
    by_year, by_axis, overall = {}, {}, {}
    for meeting in meetings if meetings is not None else published_meetings():
        counts = meeting.attendance_by_gender()
        if not counts["total"]:
            continue
        year = meeting.start.year if meeting.start else None
        _add(by_year.setdefault(year, {"year": year}), counts)
        for axis in meeting.axes.all():
            _add(by_axis.setdefault(axis.pk, {"axis": axis}), counts)
        _add(overall, counts)
    years = sorted(by_year.values(), key=lambda row: (row["year"] is None, row["year"]))
    axes = sorted(
        by_axis.values(), key=lambda row: (row["axis"].program_id, row["axis"].number)
    )
    largest = max((row["total"] for row in [*years, *axes]), default=0) or 1
    rtl = get_language_bidi()
    for row in [*years, *axes]:
        row["bars"] = []
        for index, (key, colour) in enumerate(BARS):
            width = round(100 * row[key] / largest, 1)
            row["bars"].append(
                {
                    "x": 100 - width if rtl else 0,
                    "y": index * 10,
                    "width": width,
                    "colour": colour,
                }
            )
    return {"by_year": years, "by_axis": axes, "all": overall}


def rows():
    """The per-year rows, then the per-axis rows, for the open-data files."""
    result = figures()
    return [*result["by_year"], *result["by_axis"]]


class GenderFiguresSerializer(serializers.Serializer):
    """One row of the attendance-by-gender figures: a year or an axis."""

    group = serializers.SerializerMethodField(help_text="`year` or `axis`.")
    year = serializers.IntegerField(allow_null=True, default=None)
    axis = serializers.SerializerMethodField()
    meetings = serializers.IntegerField()
    total = serializers.IntegerField()
    women = serializers.IntegerField()
    named = serializers.IntegerField()
    others = serializers.IntegerField()

    def get_group(self, row) -> str:
        return "axis" if "axis" in row else "year"

    def get_axis(self, row) -> str | None:
        return str(row["axis"].title) if "axis" in row else None
