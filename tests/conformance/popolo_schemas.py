"""JSON Schemas of the Popolo export, written from the Popolo specification.

No package on PyPI or npm ships Popolo's schemas (django-popolo, mysociety-django-popolo
and everypolitician-popolo ship models and parsers, not the JSON Schemas), and tests
never download. These follow, property for property, the schemas the Popolo project
publishes with its specification (https://www.popoloproject.com/specs/, and the
`schemas/` folder of github.com/popolo-project/popolo-spec: person.json,
organization.json, membership.json, other_name.json, link.json, identifier.json),
restated in JSON Schema 2020-12 instead of draft 03: the same property names, types
(a string or null unless the spec says otherwise), date patterns and required fields
(`other_names[].name`, `links[].url`). The spec allows other properties, and so do these.
"""

DATE = "^[0-9]{4}(-[0-9]{2}){0,2}$"
NULLABLE_TEXT = {"type": ["string", "null"]}
NULLABLE_DATE = {"type": ["string", "null"], "pattern": DATE}
NULLABLE_URI = {"type": ["string", "null"], "format": "uri"}
TIMESTAMP = {"type": ["string", "null"], "format": "date-time"}

DEFINITIONS = {
    # other_name.json
    "other_name": {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "family_name": NULLABLE_TEXT,
            "given_name": NULLABLE_TEXT,
            "additional_name": NULLABLE_TEXT,
            "honorific_prefix": NULLABLE_TEXT,
            "honorific_suffix": NULLABLE_TEXT,
            "patronymic_name": NULLABLE_TEXT,
            "start_date": NULLABLE_DATE,
            "end_date": NULLABLE_DATE,
            "note": NULLABLE_TEXT,
        },
        "required": ["name"],
    },
    # link.json
    "link": {
        "type": "object",
        "properties": {
            "url": {"type": "string", "format": "uri"},
            "note": NULLABLE_TEXT,
        },
        "required": ["url"],
    },
    # identifier.json
    "identifier": {
        "type": "object",
        "properties": {
            "identifier": {"type": "string"},
            "scheme": NULLABLE_TEXT,
        },
        "required": ["identifier"],
    },
}


def _list_of(definition):
    return {"type": "array", "items": {"$ref": f"#/$defs/{definition}"}}


PERSON = {
    "title": "Person",
    "type": "object",
    "properties": {
        "id": NULLABLE_TEXT,
        "name": NULLABLE_TEXT,
        "other_names": _list_of("other_name"),
        "identifiers": _list_of("identifier"),
        "family_name": NULLABLE_TEXT,
        "given_name": NULLABLE_TEXT,
        "additional_name": NULLABLE_TEXT,
        "honorific_prefix": NULLABLE_TEXT,
        "honorific_suffix": NULLABLE_TEXT,
        "patronymic_name": NULLABLE_TEXT,
        "sort_name": NULLABLE_TEXT,
        "email": {"type": ["string", "null"], "format": "email"},
        "gender": NULLABLE_TEXT,
        "birth_date": NULLABLE_DATE,
        "death_date": NULLABLE_DATE,
        "image": NULLABLE_URI,
        "summary": NULLABLE_TEXT,
        "biography": NULLABLE_TEXT,
        "national_identity": NULLABLE_TEXT,
        "links": _list_of("link"),
        "sources": _list_of("link"),
        "created_at": TIMESTAMP,
        "updated_at": TIMESTAMP,
    },
}

ORGANIZATION = {
    "title": "Organization",
    "type": "object",
    "properties": {
        "id": NULLABLE_TEXT,
        "name": NULLABLE_TEXT,
        "other_names": _list_of("other_name"),
        "identifiers": _list_of("identifier"),
        "classification": NULLABLE_TEXT,
        "parent_id": NULLABLE_TEXT,
        "area_id": NULLABLE_TEXT,
        "founding_date": NULLABLE_DATE,
        "dissolution_date": NULLABLE_DATE,
        "image": NULLABLE_URI,
        "links": _list_of("link"),
        "sources": _list_of("link"),
        "created_at": TIMESTAMP,
        "updated_at": TIMESTAMP,
    },
}

MEMBERSHIP = {
    "title": "Membership",
    "type": "object",
    "properties": {
        "id": NULLABLE_TEXT,
        "label": NULLABLE_TEXT,
        "role": NULLABLE_TEXT,
        "member": {"type": ["object", "null"]},
        "person_id": NULLABLE_TEXT,
        "organization_id": NULLABLE_TEXT,
        "post_id": NULLABLE_TEXT,
        "on_behalf_of_id": NULLABLE_TEXT,
        "area_id": NULLABLE_TEXT,
        "start_date": NULLABLE_DATE,
        "end_date": NULLABLE_DATE,
        "links": _list_of("link"),
        "sources": _list_of("link"),
        "created_at": TIMESTAMP,
        "updated_at": TIMESTAMP,
    },
}

# The export's envelope, as Popolo's JSON serialization lays a whole data set out.
EXPORT = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$defs": DEFINITIONS,
    "type": "object",
    "properties": {
        "persons": {"type": "array", "items": PERSON},
        "organizations": {"type": "array", "items": ORGANIZATION},
        "memberships": {"type": "array", "items": MEMBERSHIP},
    },
    "required": ["persons", "organizations", "memberships"],
}
