"""A realistic volume of content, in Arabic, French and English, for benchmarks and demos.

Rows are written with bulk_create, so what `save()` would compute (search document, a
proposal's reference and fingerprint, publication dates) is computed here. Every
generated slug starts with "demo-", which is how `--replace` finds them again.
"""

import random
import sys
from datetime import UTC, date, datetime, timedelta

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from faker import Faker
from tqdm import tqdm

from consultations.models import (
    AgendaItem,
    Decision,
    Document,
    DocumentKind,
    Gender,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Organization,
    OrganizationKind,
    Participation,
    ParticipationRole,
    Person,
    Venue,
)
from core.models import PublicationStatus, SearchableModel
from core.pagecache import bump_page_cache_version
from projects.models import (
    Axis,
    Goal,
    Milestone,
    Program,
    Project,
    ProjectStatus,
    ProjectUpdate,
)
from workshops.models import (
    REFERENCE_PREFIX,
    Proposal,
    ProposalSource,
    ProposalStatus,
    Workshop,
    fingerprint_text,
)

PREFIX = "demo-"
BATCH = 1000
# What grows with --scale; a city keeps its few programs and axes whatever its size.
SCALED = ("projects", "meetings", "workshops", "proposals")
LANGUAGES = ("ar", "fr", "en")

# (ar, fr, en) triples, so a title says the same thing in each language.
ACTIONS = [
    ("إحداث", "Création de", "Creating"),
    ("تأهيل", "Réhabilitation de", "Renovating"),
    ("رقمنة", "Numérisation de", "Digitising"),
    ("توسيع", "Extension de", "Extending"),
    ("تجهيز", "Équipement de", "Equipping"),
    ("تنظيم", "Organisation de", "Organising"),
]
SUBJECTS = [
    ("المكتبة الجماعية", "la bibliothèque communale", "the municipal library"),
    ("شباك الخدمات الإلكترونية", "guichet des e-services", "the e-services desk"),
    ("الحدائق العمومية", "jardins publics", "public gardens"),
    ("دار الشباب", "la maison des jeunes", "the youth centre"),
    ("الإنارة العمومية", "l'éclairage public", "street lighting"),
    ("مسالك الدراجات", "pistes cyclables", "cycle lanes"),
    ("أرشيف الجماعة", "les archives de la commune", "the commune's archives"),
    ("الأسواق الجماعية", "marchés communaux", "municipal markets"),
    ("المركز الصحي", "centre de santé", "the health centre"),
    ("بوابة المعطيات المفتوحة", "portail des données ouvertes", "the open data portal"),
]
PLACES = [
    ("بحي الساكنية", "au quartier Saknia", "in the Saknia district"),
    ("بحي أولاد أوجيه", "à Ouled Oujih", "in Ouled Oujih"),
    ("بالمدينة العتيقة", "dans la médina", "in the medina"),
    ("بحي الخبازات", "au quartier Khabazat", "in the Khabazat district"),
    ("بمنطقة مايموزا", "à Mimosas", "in Mimosas"),
    ("بحي بئر الرامي", "à Bir Rami", "in Bir Rami"),
    ("بوسط المدينة", "au centre-ville", "in the city centre"),
]
AXIS_THEMES = [
    ("الحكامة والشفافية", "Gouvernance et transparence", "Governance and transparency"),
    ("المشاركة المواطنة", "Participation citoyenne", "Citizen participation"),
    ("الرقمنة", "Numérisation", "Digitalisation"),
    ("الولوج إلى المعلومة", "Accès à l'information", "Access to information"),
]
DEPARTMENTS = [
    ("مصلحة الشؤون الثقافية", "Service culturel", "Cultural affairs"),
    ("مصلحة الأشغال", "Service des travaux", "Public works"),
    ("مصلحة المعلوميات", "Service informatique", "IT department"),
    ("مصلحة البيئة", "Service de l'environnement", "Environment department"),
]
# A one-page PDF, so demo documents open in a reader like real minutes.
MINUTES_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


class Command(BaseCommand):
    help = (
        "Generate a realistic volume of demo content (programs, axes, projects with "
        "milestones and updates, meetings with participants and documents, "
        "workshops, proposals) in Arabic, French and English, reproducible from "
        "--seed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument("--programs", type=int, default=3)
        parser.add_argument("--axes", type=int, default=12)
        parser.add_argument("--projects", type=int, default=2000)
        parser.add_argument("--meetings", type=int, default=500)
        parser.add_argument("--workshops", type=int, default=1000)
        parser.add_argument("--proposals", type=int, default=20000)
        parser.add_argument(
            "--scale",
            type=float,
            default=1,
            help="Multiply the projects, meetings, workshops and proposals by this "
            "(the programs and axes stay): --scale 5 is the benchmark's 5× volume.",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete demo content generated earlier, then generate it anew.",
        )

    def handle(self, *args, **options):
        counts = {
            name: options[name]
            for name in (
                "programs",
                "axes",
                "projects",
                "meetings",
                "workshops",
                "proposals",
            )
        }
        for name in SCALED:
            counts[name] = round(counts[name] * options["scale"])
        _check(counts)
        if Program.objects.filter(slug__startswith=PREFIX).exists():
            if not options["replace"]:
                raise CommandError(
                    "Demo content is already in this database; run again with "
                    "--replace to delete it and generate it anew."
                )
            delete_demo_content()
        generator = Generator(
            options["seed"], counts, show_progress=options["verbosity"] > 0
        )
        with transaction.atomic():
            created = generator.run()
        # bulk_create sends no signal: cached pages must go now.
        bump_page_cache_version()
        if connection.vendor == "postgresql":
            # Autovacuum would gather the new rows' statistics, and mark their pages
            # visible to all for index-only scans, only minutes later: until then
            # the planner takes tables of thousands of rows for empty ones, and a
            # benchmark run at once would measure plans no served database has.
            # VACUUM cannot run in a transaction (a caller's, a test's): ANALYZE can.
            with connection.cursor() as cursor:
                cursor.execute(
                    "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
                )
        if options["verbosity"]:
            for model, number in created.items():
                self.stdout.write(f"{number:>7} {model._meta.verbose_name_plural}")


def _check(counts):
    negative = [name for name, number in counts.items() if number < 0]
    if negative:
        raise CommandError(f"Counts cannot be negative: {', '.join(negative)}.")
    needs = [
        ("axes", "programs"),
        ("projects", "axes"),
        ("workshops", "meetings"),
        ("proposals", "axes"),
    ]
    for what, parent in needs:
        if counts[what] and not counts[parent]:
            raise CommandError(f"--{what} needs at least one of --{parent}.")
    if counts["axes"] and counts["axes"] < counts["programs"]:
        raise CommandError("Every program needs an axis: --axes >= --programs.")


def delete_demo_content():
    demo = {"slug__startswith": PREFIX}
    documents = Document.objects.filter(meeting__slug__startswith=PREFIX)
    files = [(d.file.storage, d.file.name) for d in documents if d.file]
    Proposal.objects.filter(axis__slug__startswith=PREFIX).delete()
    Workshop.objects.filter(**demo).delete()
    Meeting.objects.filter(**demo).delete()
    Person.objects.filter(**demo).delete()
    Organization.objects.filter(**demo).delete()
    Project.objects.filter(**demo).delete()
    Axis.objects.filter(**demo).delete()
    Program.objects.filter(**demo).delete()
    for storage, name in files:
        storage.delete(name)


class Generator:
    def __init__(self, seed, counts, show_progress=True):
        self.random = random.Random(seed)  # noqa: S311 - reproducible, not secret
        self.fakers = {
            "ar": Faker("ar_AA"),
            "fr": Faker("fr_FR"),
            "en": Faker("en_US"),
        }
        for number, faker in enumerate(self.fakers.values()):
            faker.seed_instance(seed + number)
        self.counts = counts
        self.now = timezone.now()
        self.created = {}
        self.progress = tqdm(
            total=self._total_rows(),
            unit="rows",
            desc="demo content",
            file=sys.stderr,
            disable=not show_progress,
        )

    def run(self):
        try:
            programs = self.programs()
            axes = self.axes(programs)
            projects = self.projects(axes)
            self.project_details(projects)
            people, organizations = self.people_and_organizations()
            meetings = self.meetings(axes, projects, organizations)
            self.meeting_details(meetings, people, organizations)
            workshops = self.workshops(meetings, axes, projects, organizations)
            self.proposals(axes, workshops, projects, organizations)
            # People are found by their roles, which came after them.
            self.refresh_search(Person, people)
            self.refresh_search(Organization, organizations)
        finally:
            self.progress.close()
        return self.created

    # --- helpers ---------------------------------------------------------------

    def _total_rows(self):
        c = self.counts
        return (
            c["programs"]
            + c["axes"] * 4
            + c["projects"] * 6
            + c["meetings"] * 16
            + c["workshops"] * 3
            + c["proposals"]
        )

    def save(self, model, rows):
        if issubclass(model, SearchableModel):
            self.searchable(rows)
        saved = []
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            saved += model.objects.bulk_create(batch)
            self.progress.update(len(batch))
        self.created[model] = self.created.get(model, 0) + len(rows)
        return saved

    def link(self, through, rows):
        for start in range(0, len(rows), BATCH):
            through.objects.bulk_create(rows[start : start + BATCH])

    def triple(self, *choices):
        """The same phrase in ar, fr and en, built from aligned vocabularies."""
        picked = [self.random.choice(options) for options in choices]
        return {
            code: " ".join(part[index] for part in picked)
            for index, code in enumerate(LANGUAGES)
        }

    def paragraphs(self, sentences=3):
        return {
            code: faker.paragraph(nb_sentences=sentences)
            for code, faker in self.fakers.items()
        }

    def translated(self, field, values):
        return {f"{field}_{code}": value for code, value in values.items()}

    def publication(self, published_share=0.9):
        # Written directly rather than through core.publishing: these are rows made
        # up at benchmark volume with bulk_create, a mix of states as staff would
        # leave them, not moves anyone makes, and nothing here reaches a citizen.
        published = self.random.random() < published_share
        return {
            "publication_status": PublicationStatus.PUBLISHED
            if published
            else self.random.choice(
                [PublicationStatus.DRAFT, PublicationStatus.REVIEW]
            ),
            "published_at": self.now if published else None,
        }

    def day(self, start_year=2023, span_days=3 * 365):
        return date(start_year, 1, 1) + timedelta(days=self.random.randrange(span_days))

    def refresh_search(self, model, rows):
        self.searchable(rows)
        model.objects.bulk_update(rows, ["search_document"], batch_size=BATCH)

    def searchable(self, objects):
        for obj in objects:
            obj.search_document = obj.build_search_document()
        return objects

    # --- the program and its projects --------------------------------------------

    def programs(self):
        rows = []
        for number in range(1, self.counts["programs"] + 1):
            start = date(2020 + 3 * number, 1, 1)
            rows.append(
                Program(
                    slug=f"{PREFIX}program-{number}",
                    title_ar=f"برنامج عمل الانفتاح {start.year}–{start.year + 2}",
                    title_fr=f"Plan d'action ouverture {start.year}–{start.year + 2}",
                    title_en=f"Openness action plan {start.year}–{start.year + 2}",
                    **self.translated("summary", self.paragraphs(2)),
                    start_date=start,
                    end_date=date(start.year + 2, 12, 31),
                    **self.publication(1),
                )
            )
        return self.save(Program, rows)

    def axes(self, programs):
        rows = []
        for index in range(self.counts["axes"]):
            program = programs[index % len(programs)]
            number = index // len(programs) + 1
            theme = AXIS_THEMES[index % len(AXIS_THEMES)]
            rows.append(
                Axis(
                    program=program,
                    number=number,
                    slug=f"{PREFIX}axis-{index + 1}",
                    **self.translated(
                        "title",
                        {
                            code: f"{theme[i]} ({number})"
                            for i, code in enumerate(LANGUAGES)
                        },
                    ),
                    **self.translated("description", self.paragraphs(3)),
                    **self.publication(1),
                )
            )
        axes = self.save(Axis, rows)
        goals = [
            Goal(
                axis=axis,
                order=order,
                **self.translated("title", self.triple(ACTIONS, SUBJECTS)),
            )
            for axis in axes
            for order in range(3)
        ]
        self.save(Goal, goals)
        return axes

    def projects(self, axes):
        rows = []
        for number in range(1, self.counts["projects"] + 1):
            start = self.day()
            project = Project(
                axis=self.random.choice(axes),
                slug=f"{PREFIX}project-{number}",
                **self.translated("title", self.triple(ACTIONS, SUBJECTS, PLACES)),
                **self.translated("summary", self.paragraphs(2)),
                **self.translated("description", self.paragraphs(6)),
                **self.translated("lead_department", self.triple(DEPARTMENTS)),
                **self.translated("location", self.triple(PLACES)),
                status=self.random.choice(ProjectStatus.values),
                progress=self.random.randrange(0, 101, 5),
                start_date=start,
                end_date=start + timedelta(days=self.random.randrange(90, 900)),
                budget=self.random.randrange(50, 5000) * 1000,
                order=number,
                **self.publication(),
            )
            rows.append(project)
        return self.save(Project, rows)

    def project_details(self, projects):
        milestones, updates = [], []
        for project in projects:
            for order in range(3):
                milestones.append(
                    Milestone(
                        project=project,
                        order=order,
                        due_date=project.start_date + timedelta(days=120 * order),
                        done=self.random.random() < project.progress / 100,
                        **self.translated("title", self.triple(ACTIONS, SUBJECTS)),
                    )
                )
            for step in range(2):
                updates.append(
                    ProjectUpdate(
                        project=project,
                        date=project.start_date + timedelta(days=60 * (step + 1)),
                        progress=min(100, project.progress * (step + 1) // 2),
                        **self.translated("title", self.triple(ACTIONS, SUBJECTS)),
                        **self.translated("text", self.paragraphs(2)),
                        **self.publication(),
                    )
                )
        self.save(Milestone, milestones)
        self.save(ProjectUpdate, updates)

    # --- meetings ------------------------------------------------------------------

    def people_and_organizations(self):
        people = [
            Person(
                slug=f"{PREFIX}person-{number}",
                name_ar=self.fakers["ar"].name(),
                name_fr=self.fakers["fr"].name(),
                gender=self.random.choice([Gender.FEMALE, Gender.MALE]),
            )
            for number in range(1, max(20, self.counts["meetings"] // 2) + 1)
        ]
        organizations = [
            Organization(
                slug=f"{PREFIX}organization-{number}",
                kind=OrganizationKind.ASSOCIATION,
                name_ar=f"جمعية {self.fakers['ar'].last_name()} للتنمية",
                name_fr=f"Association {self.fakers['fr'].last_name()} pour le développement",
                name_en=f"{self.fakers['en'].last_name()} development association",
            )
            for number in range(1, max(10, self.counts["meetings"] // 5) + 1)
        ]
        return (
            Person.objects.bulk_create(self.searchable(people)),
            Organization.objects.bulk_create(self.searchable(organizations)),
        )

    def meetings(self, axes, projects, organizations):
        venues = [
            Venue.objects.get_or_create(
                name_ar=f"قاعة الاجتماعات {n}",
                defaults={"name_fr": f"Salle de réunion {n}", "city_ar": "القنيطرة"},
            )[0]
            for n in range(1, 6)
        ]
        rows = []
        for number in range(1, self.counts["meetings"] + 1):
            start = datetime.combine(
                self.day(2024, 3 * 365), datetime.min.time(), UTC
            ) + timedelta(hours=self.random.choice([9, 10, 15]))
            subject = self.triple(SUBJECTS)
            rows.append(
                Meeting(
                    slug=f"{PREFIX}meeting-{number}",
                    kind=self.random.choice(MeetingKind.values),
                    title_ar=f"لقاء تشاوري حول {subject['ar']}",
                    title_fr=f"Rencontre consultative sur {subject['fr']}",
                    title_en=f"Consultative meeting on {subject['en']}",
                    start=start,
                    end=start + timedelta(hours=3),
                    venue=self.random.choice(venues),
                    status=MeetingStatus.HELD
                    if start < self.now
                    else MeetingStatus.SCHEDULED,
                    organizer=self.random.choice(organizations),
                    **self.translated("summary", self.paragraphs(3)),
                    **self.translated("minutes", self.paragraphs(8)),
                    **self.publication(),
                )
            )
        meetings = self.save(Meeting, rows)
        self.link(
            Meeting.axes.through,
            [
                Meeting.axes.through(meeting=meeting, axis=axis)
                for meeting in meetings
                for axis in self.random.sample(axes, min(2, len(axes)))
            ],
        )
        if projects:
            self.link(
                Meeting.projects.through,
                [
                    Meeting.projects.through(meeting=meeting, project=project)
                    for meeting in meetings
                    for project in self.random.sample(projects, min(2, len(projects)))
                ],
            )
        return meetings

    def meeting_details(self, meetings, people, organizations):
        participations, decisions, documents = [], [], []
        for meeting in meetings:
            for order, person in enumerate(self.random.sample(people, 8)):
                participations.append(
                    Participation(
                        meeting=meeting,
                        person=person,
                        organization=self.random.choice(organizations),
                        role_ar="مستشار جماعي" if order % 2 else "ممثل جمعية",
                        role_fr="conseiller communal"
                        if order % 2
                        else "représentant d'association",
                        participation_role=ParticipationRole.SPEAKER
                        if order < 3
                        else ParticipationRole.ATTENDEE,
                        spoke=order < 3,
                        order=order,
                    )
                )
            for order in range(2):
                decisions.append(
                    Decision(
                        meeting=meeting,
                        order=order,
                        **self.translated("title", self.triple(ACTIONS, SUBJECTS)),
                    )
                )
            for kind in (DocumentKind.MINUTES, DocumentKind.PRESENTATION):
                document = Document(
                    meeting=meeting,
                    kind=kind,
                    is_public=kind == DocumentKind.MINUTES,
                    title_ar="محضر الاجتماع"
                    if kind == DocumentKind.MINUTES
                    else "العرض التقديمي",
                    title_fr="Procès-verbal"
                    if kind == DocumentKind.MINUTES
                    else "Présentation",
                )
                field = Document._meta.get_field("file")
                document.file.name = field.storage.save(
                    f"documents/demo/{meeting.slug}-{kind}.pdf",
                    ContentFile(MINUTES_PDF),
                )
                documents.append(document)
        participations = self.save(Participation, participations)
        self.save(Decision, decisions)
        self.save(Document, documents)
        by_meeting = {}
        for participation in participations:
            by_meeting.setdefault(participation.meeting_id, []).append(participation)
        agenda = [
            AgendaItem(
                meeting=meeting,
                order=order + 1,
                speaker=by_meeting[meeting.pk][order],
                **self.translated("title", self.triple(ACTIONS, SUBJECTS)),
            )
            for meeting in meetings
            for order in range(3)
        ]
        self.save(AgendaItem, agenda)

    # --- workshops and proposals -------------------------------------------------------

    def workshops(self, meetings, axes, projects, organizations):
        rows = []
        for number in range(1, self.counts["workshops"] + 1):
            subject = self.triple(SUBJECTS)
            rows.append(
                Workshop(
                    meeting=meetings[number % len(meetings)],
                    axis=self.random.choice(axes) if axes else None,
                    slug=f"{PREFIX}workshop-{number}",
                    title_ar=f"ورشة حول {subject['ar']}",
                    title_fr=f"Atelier sur {subject['fr']}",
                    title_en=f"Workshop on {subject['en']}",
                    **self.translated("summary", self.paragraphs(3)),
                    **self.translated("outcomes", self.paragraphs(2)),
                    order=number,
                    **self.publication(),
                )
            )
        workshops = self.save(Workshop, rows)
        self.link(
            Workshop.facilitators.through,
            [
                Workshop.facilitators.through(
                    workshop=workshop, organization=self.random.choice(organizations)
                )
                for workshop in workshops
            ],
        )
        self.progress.update(len(workshops))
        if projects:
            self.link(
                Workshop.projects.through,
                [
                    Workshop.projects.through(
                        workshop=workshop, project=self.random.choice(projects)
                    )
                    for workshop in workshops
                ],
            )
        self.progress.update(len(workshops))
        return workshops

    def proposals(self, axes, workshops, projects, organizations):
        # Numbered on from the last reference, as Proposal.save() would number them.
        year = timezone.localdate().year
        prefix = f"{REFERENCE_PREFIX}-{year}-"
        first = Proposal.objects.last_reference_number(year) + 1
        rows = []
        for number in range(1, self.counts["proposals"] + 1):
            language = self.random.choices(LANGUAGES, weights=(7, 2, 1))[0]
            faker = self.fakers[language]
            from_workshop = workshops and self.random.random() < 0.4
            status = self.random.choice(ProposalStatus.values)
            if status == ProposalStatus.MERGED and not projects:
                status = ProposalStatus.ACCEPTED
            text = faker.paragraph(nb_sentences=4)
            proposal = Proposal(
                reference=f"{prefix}{first + number - 1:04d}",
                axis=self.random.choice(axes),
                title=faker.sentence(nb_words=6)[:200],
                text=text,
                language=language,
                source=ProposalSource.WORKSHOP
                if from_workshop
                else ProposalSource.ONLINE,
                workshop=self.random.choice(workshops) if from_workshop else None,
                carried_by=self.random.choice(organizations) if from_workshop else None,
                submitter_name=faker.name(),
                submitter_email=f"citizen{number}@example.test",
                consent_given_at=self.now,
                status=status,
                project=self.random.choice(projects)
                if status == ProposalStatus.MERGED
                else None,
                **self.translated(
                    "public_answer",
                    self.paragraphs(1)
                    if status != ProposalStatus.RECEIVED
                    else dict.fromkeys(LANGUAGES, ""),
                ),
                **self.publication(0.7),
            )
            proposal.text_fingerprint = fingerprint_text(text)
            rows.append(proposal)
        self.save(Proposal, rows)
