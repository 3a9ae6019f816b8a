"""`manage.py load_kenitra`: the launch meeting's press article, loaded whole and as is.

The expected Arabic below is copied from the article, and each test checks it against
the seed file too, so a loader that drops or rewords something fails here.
"""

import pytest

from consultations.models import (
    AgendaItem,
    Meeting,
    Membership,
    Organization,
    Participation,
    Person,
    PressCoverage,
    Venue,
)
from kenitra_portal.content.loader import mend_line_breaks
from kenitra_portal.management.commands.load_kenitra import Command
from projects.models import Axis, Goal, Program, Project
from tests.kenitra_portal.kenitra_article import (
    ARTICLE_COPY_TEXT,
    EQUALITY_BODY,
    LAUNCH_TITLE,
    SEED_FILE,
    SESSION_TITLE,
    article_text,
    assert_translated,
    in_the_article,
)
from workshops.models import Workshop

# (number, title, projects, goals, how the article joins the goals in one line)
AXES = [
    (
        1,
        "الرقمنة وجودة الخدمات الجماعية",
        ["الأيام المفتوحة الرقمية بجماعة القنيطرة"],
        ["التعريف بالخدمات الرقمية المتاحة للمواطنين"],
        "",
    ),
    (
        2,
        "الثقافة والرياضة",
        [
            "إحداث وتجهيز متحف رياضي بالملعب البلدي",
            "تنظيم مهرجان دولي لفنون الطبخ بمنطقة الغرب",
        ],
        ["تعزيز الاهتمام بالرياضة والثقافة", "الترويج للمدينة كوجهة سياحية وثقافية"],
        "، و",
    ),
    (
        3,
        "المشاركة المواطنة",
        ["إحداث هيئات استشارية"],
        ["تعزيز المشاركة المواطنة والثقة بين الجماعة والمواطنين"],
        "",
    ),
    (
        4,
        "البيئة والتنمية المستدامة",
        ["توحيد لون البنايات لتعزيز الهوية البصرية", "حملات توعوية بيئية"],
        [
            "نشر الوعي البيئي",
            "تعزيز الشراكة بين المواطنين والجماعة في إدارة الشؤون البيئية",
        ],
        " و",
    ),
]

# (name, honorific, gender, role at the meeting, meeting)
PARTICIPANTS = [
    ("الحسين مفتي", "السيد", "male", "نائب رئيس جماعة القنيطرة", LAUNCH_TITLE),
    ("محمد بشري", "السيد", "male", "مدير المصالح الجماعية", LAUNCH_TITLE),
    (
        "بدر الدين بلخيري",
        "السيد",
        "male",
        "نائب رئيس جماعة القنيطرة المكلف بمصلحة الشرطة الإدارية",
        SESSION_TITLE,
    ),
    (
        "نعيمة هدي",
        "السيدة",
        "female",
        "مستشارة جماعية ورئيسة لجنة المرافق العمومية",
        SESSION_TITLE,
    ),
    ("خديجة هيسوفة", "السيدة", "female", "مستشارة جماعية", SESSION_TITLE),
    ("محمد مبريكة", "السيد", "male", "على رأس موظفي وموظفات الجماعة", SESSION_TITLE),
]
# The article states this role as "the staff ..., headed by Mr Mohamed Mbarika".
AS_THE_ARTICLE_PUTS_IT = {
    "على رأس موظفي وموظفات الجماعة": "موظفي وموظفات الجماعة وعلى رأسهم السيد محمد مبريكة"
}

# (person, organization, role title)
MEMBERSHIPS = {
    ("الحسين مفتي", "جماعة القنيطرة", "نائب رئيس جماعة القنيطرة"),
    ("محمد بشري", "جماعة القنيطرة", "مدير المصالح الجماعية"),
    (
        "بدر الدين بلخيري",
        "جماعة القنيطرة",
        "نائب رئيس جماعة القنيطرة المكلف بمصلحة الشرطة الإدارية",
    ),
    ("نعيمة هدي", "جماعة القنيطرة", "مستشارة جماعية"),
    ("نعيمة هدي", "لجنة المرافق العمومية", "رئيسة"),
    ("خديجة هيسوفة", "جماعة القنيطرة", "مستشارة جماعية"),
    ("محمد مبريكة", "جماعة القنيطرة", "على رأس موظفي وموظفات الجماعة"),
}


@pytest.mark.django_db
def test_the_embedded_copy_of_the_article_equals_the_seed_file():
    if not SEED_FILE.is_file():
        pytest.skip(f"{SEED_FILE} is not in this checkout")
    assert SEED_FILE.read_text(encoding="utf-8") == ARTICLE_COPY_TEXT


def test_the_summary_says_what_was_loaded(loaded):
    assert (
        "Loaded: 1 program, 4 axes, 6 projects, 6 goals, 1 venue, 4 organizations,"
        " 6 people, 7 memberships, 2 meetings, 6 agenda items, 7 participations,"
        " 4 workshops, 1 press article." in loaded
    )


def test_program_is_published_with_its_title_and_summary(loaded):
    program = Program.objects.get()
    assert program.title_ar == "برنامج انفتاح جماعة القنيطرة"
    assert in_the_article(program.title_ar)
    assert_translated(program, "title")
    assert_translated(program, "summary")
    assert program.is_published


def test_every_axis_project_and_goal_is_loaded_in_three_languages(loaded):
    assert Axis.objects.count() == 4
    for number, title, project_titles, goal_titles, joiner in AXES:
        axis = Axis.objects.get(number=number)
        assert axis.title_ar == title
        assert in_the_article(f": {title}**")
        assert_translated(axis, "title")
        assert axis.is_published

        projects = list(axis.projects.order_by("order"))
        assert [p.title_ar for p in projects] == project_titles
        for project in projects:
            assert in_the_article(f":** {project.title_ar}.")
            assert_translated(project, "title")
            assert project.status == "proposed"
            assert project.progress == 0
            assert project.is_published

        goals = list(axis.goals.order_by("order"))
        assert [g.title_ar for g in goals] == goal_titles
        for goal in goals:
            assert_translated(goal, "title")
        # The goals, joined as the article joins them, give back its line word for word.
        assert in_the_article(f"**الأهداف:** {joiner.join(goal_titles)}.")
    assert Project.objects.count() == 6
    assert Goal.objects.count() == 6


def test_a_goal_names_its_project_only_where_the_axis_has_one_project(loaded):
    for goal in Goal.objects.select_related("axis"):
        if goal.axis.projects.count() == 1:
            assert goal.project == goal.axis.projects.get()
        else:
            assert goal.project is None


def test_meeting_is_held_at_the_venue_organised_by_the_commune(launch):
    assert launch.kind == "consultation"
    assert launch.status == "held"
    assert launch.is_published
    assert launch.venue.name_ar == "قاعة الندوات بالقصر البلدي"
    assert launch.venue.city_ar == "القنيطرة"
    assert Venue.objects.count() == 1
    assert in_the_article("بقاعة الندوات بالقصر البلدي بالقنيطرة")
    assert_translated(launch.venue, "name")
    assert_translated(launch.venue, "city")
    assert launch.organizer.name_ar == "جماعة القنيطرة"
    assert launch.organizer.kind == "commune"
    assert sorted(a.number for a in launch.axes.all()) == [1, 2, 3, 4]
    assert launch.projects.count() == 6
    assert in_the_article(launch.title_ar)
    assert_translated(launch, "title")


def test_meeting_keeps_what_the_article_says_of_its_time_attendance_and_outcome(launch):
    assert launch.date_text_ar == "صباح يوم الأربعاء"
    assert launch.date_text_fr == "Mercredi matin"
    assert launch.date_text_en == "Wednesday morning"
    assert launch.attendance_note_ar == (
        "حضور عدد كبير من المسؤولين والفاعلين في المجتمع المدني، بالإضافة إلى ممثلي"
        " الجماعة، وموظفي وموظفات الجماعة"
    )
    assert_translated(launch, "attendance_note")
    assert launch.summary_ar == (
        "يعد هذا اللقاء خطوة مهمة نحو تعزيز التعاون بين جماعة القنيطرة والمواطنين،"
        " وتحقيق أهداف برنامج الانفتاح، خاصة في مجال الرقمنة وتحسين جودة الخدمات"
        " الجماعية."
    )
    assert in_the_article(launch.summary_ar)
    assert_translated(launch, "summary")


def test_every_person_has_the_role_title_the_article_gives(loaded):
    assert Person.objects.count() == len(PARTICIPANTS)
    for name, honorific, gender, role, meeting_title in PARTICIPANTS:
        person = Person.objects.get(name_ar=name)
        assert in_the_article(f"{honorific} {name}")
        assert in_the_article(AS_THE_ARTICLE_PUTS_IT.get(role, role))
        assert person.honorific_ar == honorific
        assert person.gender == gender
        assert_translated(person, "name")
        assert_translated(person, "honorific")
        participation = Participation.objects.get(person=person)
        assert participation.meeting.title_ar == meeting_title
        assert participation.role_ar == role
        assert_translated(participation, "role")
    assert Person.objects.get(name_ar="نعيمة هدي").honorific_fr == "Mme"
    assert Person.objects.get(name_ar="الحسين مفتي").name_fr == "El Houssine Mofti"


def test_memberships_record_each_role_in_its_organization(loaded):
    memberships = {
        (m.person.name_ar, m.organization.name_ar, m.role_ar)
        for m in Membership.objects.select_related("person", "organization")
    }
    assert memberships == MEMBERSHIPS
    for membership in Membership.objects.all():
        assert_translated(membership, "role")
    committee = Organization.objects.get(name_ar="لجنة المرافق العمومية")
    assert committee.kind == "commune_body"
    assert committee.parent.name_ar == "جماعة القنيطرة"


def test_the_unnamed_equality_representative_is_recorded_for_the_body(launch):
    participation = Participation.objects.get(
        meeting=launch, organization__name_ar=EQUALITY_BODY
    )
    assert participation.person is None
    assert participation.role_ar == f"ممثل {EQUALITY_BODY}"
    assert participation.spoke
    assert_translated(participation, "role")
    body = participation.organization
    assert body.kind == "commune_body"
    assert body.parent == launch.organizer
    assert_translated(body, "name")
    item = AgendaItem.objects.get(speaker=participation)
    assert in_the_article(item.description_ar)
    for words in (
        "ضرورة تحسين آليات العمل بالمشروع",
        "أهمية التواصل الدائم",
        "شكر الحضور على انخراطهم ومساهمتهم",
        "تتماشى مع التوجهات الدولية",
    ):
        assert words in item.description_ar


def test_agenda_follows_the_article_with_its_speakers(launch):
    items = list(launch.agenda_items.select_related("speaker__person"))
    assert [item.order for item in items] == [1, 2, 3, 4, 5, 6]
    speakers = [
        item.speaker and (item.speaker.person or item.speaker.organization).name_ar
        for item in items
    ]
    assert speakers == [None, "الحسين مفتي", "محمد بشري", EQUALITY_BODY, None, None]
    assert "استقبال المشاركين" in items[0].title_ar
    assert "رحب السيد الحسين مفتي بالجميع" in items[1].description_ar
    assert "أهمية اللقاء في تعزيز التواصل بين الجماعة والمواطنين" in (
        items[1].description_ar
    )
    assert "عرضاً شاملاً حول برنامج العمل" in items[2].description_ar
    assert "بقيادة ممثلين عن جمعيات المجتمع المدني" in items[4].description_ar
    assert "تبادل الأفكار وتقديم اقتراحات لتحسين جودة الخدمات" in (
        items[4].description_ar
    )
    assert "الرقمنة وجودة الخدمات الجماعية" in items[5].title_ar
    for item in items:
        assert_translated(item, "title")
        assert_translated(item, "description")
    assert all(item.speaker.spoke for item in items if item.speaker)


def test_the_continued_session_on_digitalisation_has_its_four_participants(launch):
    session = Meeting.objects.get(title_ar=SESSION_TITLE)
    assert in_the_article(f"ب{SESSION_TITLE}")
    assert session.kind == "session"
    assert session.parent == launch
    assert session.status == "held"
    assert session.is_published
    assert [a.number for a in session.axes.all()] == [1]
    assert_translated(session, "title")
    names = [
        p.person.name_ar
        for p in session.participations.select_related("person").order_by("order")
    ]
    assert names == ["بدر الدين بلخيري", "نعيمة هدي", "خديجة هيسوفة", "محمد مبريكة"]
    assert "محمد مبريكة" in session.attendance_note_ar


def test_workshops_on_the_priority_axes_are_one_workshop_per_axis(launch):
    """The article's "workshops on the priority axes" are recorded one per axis."""
    assert "one workshop per axis" in Command.help
    workshops = list(Workshop.objects.select_related("axis").order_by("order"))
    assert [w.axis.number for w in workshops] == [1, 2, 3, 4]
    for workshop in workshops:
        assert workshop.meeting == launch
        assert workshop.is_published
        assert set(workshop.projects.all()) == set(workshop.axis.projects.all())
        assert workshop.facilitators_note_ar == "ممثلين عن جمعيات المجتمع المدني"
        assert in_the_article(workshop.facilitators_note_ar)
        assert "تبادل الأفكار وتقديم اقتراحات لتحسين جودة الخدمات" in (
            workshop.summary_ar
        )
        assert_translated(workshop, "title")
        assert_translated(workshop, "summary")
        assert_translated(workshop, "facilitators_note")


def test_press_coverage_keeps_the_full_article(launch):
    coverage = PressCoverage.objects.get()
    assert coverage.meeting == launch
    assert coverage.outlet.name_ar == "مغربية بريس"
    assert coverage.outlet.name_fr == "Maghribia Press"
    assert coverage.outlet.kind == "press"
    assert coverage.byline == "متابعة خاصة: قسم التحرير"
    assert coverage.language == "ar"
    assert coverage.text == mend_line_breaks(article_text())


def test_no_line_of_the_article_starts_with_a_comma(launch):
    lines = PressCoverage.objects.get().text.splitlines()
    assert not [line for line in lines if line.lstrip().startswith("،")]
    assert "مستمرًا" in PressCoverage.objects.get().text


def test_nothing_the_article_does_not_say_is_invented(launch):
    assert launch.start is None
    assert launch.end is None
    assert Meeting.objects.get(title_ar=SESSION_TITLE).start is None
    assert PressCoverage.objects.get().date is None
    assert PressCoverage.objects.get().url == ""
    assert not Organization.objects.filter(kind="association").exists()
    for workshop in Workshop.objects.all():
        assert not workshop.facilitators.exists()
        assert workshop.outcomes_ar in ("", None)
    for project in Project.objects.all():
        assert project.start_date is None
        assert project.budget is None
        assert not project.summary_ar
    assert Program.objects.get().start_date is None


def test_anonymous_visitor_sees_the_meeting_and_its_speakers(client, launch):
    response = client.get(launch.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    for text in (LAUNCH_TITLE, "الحسين مفتي", "محمد بشري", EQUALITY_BODY):
        assert text in page
