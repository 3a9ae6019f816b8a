"""Serializer pieces every app's API shares: translated values, links, references.

The language of a response is in the serializer context as `lang` (a code of
settings.LANGUAGES, or "all"), put there by the API views and by the open-data
exports alike.
"""

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
FALLBACK_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
ALL_LANGUAGES = "all"

TRANSLATED_SCHEMA = {
    "oneOf": [
        {
            "type": "string",
            "description": "The value in the requested language (or in Arabic when "
            "it has no translation; see `_fallback`).",
        },
        {
            "type": "object",
            "description": "With `lang=all`: every translation, empty when missing.",
            "properties": {code: {"type": "string"} for code in LANGUAGES},
            "required": list(LANGUAGES),
        },
    ],
}

FALLBACK_SCHEMA = {
    "type": "object",
    "description": "Fields whose value is not in the requested language, with the "
    "language it is in instead (the portal falls back to Arabic). Empty when every "
    "value is in the requested language, and always empty with `lang=all`.",
    "additionalProperties": {"type": "string", "enum": [FALLBACK_LANGUAGE]},
    "example": {"summary": FALLBACK_LANGUAGE},
}


def context_language(context):
    return context.get("lang") or FALLBACK_LANGUAGE


def page_language(context):
    """The language of links: the requested one, or Arabic for `lang=all`."""
    lang = context_language(context)
    return FALLBACK_LANGUAGE if lang == ALL_LANGUAGES else lang


@extend_schema_field(TRANSLATED_SCHEMA)
class TranslatedField(serializers.Field):
    """A modeltranslation field: one language with fallback, or all of them.

    Writes accept a string, stored in the request's language, or an object with
    some of `ar`, `fr`, `en`.
    """

    def get_attribute(self, instance):
        return instance

    def translations(self, instance):
        return {
            code: getattr(instance, f"{self.source}_{code}", None) or ""
            for code in LANGUAGES
        }

    def falls_back(self, instance):
        lang = context_language(self.context)
        if lang in (ALL_LANGUAGES, FALLBACK_LANGUAGE):
            return False
        values = self.translations(instance)
        return not values[lang] and bool(values[FALLBACK_LANGUAGE])

    def to_representation(self, instance):
        values = self.translations(instance)
        lang = context_language(self.context)
        if lang == ALL_LANGUAGES:
            return values
        return values[lang] or values[FALLBACK_LANGUAGE]

    def to_internal_value(self, data):
        if isinstance(data, str):
            lang = context_language(self.context)
            if lang == ALL_LANGUAGES:
                raise serializers.ValidationError(
                    _("With lang=all, send an object whose keys are among %(codes)s.")
                    % {"codes": ", ".join(LANGUAGES)}
                )
            return {lang: data}
        if (
            isinstance(data, dict)
            and data
            and set(data) <= set(LANGUAGES)
            and all(isinstance(value, str) for value in data.values())
        ):
            return data
        raise serializers.ValidationError(
            _("Send a string, or an object whose keys are among %(codes)s.")
            % {"codes": ", ".join(LANGUAGES)}
        )


@extend_schema_field(FALLBACK_SCHEMA)
class FallbackField(serializers.Field):
    """Says which translated values of its object are shown in Arabic instead."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        return {
            name: FALLBACK_LANGUAGE
            for name, field in self.parent.fields.items()
            if isinstance(field, TranslatedField) and field.falls_back(instance)
        }


@extend_schema_field(
    {
        "type": "string",
        "format": "uri",
        "nullable": True,
        "description": "The object's public page on the portal, in the requested "
        "language (Arabic with `lang=all`); null when it has no page of its own.",
    }
)
class PageUrlField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        get_absolute_url = getattr(instance, "get_absolute_url", None)
        if get_absolute_url is None:
            return None
        with translation.override(page_language(self.context)):
            path = get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


def id_field(source, queryset, *, many=False, required=False, **kwargs):
    """The write-only id (or list of ids) that sets a relation shown read-only beside
    it: `axis` is read as an object, written as `axis_id`."""
    if not many and not required:
        kwargs.setdefault("allow_null", True)
    return serializers.PrimaryKeyRelatedField(
        source=source,
        queryset=queryset,
        many=many,
        required=required,
        write_only=True,
        **kwargs,
    )


class OptionalUrlField(serializers.URLField):
    """An address that may be unknown: null rather than an empty string."""

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value or None


class PortalSerializer(serializers.ModelSerializer):
    """Adds `_fallback` to any serializer with translated fields, and writes them."""

    def get_fields(self):
        fields = super().get_fields()
        if any(isinstance(field, TranslatedField) for field in fields.values()):
            fields["_fallback"] = FallbackField()
        return fields

    def _pop_translations(self, validated_data):
        translated = {}
        for field in self.fields.values():
            if isinstance(field, TranslatedField) and field.source in validated_data:
                translated[field.source] = validated_data.pop(field.source)
        return translated

    @staticmethod
    def _apply_translations(instance, translated):
        for source, values in translated.items():
            for code, value in values.items():
                setattr(instance, f"{source}_{code}", value)

    def _pop_many(self, validated_data):
        return {
            field.source: validated_data.pop(field.source)
            for field in self.fields.values()
            if isinstance(field, serializers.ManyRelatedField)
            and field.source in validated_data
        }

    def create(self, validated_data):
        return self.update(self.Meta.model(), validated_data)

    def update(self, instance, validated_data):
        many = self.apply(instance, validated_data)
        instance.save()
        for name, values in many.items():
            getattr(instance, name).set(values)
        return instance

    def apply(self, instance, validated_data):
        """Write `validated_data` onto `instance`, unsaved, checked by the model's
        rules; returns the many-to-many values, which only a saved row can take."""
        validated_data = dict(validated_data)
        translated = self._pop_translations(validated_data)
        many = self._pop_many(validated_data)
        for name, value in validated_data.items():
            setattr(instance, name, value)
        self._apply_translations(instance, translated)
        self._clean(instance)
        return many

    def model_field_names(self, validated_data):
        """The model fields `validated_data` writes: `title_fr`, not `title`."""
        translated = {
            field.source
            for field in self.fields.values()
            if isinstance(field, TranslatedField)
        }
        names = []
        for name, value in validated_data.items():
            if name in translated:
                names.extend(f"{name}_{code}" for code in value)
            else:
                names.append(name)
        return names

    @staticmethod
    def _clean(instance):
        """The model's own rules (required Arabic title, constraints) as a 400."""
        try:
            instance.full_clean()
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error


class PublishedRefListSerializer(serializers.ListSerializer):
    """Links to publishable objects, leaving out the drafts among them."""

    def to_representation(self, data):
        return [item for item in super().to_representation(data) if item is not None]


class PublishedRefSerializer(PortalSerializer):
    """A link to a publishable object, or null while that object is a draft.

    Subclasses set `list_serializer_class = PublishedRefListSerializer` in Meta.
    """

    def to_representation(self, instance):
        if not instance.is_published:
            return None
        return super().to_representation(instance)
