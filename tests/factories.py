"""factory_boy factories for every model; Arabic first, as the real content is."""

import factory
from django.contrib.auth import get_user_model

from consultations import models as consultations
from core.models import PublicationStatus
from disclosure import models as disclosure
from petitions import models as petitions
from projects import models as projects
from workshops import models as workshops


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@kenitra.test")
    password = factory.django.Password("a-long-test-password")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True


class PublishedFactory(factory.django.DjangoModelFactory):
    publication_status = PublicationStatus.PUBLISHED

    class Meta:
        abstract = True


class ProgramFactory(PublishedFactory):
    title_ar = factory.Sequence(lambda n: f"برنامج الانفتاح {n}")
    title_fr = factory.Sequence(lambda n: f"Programme d'ouverture {n}")
    slug = factory.Sequence(lambda n: f"program-{n}")

    class Meta:
        model = projects.Program


class AxisFactory(PublishedFactory):
    program = factory.SubFactory(ProgramFactory)
    number = factory.Sequence(lambda n: n + 1)
    title_ar = factory.Sequence(lambda n: f"محور {n}")
    title_fr = factory.Sequence(lambda n: f"Axe {n}")
    slug = factory.Sequence(lambda n: f"axis-{n}")

    class Meta:
        model = projects.Axis


class ProjectFactory(PublishedFactory):
    axis = factory.SubFactory(AxisFactory)
    title_ar = factory.Sequence(lambda n: f"مشروع {n}")
    title_fr = factory.Sequence(lambda n: f"Projet {n}")
    slug = factory.Sequence(lambda n: f"project-{n}")
    summary_ar = "ملخص المشروع"
    progress = 0

    class Meta:
        model = projects.Project


class GoalFactory(factory.django.DjangoModelFactory):
    axis = factory.SubFactory(AxisFactory)
    title_ar = factory.Sequence(lambda n: f"هدف {n}")

    class Meta:
        model = projects.Goal


class MilestoneFactory(factory.django.DjangoModelFactory):
    project = factory.SubFactory(ProjectFactory)
    title_ar = factory.Sequence(lambda n: f"مرحلة {n}")

    class Meta:
        model = projects.Milestone


class ProjectUpdateFactory(PublishedFactory):
    project = factory.SubFactory(ProjectFactory)
    date = factory.Faker("date_this_year")
    title_ar = factory.Sequence(lambda n: f"مستجد {n}")

    class Meta:
        model = projects.ProjectUpdate


class VenueFactory(factory.django.DjangoModelFactory):
    name_ar = factory.Sequence(lambda n: f"قاعة {n}")

    class Meta:
        model = consultations.Venue


class OrganizationFactory(factory.django.DjangoModelFactory):
    name_ar = factory.Sequence(lambda n: f"جمعية {n}")
    slug = factory.Sequence(lambda n: f"organization-{n}")
    kind = consultations.OrganizationKind.ASSOCIATION

    class Meta:
        model = consultations.Organization


class PersonFactory(factory.django.DjangoModelFactory):
    name_ar = factory.Sequence(lambda n: f"شخص {n}")
    slug = factory.Sequence(lambda n: f"person-{n}")

    class Meta:
        model = consultations.Person


class MembershipFactory(factory.django.DjangoModelFactory):
    person = factory.SubFactory(PersonFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role_ar = "عضو"

    class Meta:
        model = consultations.Membership


class MeetingFactory(PublishedFactory):
    title_ar = factory.Sequence(lambda n: f"لقاء {n}")
    title_fr = factory.Sequence(lambda n: f"Rencontre {n}")
    slug = factory.Sequence(lambda n: f"meeting-{n}")
    venue = factory.SubFactory(VenueFactory)
    start = factory.Faker("date_time_this_year", tzinfo=__import__("datetime").UTC)

    class Meta:
        model = consultations.Meeting


class AgendaItemFactory(factory.django.DjangoModelFactory):
    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(lambda n: n + 1)
    title_ar = factory.Sequence(lambda n: f"نقطة {n}")

    class Meta:
        model = consultations.AgendaItem


class ParticipationFactory(factory.django.DjangoModelFactory):
    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory)
    role_ar = "مستشار جماعي"

    class Meta:
        model = consultations.Participation


class DecisionFactory(factory.django.DjangoModelFactory):
    meeting = factory.SubFactory(MeetingFactory)
    title_ar = factory.Sequence(lambda n: f"قرار {n}")

    class Meta:
        model = consultations.Decision


class FollowUpActionFactory(factory.django.DjangoModelFactory):
    meeting = factory.SubFactory(MeetingFactory)
    title_ar = factory.Sequence(lambda n: f"إجراء {n}")

    class Meta:
        model = consultations.FollowUpAction


class DocumentFactory(factory.django.DjangoModelFactory):
    meeting = factory.SubFactory(MeetingFactory)
    title_ar = factory.Sequence(lambda n: f"وثيقة {n}")
    file = factory.django.FileField(filename="minutes.pdf", data=b"%PDF-1.4\n%%EOF\n")

    class Meta:
        model = consultations.Document


class PressCoverageFactory(factory.django.DjangoModelFactory):
    meeting = factory.SubFactory(MeetingFactory)
    outlet = factory.SubFactory(
        OrganizationFactory, kind=consultations.OrganizationKind.PRESS
    )
    title = factory.Sequence(lambda n: f"مقال {n}")

    class Meta:
        model = consultations.PressCoverage


class WorkshopFactory(PublishedFactory):
    meeting = factory.SubFactory(MeetingFactory)
    axis = factory.SubFactory(AxisFactory)
    title_ar = factory.Sequence(lambda n: f"ورشة {n}")
    title_fr = factory.Sequence(lambda n: f"Atelier {n}")
    slug = factory.Sequence(lambda n: f"workshop-{n}")

    class Meta:
        model = workshops.Workshop


class ProposalFactory(PublishedFactory):
    axis = factory.SubFactory(AxisFactory)
    title = factory.Sequence(lambda n: f"اقتراح {n}")
    text = "نقترح تنظيم أيام مفتوحة في الأحياء."
    submitter_name = "مواطن من القنيطرة"
    submitter_email = "citizen@example.test"

    class Meta:
        model = workshops.Proposal


class ProjectImageFactory(factory.django.DjangoModelFactory):
    project = factory.SubFactory(ProjectFactory)
    image = factory.django.ImageField(width=800, height=600, color="green")
    alt_text_ar = factory.Sequence(lambda n: f"صورة من المشروع {n}")

    class Meta:
        model = projects.ProjectImage


class PhotoFactory(factory.django.DjangoModelFactory):
    meeting = factory.SubFactory(MeetingFactory)
    image = factory.django.ImageField(width=800, height=600, color="blue")
    alt_text_ar = factory.Sequence(lambda n: f"صورة من اللقاء {n}")

    class Meta:
        model = consultations.Photo


class PetitionFactory(PublishedFactory):
    title_ar = factory.Sequence(lambda n: f"عريضة {n}")
    title_fr = factory.Sequence(lambda n: f"Pétition {n}")
    filer_kind = petitions.FilerKind.CITIZENS
    received_on = factory.Faker("date_this_year", before_today=True, after_today=False)
    signature_count = 250

    class Meta:
        model = petitions.Petition


class ProactiveItemFactory(PublishedFactory):
    category = disclosure.Category.BUDGETS
    title_ar = factory.Sequence(lambda n: f"ميزانية {n}")
    title_fr = factory.Sequence(lambda n: f"Budget {n}")
    url = "https://www.kenitra.ma/budget.pdf"
    date = factory.Faker("date_this_year", before_today=True, after_today=False)

    class Meta:
        model = disclosure.ProactiveItem
