"""What citizens type, and the records each query must find (issue: word forms,
hamza seats, people and references). CI runs it on SQLite and on PostgreSQL: both
must give these very records."""

import pytest
from django.core.management import call_command

from core.models import PublicationStatus
from core.search import search_queryset
from kenitra_portal.search import search_kinds
from tests.factories import (
    AgendaItemFactory,
    DecisionFactory,
    DocumentFactory,
    FollowUpActionFactory,
    MeetingFactory,
    MembershipFactory,
    OrganizationFactory,
    PersonFactory,
    ProjectFactory,
    ProposalFactory,
)

WORKSHOPS = {
    "workshop-digitalisation-communal-services",
    "workshop-culture-sport",
    "workshop-citizen-participation",
    "workshop-environment-sustainable-development",
}
EQUALITY = "equality-commission"
MOFTI = "كلمة السيد الحسين مفتي، نائب رئيس جماعة القنيطرة"


def _name(obj):
    return getattr(obj, "slug", None) or getattr(obj, "reference", None) or str(obj)


@pytest.fixture
def content(db):
    call_command("load_kenitra", verbosity=0)
    ProjectFactory(
        slug="lighting",
        title_ar="تجديد الإنارة العمومية",
        title_fr="Rénovation de l'éclairage public",
    )
    ProjectFactory(
        slug="benefit",
        title_ar="فائدة المشاريع الثقافية",
        summary_ar="لقاءات مع المسؤولين ومشاركة المواطنين",
        title_fr="Projets culturels de quartier",
    )
    ProjectFactory(slug="draft", title_ar="مشروع الحديقة", publication_status="draft")
    meeting = MeetingFactory(slug="council", title_ar="دورة المجلس الجماعي")
    hidden = MeetingFactory(
        slug="hidden", title_ar="دورة مغلقة", publication_status=PublicationStatus.DRAFT
    )
    AgendaItemFactory(meeting=meeting, title_ar="دراسة ميزانية الإنارة")
    AgendaItemFactory(meeting=hidden, title_ar="بند مخفي عن العموم")
    decision = DecisionFactory(meeting=meeting, title_ar="إحداث لجنة للتتبع")
    FollowUpActionFactory(
        meeting=meeting, decision=decision, title_ar="إعداد تقرير عن الورشات"
    )
    FollowUpActionFactory(meeting=meeting, title_ar="متابعة داخلية", is_public=False)
    DocumentFactory(meeting=meeting, title_ar="محضر دورة المجلس", is_public=True)
    DocumentFactory(meeting=meeting, title_ar="مذكرة داخلية", is_public=False)
    MembershipFactory(
        person=PersonFactory(slug="amina", name_ar="أمينة الإدريسي", name_fr="Amina"),
        organization=OrganizationFactory(slug="env", name_ar="جمعية البيئة والتنمية"),
        role_ar="رئيسة الجمعية",
    )
    proposal = ProposalFactory(title="إنارة حي الساكنية", text="نقترح إنارة الأزقة")
    ProposalFactory(
        title="اقتراح غير منشور",
        text="نص سري",
        publication_status=PublicationStatus.REVIEW,
    )
    return {"reference": proposal.reference}


def found(q):
    return {
        kind.key: names
        for kind in search_kinds()
        if (names := {_name(obj) for obj in search_queryset(kind.queryset(), q)})
    }


# (query, {kind: records it must find}).
CASES = [
    # Hamza seats: one folding of أ إ ؤ ئ ء inside a word.
    ("المسئولين", {"meetings": {"kenitra-openness-consultative-meeting"}}),
    ("المسءولين", {"meetings": {"kenitra-openness-consultative-meeting"}}),
    ("المسؤولين", {"meetings": {"kenitra-openness-consultative-meeting"}}),
    ("مسئولين", {"projects": {"benefit"}}),
    ("هيأة", {"projects": {"advisory-bodies"}, "organizations": {EQUALITY}}),
    ("هيئة", {"projects": {"advisory-bodies"}, "organizations": {EQUALITY}}),
    ("هيءة", {"projects": {"advisory-bodies"}, "organizations": {EQUALITY}}),
    ("فاءدة", {"projects": {"benefit"}}),
    ("فائدة", {"projects": {"benefit"}}),
    # A hamza on alef at the start of a word is mostly left out.
    ("احداث", {"projects": {"advisory-bodies", "municipal-stadium-sports-museum"}}),
    ("إحداث", {"projects": {"advisory-bodies"}, "decisions": {"إحداث لجنة للتتبع"}}),
    ("اعداد", {"actions": {"إعداد تقرير عن الورشات"}}),
    ("امينة", {"people": {"amina"}}),
    ("أمينه", {"people": {"amina"}}),
    # Singular and plural.
    ("هيئات", {"projects": {"advisory-bodies"}, "organizations": {EQUALITY}}),
    ("حملة", {"projects": {"environmental-awareness-campaigns"}}),
    ("حملات", {"projects": {"environmental-awareness-campaigns"}}),
    ("بناية", {"projects": {"uniform-building-colour"}}),
    ("البنايات", {"projects": {"uniform-building-colour"}}),
    ("ورشات", {"workshops": WORKSHOPS, "actions": {"إعداد تقرير عن الورشات"}}),
    ("الورشات", {"workshops": WORKSHOPS}),
    ("ورشة", {"workshops": WORKSHOPS, "actions": {"إعداد تقرير عن الورشات"}}),
    ("اللقاءات", {"meetings": {"kenitra-openness-consultative-meeting"}}),
    ("لقاءات", {"meetings": {"kenitra-openness-consultative-meeting"}}),
    ("لقاء", {"projects": {"benefit"}}),
    ("مواطنون", {"projects": {"benefit"}}),
    ("المواطنين", {"projects": {"benefit"}}),
    ("ateliers", {"workshops": WORKSHOPS}),
    ("atelier", {"workshops": WORKSHOPS}),
    ("projets culturels", {"projects": {"benefit"}}),
    ("projet culturel", {"projects": {"benefit"}}),
    ("éclairages", {"projects": {"lighting"}}),
    # A one-letter prefix typed joined to the word.
    ("ومتحف", {"projects": {"municipal-stadium-sports-museum"}}),
    ("لإنارة", {"projects": {"lighting"}, "proposals": {"reference"}}),
    ("للإنارة", {"projects": {"lighting"}}),
    ("بالرقمنة", {"workshops": {"workshop-digitalisation-communal-services"}}),
    ("والمهرجان", {"projects": {"gharb-culinary-arts-festival"}}),
    ("بالميزانية", {"agenda": {"دراسة ميزانية الإنارة"}}),
    # Partial words: the beginning of a word still finds it.
    ("festi", {"projects": {"gharb-culinary-arts-festival"}}),
    ("الرقم", {"workshops": {"workshop-digitalisation-communal-services"}}),
    ("مهرج", {"projects": {"gharb-culinary-arts-festival"}}),
    # People and bodies, with their roles.
    ("مفتي", {"people": {"el-houssine-mofti"}, "agenda": {MOFTI}}),
    ("Mofti", {"people": {"el-houssine-mofti"}}),
    ("mofti", {"people": {"el-houssine-mofti"}}),
    ("هيأة المساواة", {"organizations": {EQUALITY}}),
    ("هيئة المساواة", {"organizations": {EQUALITY}}),
    ("المساواة", {"organizations": {EQUALITY}}),
    ("نائب رئيس", {"people": {"el-houssine-mofti"}}),
    ("رئيسة الجمعية", {"people": {"amina"}}),
    ("جمعية البيئة", {"organizations": {"env"}}),
    # Agenda items, decisions, follow-up and documents of published meetings.
    ("ميزانية", {"agenda": {"دراسة ميزانية الإنارة"}}),
    ("لجنة التتبع", {"decisions": {"إحداث لجنة للتتبع"}}),
    ("تقرير", {"actions": {"إعداد تقرير عن الورشات"}}),
    ("محضر", {"documents": {"محضر دورة المجلس"}}),
    ("المجلس", {"meetings": {"council"}, "documents": {"محضر دورة المجلس"}}),
    # Goals, found with their project.
    (
        "الشراكة",
        {"goals": {"تعزيز الشراكة بين المواطنين والجماعة في إدارة الشؤون البيئية"}},
    ),
]
NOTHING = [
    # Unpublished meetings' parts, internal documents and actions, drafts.
    "مخفي",
    "داخلية",
    "مذكرة",
    "سري",
    "الحديقة",
    # Inside a word is not the start of a word.
    "stival",
    "كرة القدم",
    "zzzz",
]


# One test over the whole table: the content is loaded once, and a failure lists
# every query that missed, with what it found.
def test_every_query_finds_its_records(content):
    missed = {}
    for q, expected in CASES:
        results = found(q)
        for key, names in expected.items():
            names = {content["reference"] if n == "reference" else n for n in names}
            if not names <= results.get(key, set()):
                missed[q] = (key, names, results)
    assert missed == {}


def test_hidden_records_and_non_words_find_nothing(content):
    assert {q: found(q) for q in NOTHING} == {q: {} for q in NOTHING}


@pytest.mark.parametrize(
    "typed", ["{r}", "{lower}", "{spaced}", "{indic}", "{lower} ", "{nodash}"]
)
def test_a_reference_in_every_spelling_finds_its_proposal(content, typed):
    reference = content["reference"]
    spelling = typed.format(
        r=reference,
        lower=reference.lower(),
        spaced=reference.replace("-", " "),
        indic=reference.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),
        nodash=reference.replace("-", " ").lower(),
    )
    assert found(spelling)["proposals"] == {reference}


def test_there_are_sixty_queries_at_least():
    assert len(CASES) + len(NOTHING) >= 60
