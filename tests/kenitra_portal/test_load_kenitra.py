"""`manage.py load_kenitra`: the launch meeting's press article, loaded whole and as is.

The expected Arabic below is copied from the article, and each test checks it against
the seed file too, so a loader that drops or rewords something fails here.
"""

import datetime
import re
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase
from django.utils import timezone, translation

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
from core import publishing
from core.models import PublicationStatus
from kenitra_portal.content.loader import ARTICLE_COPY, mend_line_breaks, read_content
from kenitra_portal.management.commands.load_kenitra import SEED_ARTICLE, Command
from projects.models import Axis, Goal, Program, Project
from workshops.models import Workshop

SEED_FILE = settings.BASE_DIR.parent / SEED_ARTICLE
PUBLISHED_MODELS = (Program, Axis, Project, Meeting, Workshop)
ARTICLE_COPY_TEXT = ARTICLE_COPY.read_text(encoding="utf-8")
ARABIC = re.compile("[\u0600-\u06ff]")
LAUNCH_TITLE = "لقاء تشاوري مباشر حول برنامج انفتاح جماعة القنيطرة"
SESSION_TITLE = "مناقشة موضوع الرقمنة وجودة الخدمات الجماعية"
EQUALITY_BODY = "هيئة المساواة وتكافؤ الفرص ومقاربة النوع"

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


def article_text():
    if SEED_FILE.is_file():
        return SEED_FILE.read_text(encoding="utf-8")
    return ARTICLE_COPY_TEXT


def in_the_article(text):
    """True when the words appear in the article, whatever its line breaks."""
    return " ".join(text.split()) in " ".join(article_text().split())


def load(*args):
    out = StringIO()
    call_command("load_kenitra", *args, stdout=out)
    return out.getvalue()


def assert_translated(obj, field):
    """Arabic as given, French and English present and not Arabic left in place."""
    assert getattr(obj, f"{field}_ar")
    for code in ("fr", "en"):
        value = getattr(obj, f"{field}_{code}")
        assert value, f"{obj!r}.{field}_{code} is empty"
        assert not ARABIC.search(value), f"{obj!r}.{field}_{code} is not translated"


def snapshot():
    """Every row of every table of the three apps, history and links included."""
    rows = {}
    for label in ("projects", "consultations", "workshops"):
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            rows[model._meta.label] = list(model.objects.order_by("pk").values())
    return rows


@pytest.fixture
def loaded(db):
    return load()


@pytest.fixture
def launch(loaded):
    return Meeting.objects.get(title_ar=LAUNCH_TITLE)


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


def test_everything_loaded_is_published(loaded):
    for model in PUBLISHED_MODELS:
        assert model.objects.exists()
        assert model.objects.published().count() == model.objects.count()


def test_records_are_published_through_the_publishing_module_by_the_system(db):
    moves = []
    publishing.publication_changed.connect(
        lambda sender, **kw: moves.append((sender, kw["previous"], kw["by"])),
        weak=False,
        dispatch_uid="load_kenitra_test",
    )
    try:
        with TestCase.captureOnCommitCallbacks(execute=True):
            load()
    finally:
        publishing.publication_changed.disconnect(dispatch_uid="load_kenitra_test")

    published = sum(model.objects.count() for model in PUBLISHED_MODELS)
    assert len(moves) == published
    assert {(previous, by) for _model, previous, by in moves} == {(None, None)}
    for model in PUBLISHED_MODELS:
        for obj in model.objects.all():
            assert obj.published_at is not None
            (row,) = obj.history.all()
            assert row.history_change_reason == publishing.PUBLISHED_REASON
            assert row.history_user is None


def test_a_later_run_leaves_a_record_a_publisher_unpublished_off_the_site(
    loaded, publisher
):
    project = Project.objects.first()
    publishing.move(project, PublicationStatus.DRAFT, by=publisher)
    before = snapshot()

    load()

    assert snapshot() == before
    project.refresh_from_db()
    assert not project.is_published


def test_anonymous_visitor_sees_the_meeting_and_its_speakers(client, launch):
    response = client.get(launch.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    for text in (LAUNCH_TITLE, "الحسين مفتي", "محمد بشري", EQUALITY_BODY):
        assert text in page


def test_running_it_twice_changes_no_row(loaded):
    before = snapshot()
    output = load()
    assert snapshot() == before
    assert "Rows created: 0, updated: 0" in output


def test_a_second_run_restores_the_article_wording_and_bumps_the_version(loaded):
    axis = Axis.objects.get(number=2)
    Axis.objects.filter(pk=axis.pk).update(title_fr="Sports")
    load()
    axis.refresh_from_db()
    assert axis.title_fr == "Culture et sport"
    assert axis.version == 2
    assert Axis.objects.count() == 4


def test_date_sets_a_wednesday_morning_start_in_kenitra(db):
    output = load("--date", "2024-05-15")
    launch = Meeting.objects.get(title_ar=LAUNCH_TITLE)
    assert launch.start == datetime.datetime(
        2024, 5, 15, 9, 0, tzinfo=ZoneInfo("Africa/Casablanca")
    )
    assert launch.date_text_ar == "صباح يوم الأربعاء"
    assert PressCoverage.objects.get().date == datetime.date(2024, 5, 15)
    assert "1 program" in output


def test_a_later_run_without_date_keeps_the_date(db):
    load("--date", "2024-05-15")
    load()
    assert Meeting.objects.get(title_ar=LAUNCH_TITLE).start is not None
    assert PressCoverage.objects.get().date == datetime.date(2024, 5, 15)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-05-16", "2024-05-16 is a Thursday"),
        ("15/05/2024", "write it as YYYY-MM-DD"),
        ("2024-02-30", "write it as YYYY-MM-DD"),
    ],
)
def test_date_that_is_not_a_wednesday_is_refused_and_nothing_loaded(db, value, message):
    with pytest.raises(CommandError, match=message):
        load("--date", value)
    assert not Meeting.objects.exists()


def test_date_in_the_future_is_refused(db):
    today = timezone.localdate()
    next_wednesday = today + datetime.timedelta(days=(2 - today.weekday()) % 7 or 7)
    with pytest.raises(CommandError, match="in the future"):
        load("--date", next_wednesday.isoformat())


def test_associations_are_linked_to_every_workshop(db):
    load("--association", "جمعية الأمل", "--association", "جمعية الغرب للتنمية")
    associations = Organization.objects.filter(kind="association")
    assert sorted(a.name_ar for a in associations) == [
        "جمعية الأمل",
        "جمعية الغرب للتنمية",
    ]
    assert all(a.slug for a in associations)
    for workshop in Workshop.objects.all():
        assert set(workshop.facilitators.all()) == set(associations)


def test_associations_stay_linked_and_are_not_duplicated_on_later_runs(db):
    load("--association", "جمعية الأمل")
    load("--association", "  جمعية   الأمل ")
    load()
    association = Organization.objects.get(kind="association")
    assert association.name_ar == "جمعية الأمل"
    for workshop in Workshop.objects.all():
        assert list(workshop.facilitators.all()) == [association]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("   ", "cannot be empty"),
        ("جماعة القنيطرة", "not an association"),
    ],
)
def test_association_name_that_cannot_be_an_association_is_refused(db, name, message):
    load()
    with pytest.raises(CommandError, match=message):
        load("--association", name)
    assert not Organization.objects.filter(kind="association").exists()
    assert not Workshop.objects.filter(facilitators__isnull=False).exists()


def test_article_option_reads_the_text_from_that_file(db, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("نص المقال كما نشر", encoding="utf-8")
    load("--article", str(article))
    assert PressCoverage.objects.get().text == "نص المقال كما نشر"


def test_missing_article_file_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        load("--article", str(tmp_path / "missing.txt"))
    assert not Meeting.objects.exists()


def test_without_the_shared_folder_the_embedded_copy_is_loaded(db, settings, tmp_path):
    settings.BASE_DIR = tmp_path / "main"
    output = load()
    assert PressCoverage.objects.get().text == mend_line_breaks(ARTICLE_COPY_TEXT)
    assert "the copy in kenitra_portal/content/" in output


def test_verbosity_zero_loads_silently(db):
    out = StringIO()
    call_command("load_kenitra", verbosity=0, stdout=out)
    assert out.getvalue() == ""
    assert Meeting.objects.count() == 2


TIFINAGH = re.compile("[\u2d30-\u2d7f]")


def test_the_data_file_gives_arabic_french_and_english_and_only_the_sites_languages():
    codes = {code for code, _name in settings.LANGUAGES}

    def translated_values(node):
        if isinstance(node, dict):
            if "ar" in node and all(isinstance(v, str) for v in node.values()):
                yield node
            else:
                for value in node.values():
                    yield from translated_values(value)
        elif isinstance(node, list):
            for value in node:
                yield from translated_values(value)

    values = list(translated_values(read_content()))
    assert len(values) > 50
    for texts in values:
        assert {"ar", "fr", "en"} <= set(texts) <= codes, texts
        if "zgh" in texts:
            assert TIFINAGH.search(texts["zgh"]) and not ARABIC.search(texts["zgh"])


def assert_tamazight(obj, field):
    value = getattr(obj, f"{field}_zgh")
    assert value and TIFINAGH.search(value), f"{obj!r}.{field}_zgh is not Tifinagh"
    assert not ARABIC.search(value) and not re.search("[A-Za-z]", value)


def test_program_axes_projects_goals_and_meeting_are_written_in_tifinagh(launch):
    assert_tamazight(Program.objects.get(), "title")
    assert_tamazight(Program.objects.get(), "summary")
    for model in (Axis, Project, Goal, Workshop):
        for obj in model.objects.all():
            assert_tamazight(obj, "title")
    assert_tamazight(launch, "title")
    assert_tamazight(launch.venue, "name")
    assert_tamazight(launch.venue, "city")
    assert Program.objects.get().title_zgh == "ⴰⵖⴰⵡⴰⵙ ⵏ ⵓⵕⵥⵥⵓⵎ ⵏ ⵜⵊⵎⴰⵄⵜ ⵏ ⵇⵏⵉⵟⵔⴰ"


def test_what_the_data_does_not_give_in_tamazight_falls_back_to_arabic(launch):
    person = Person.objects.get(slug="el-houssine-mofti")
    assert not person.name_zgh
    with translation.override("zgh"):
        assert person.name == "الحسين مفتي"


def test_a_rerun_keeps_a_tamazight_text_staff_wrote_where_the_data_has_none(launch):
    person = Person.objects.get(slug="el-houssine-mofti")
    person.name_zgh = "ⵍⵃⵓⵙⵉⵏ ⵎⵓⴼⵜⵉ"
    person.save()
    load()
    person.refresh_from_db()
    assert person.name_zgh == "ⵍⵃⵓⵙⵉⵏ ⵎⵓⴼⵜⵉ"
