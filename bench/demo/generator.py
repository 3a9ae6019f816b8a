"""The demo content itself: programs and projects, meetings, workshops, proposals."""

from datetime import UTC, date, datetime, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

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

from .rows import PREFIX, DemoRows
from .words import (
    ACTIONS,
    AXIS_THEMES,
    DEPARTMENTS,
    LANGUAGES,
    MINUTES_PDF,
    PLACES,
    SUBJECTS,
)


class Generator(DemoRows):
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
