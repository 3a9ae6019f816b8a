"""People, organizations and memberships in the Popolo standard's names and ids."""

from rest_framework import serializers

from core.serializers import LANGUAGES, TranslatedField, context_language

from .models import Membership, Organization, Person


def popolo_names(instance, field, lang):
    """Popolo's `other_names`: the name in each other language that has one."""
    return [
        {"name": value, "note": f"name in {code}", "lang": code}
        for code in LANGUAGES
        if code != lang and (value := getattr(instance, f"{field}_{code}"))
    ]


class PopoloPersonSerializer(serializers.ModelSerializer):
    id = serializers.SerializerMethodField()
    name = TranslatedField()
    honorific_prefix = TranslatedField(source="honorific")
    other_names = serializers.SerializerMethodField()

    class Meta:
        model = Person
        fields = ("id", "name", "honorific_prefix", "other_names")

    def get_id(self, person):
        return f"person/{person.pk}"

    def get_other_names(self, person):
        return popolo_names(person, "name", context_language(self.context))


class PopoloOrganizationSerializer(serializers.ModelSerializer):
    id = serializers.SerializerMethodField()
    name = TranslatedField()
    classification = serializers.CharField(source="kind")
    parent_id = serializers.SerializerMethodField()
    other_names = serializers.SerializerMethodField()
    links = serializers.SerializerMethodField()

    class Meta:
        model = Organization
        fields = ("id", "name", "classification", "parent_id", "other_names", "links")

    def get_id(self, organization):
        return f"organization/{organization.pk}"

    def get_parent_id(self, organization):
        parent = organization.parent_id
        return f"organization/{parent}" if parent else None

    def get_other_names(self, organization):
        return popolo_names(organization, "name", context_language(self.context))

    def get_links(self, organization):
        if not organization.website:
            return []
        return [{"url": organization.website, "note": "website"}]


class PopoloMembershipSerializer(serializers.ModelSerializer):
    id = serializers.SerializerMethodField()
    person_id = serializers.SerializerMethodField()
    organization_id = serializers.SerializerMethodField()
    role = TranslatedField()

    class Meta:
        model = Membership
        fields = (
            "id",
            "person_id",
            "organization_id",
            "role",
            "start_date",
            "end_date",
        )

    def get_id(self, membership):
        return f"membership/{membership.pk}"

    def get_person_id(self, membership):
        return f"person/{membership.person_id}"

    def get_organization_id(self, membership):
        return f"organization/{membership.organization_id}"
