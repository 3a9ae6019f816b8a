"""What the load_kenitra tests share: the article's text, its names, a run of the command."""

import re
from io import StringIO

from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from consultations.models import Meeting
from kenitra_portal.content.loader import ARTICLE_COPY
from kenitra_portal.management.commands.load_kenitra import SEED_ARTICLE
from projects.models import Axis, Program, Project
from workshops.models import Workshop

SEED_FILE = settings.BASE_DIR.parent / SEED_ARTICLE
PUBLISHED_MODELS = (Program, Axis, Project, Meeting, Workshop)
ARTICLE_COPY_TEXT = ARTICLE_COPY.read_text(encoding="utf-8")
ARABIC = re.compile("[\u0600-\u06ff]")
LAUNCH_TITLE = "لقاء تشاوري مباشر حول برنامج انفتاح جماعة القنيطرة"
SESSION_TITLE = "مناقشة موضوع الرقمنة وجودة الخدمات الجماعية"
EQUALITY_BODY = "هيئة المساواة وتكافؤ الفرص ومقاربة النوع"


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
