"""Text is clean on the way in: what is stored can be put in any page, feed or file.

`clean_text` is applied once, to every text column of every model of the portal's
own apps, just before it is written (`clean_instance_text`, a pre_save receiver,
derived from the field classes: every CharField and TextField and their kinds —
slugs, e-mails, URLs, each language's column), and to every string of a JSON request
body (kenitra_portal/parsers.py). Installed packages' models are left as they are:
they look rows up by the value they were given (django-axes' login attempts by
username) and would not find it stored under another.

What it does, and why:
- Line breaks are kept, as `\\n`: `\\r\\n` and a lone `\\r` (what browsers and old
  Macs send), the vertical tab and form feed (what word processors paste for a line
  break) and NEL all become `\\n`. Tabs stay.
- Every other C0 and C1 control character, NUL and DEL included, is removed: XML (the
  RSS and Atom feeds) cannot carry them and PostgreSQL refuses NUL.
- A lone surrogate (which JSON's `\\ud800` can produce) becomes U+FFFD, the
  replacement character: it cannot be encoded in UTF-8, by the database or the page.
- The noncharacters U+FFFE and U+FFFF, which XML forbids, are removed.
- Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are
  stripped, not isolated: U+202E can make a text read backwards and spill over what
  follows it on the page, in the feed reader or the spreadsheet. The zero-width marks
  (LRM, RLM and the Arabic letter mark), which turn no text around, are kept.
"""

import re
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import models

_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85]")
_REMOVED = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)
_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(value):
    """The text without what no output format can carry (module docstring)."""
    if not isinstance(value, str) or not value:
        return value
    value = _LINE_BREAKS.sub("\n", value)
    value = _REMOVED.sub("", value)
    return _SURROGATES.sub("\ufffd", value)


def clean_data(data):
    """Every string in parsed JSON, keys included, cleaned; other values as they are."""
    if isinstance(data, str):
        return clean_text(data)
    if isinstance(data, dict):
        return {clean_text(key): clean_data(value) for key, value in data.items()}
    if isinstance(data, list):
        return [clean_data(item) for item in data]
    return data


@cache
def is_portal_model(model):
    path = getattr(model._meta.app_config, "path", None)
    if path is None:
        return False  # a migration's historical model
    app_path = Path(path)
    return app_path.is_relative_to(settings.BASE_DIR) and "site-packages" not in (
        app_path.parts
    )


def clean_instance_text(sender, instance, **kwargs):
    if not is_portal_model(sender):
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = instance.__dict__.get(field.attname)
            if isinstance(value, str):
                instance.__dict__[field.attname] = clean_text(value)


def connect():
    models.signals.pre_save.connect(clean_instance_text, dispatch_uid="core.textclean")


def clean_stored_rows(apps, app_label):
    """Clean what an app stored before text was cleaned on the way in (a migration).

    Rows are read and written back only where a value changes, so a clean database
    costs one read of each table.
    """
    for model in apps.get_app_config(app_label).get_models():
        names = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField)
        ]
        if not names or not model._meta.managed:
            continue
        changed = []
        for row in model._base_manager.only("pk", *names).iterator():
            dirty = False
            for name in names:
                value = getattr(row, name)
                if isinstance(value, str) and clean_text(value) != value:
                    setattr(row, name, clean_text(value))
                    dirty = True
            if dirty:
                changed.append(row)
        if changed:
            model._base_manager.bulk_update(changed, names, batch_size=500)
