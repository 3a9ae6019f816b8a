"""Bulk open-data downloads, made by the API's own serializers.

CSV gets a byte-order mark so that spreadsheet programs read the Arabic as UTF-8,
and any cell that a spreadsheet would take for a formula is neutralised.

The CSV and JSON datasets stream: rows are read through a server-side cursor in
chunks of CHUNK_SIZE, each chunk's related rows prefetched, and each row is written
out as soon as it is serialised, then let go of. A download holds one chunk in
memory whatever the volume, and its first bytes leave before the second chunk is read.

The first download of a dataset after a change that visitors can see (the page
cache's content version, core/pagecache.py) is also written to a file, and every
later download of that version is that file, with its date and an ETag: at five
times the demo volume a proposals CSV takes 20 s of a thread to make, and ten
visitors making it at once held half the server's threads for three minutes. While
one download makes a new file, the others get the previous one, dated; only when
there is none do they stream too.
"""

import contextlib
import csv
import hashlib
import io
import json
import os
import time
import unicodedata

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Prefetch, QuerySet
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer

from consultations.models import AgendaItem, Meeting, Membership, Organization, Person
from consultations.popolo import (
    PopoloMembershipSerializer,
    PopoloOrganizationSerializer,
    PopoloPersonSerializer,
)
from core.pagecache import UNAVAILABLE, current_version
from core.search.documents import SearchDocumentField
from petitions.models import Petition

from .api import from_app_apis

# The licence of every download, named once: the open-data page, the licence page and
# each file's metadata (a JSON file's "licence", every answer's Link header) say it.
LICENCE = {
    "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}

# A spreadsheet runs a cell that starts with one of these as a formula. Look-alikes
# (full-width ＝, small ﹢, …) are folded to them first (NFKC), since some spreadsheets
# read them as the ASCII sign; the minus sign U+2212 folds to nothing else.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "\u2212")
LIST_SEPARATOR = " | "
# Rows per database round trip, and per prefetch of their related rows.
CHUNK_SIZE = 500
# A file being made that has not grown for this long was left by a process that
# died: another download may make it instead.
ABANDONED_AFTER_SECONDS = 120
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
}

# Every app's datasets (core/datasets.py), in the order of the open-data page.
DATASETS = {
    dataset.slug: dataset
    for dataset in sorted(from_app_apis("DATASETS"), key=lambda d: d.order)
}


def dataset_serializer(dataset, request, language):
    return dataset.serializer_class(context={"request": request, "lang": language})


def records(dataset, request, language):
    """Each published row as the API gives it, read and serialised chunk by chunk.

    The rows are read after the view has returned, while the server sends the
    response: the language is set again for them. One serializer serves every
    row, since binding its fields is the costly part.
    """
    serializer = dataset_serializer(dataset, request, language)
    with translation.override(language):
        rows = dataset.rows()
        # A dataset of figures (gender.rows) is a short list, made whole.
        if not isinstance(rows, QuerySet):
            yield from map(serializer.to_representation, rows)
            return
        for row in without_search_documents(rows).iterator(chunk_size=CHUNK_SIZE):
            yield serializer.to_representation(row)
            let_go(row)


def without_search_documents(queryset):
    """`queryset` without the search documents of its rows, of the rows it selects
    with them and of the rows it prefetches.

    No dataset shows a search document, and at 2 to 5 kB a row (read as text, then
    parsed) they were a third of what a chunk of proposals or projects read.
    """
    model = queryset.model
    queryset = queryset.defer(*search_documents(model, queryset.query.select_related))
    lookups = [
        lean_prefetch(model, lookup) for lookup in queryset._prefetch_related_lookups
    ]
    return queryset.prefetch_related(None).prefetch_related(*lookups)


def lean_prefetch(model, lookup):
    """`lookup`, a prefetch from `model`'s rows, made to read no search document:
    the same related rows, in the same order."""
    if isinstance(lookup, Prefetch) and lookup.queryset is not None:
        return Prefetch(
            lookup.prefetch_through,
            queryset=without_search_documents(lookup.queryset),
            to_attr=lookup.to_attr,
        )
    name = lookup.prefetch_through if isinstance(lookup, Prefetch) else lookup
    # A lookup by name reads the related model's default manager, as this does; one
    # through several relations ("a__b") is left as it is.
    try:
        related = model._meta.get_field(name).related_model
    except FieldDoesNotExist:
        return lookup
    if related is None or not any(search_documents(related, None)):
        return lookup
    return Prefetch(
        name,
        queryset=without_search_documents(related._default_manager.all()),
        to_attr=getattr(lookup, "to_attr", None),
    )


def search_documents(model, select_related, prefix=""):
    """The search document fields of `model` and of the models it selects with it
    (`select_related` as a Query holds it: a dict of dicts, or True for all)."""
    for field in model._meta.concrete_fields:
        if isinstance(field, SearchDocumentField):
            yield prefix + field.name
    if isinstance(select_related, dict):
        for name, nested in select_related.items():
            related = model._meta.get_field(name).related_model
            yield from search_documents(related, nested, f"{prefix}{name}__")


def let_go(instance):
    """Breaks the reference cycle between a written row and its prefetched rows.

    A prefetch leaves each row holding a queryset of its related rows, and that
    queryset holding the row (as a known related object): a cycle, which only the
    garbage collector's rare full pass frees. Every chunk of a download then stayed
    in memory until it ran, several at once: +67 MB at five times the demo volume,
    where one chunk needs a third of that. Let go of, a row and its related rows
    are freed by their reference counts as soon as the next chunk replaces them.
    """
    cache = instance.__dict__.get("_prefetched_objects_cache", {})
    for related in cache.values():
        for child in related._result_cache or ():
            let_go(child)
    cache.clear()


def neutralise(value):
    """Text a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if not isinstance(value, str):
        return value
    # Spaces before the sign do not stop every spreadsheet from reading a formula.
    first = value.lstrip(" \u00a0\u3000")[:1]
    if unicodedata.normalize("NFKC", first).startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_columns(serializer, prefix=""):
    """(column name, path in the data, is a list) for every readable field."""
    for name, field in serializer.fields.items():
        if field.write_only or name == "_fallback":
            continue
        if isinstance(field, serializers.ListSerializer):
            child = field.child.fields
            label = next((key for key in ("title", "name") if key in child), None)
            if label is not None:
                yield f"{prefix}{name}", (*prefix_path(prefix), name, label), True
        elif isinstance(field, serializers.Serializer):
            yield from csv_columns(field, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", (*prefix_path(prefix), name), False


def prefix_path(prefix):
    return tuple(part for part in prefix.split(".") if part)


def cell(record, path, is_list):
    value = record
    for key in path[:-1] if is_list else path:
        value = value.get(key) if isinstance(value, dict) else None
    if is_list:
        value = LIST_SEPARATOR.join(
            str(item.get(path[-1]) or "") for item in value or []
        )
    if value is None:
        return ""
    return neutralise(value if isinstance(value, str) else str(value))


class Echo:
    """A file that gives back what is written to it: csv.writer's line, to stream."""

    def write(self, value):
        return value


def csv_lines(dataset, request, language):
    columns = list(csv_columns(dataset_serializer(dataset, request, language)))
    writer = csv.writer(Echo())
    # Excel opens a CSV as UTF-8 only when it starts with a byte-order mark.
    yield "\ufeff" + writer.writerow([name for name, _path, _is_list in columns])
    for record in records(dataset, request, language):
        yield writer.writerow(
            [cell(record, path, is_list) for _n, path, is_list in columns]
        )


def json_parts(dataset, request, language):
    """The download's JSON object; the count, known at the end, comes last."""
    head = {
        "dataset": dataset.slug,
        "language": language,
        "generated_at": timezone.localtime().isoformat(),
        "licence": LICENCE,
    }
    renderer = JSONRenderer()
    yield renderer.render(head)[:-1] + b', "results": ['
    count = 0
    for record in records(dataset, request, language):
        yield (b", " if count else b"") + renderer.render(record)
        count += 1
    yield b'], "count": ' + json.dumps(count).encode() + b"}"


def render_json(payload):
    return HttpResponse(
        JSONRenderer().render(payload), content_type=CONTENT_TYPES["json"]
    )


def popolo(request):
    """People, organizations and memberships with Popolo's names and ids."""
    context = {"request": request, "lang": get_language()}
    return {
        "licence": LICENCE,
        "persons": PopoloPersonSerializer(
            Person.objects.all(), many=True, context=context
        ).data,
        "organizations": PopoloOrganizationSerializer(
            Organization.objects.all(), many=True, context=context
        ).data,
        "memberships": PopoloMembershipSerializer(
            Membership.objects.all(), many=True, context=context
        ).data,
    }


class MadeFile:
    """Where the download of a dataset is kept for the current content version.

    One file per dataset, format, language and site address (the rows link to the
    address they were asked at), named after the content version: a change that
    visitors can see makes the next download a new file, and the older ones go
    once it is complete.
    """

    def __init__(self, request, slug, file_format, version):
        site = hashlib.sha256(request.build_absolute_uri("/").encode()).hexdigest()
        self.family = f"{slug}-{get_language()}-{site[:16]}"
        self.suffix = f".{file_format}"
        self.version = version
        self.path = settings.EXPORTS_ROOT / f"{self.family}-{version}{self.suffix}"
        self.part = self.path.with_name(self.path.name + ".part")

    def versions(self):
        """Every complete file of this download, by its content version."""
        found = {}
        for path in settings.EXPORTS_ROOT.glob(f"{self.family}-*{self.suffix}"):
            number = path.stem.rsplit("-", 1)[1]
            if number.isdigit():
                found[int(number)] = path
        return found

    def previous(self):
        """The newest complete file of an earlier version, if one is left."""
        older = {v: p for v, p in self.versions().items() if v < self.version}
        return older[max(older)] if older else None

    def claim(self):
        """The file to make this version in, or None while another download makes
        it. One that has not written for ABANDONED_AFTER_SECONDS died, and what it
        left goes."""
        settings.EXPORTS_ROOT.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            if time.time() - self.part.stat().st_mtime > ABANDONED_AFTER_SECONDS:
                self.part.unlink()
        try:
            descriptor = os.open(self.part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return None
        return os.fdopen(descriptor, "wb")

    def owns_part(self, inode):
        try:
            return self.part.stat().st_ino == inode
        except FileNotFoundError:
            return False


class Making:
    """A download's parts as bytes, each written to its file as it is sent.

    The server closes it when the download ends, however it ends. Only a download
    that was sent to its end keeps the file: a visitor who left before the first
    byte or halfway leaves none. One that stalled for so long that another download
    took its place leaves that one's file.
    """

    def __init__(self, made, parts, out):
        self.made, self.parts, self.out = made, parts, out
        self.inode = os.fstat(out.fileno()).st_ino
        self.complete = False

    def __iter__(self):
        for part in self.parts:
            data = part.encode() if isinstance(part, str) else part
            self.out.write(data)
            yield data
        self.complete = True

    def close(self):
        self.parts.close()
        self.out.close()
        made = self.made
        if not made.owns_part(self.inode):
            return
        if self.complete:
            os.replace(made.part, made.path)
            for version, path in made.versions().items():
                if version < made.version:
                    path.unlink(missing_ok=True)
        else:
            made.part.unlink(missing_ok=True)


def served_file(request, path, content_type):
    """`path` as a download, or 304 when the visitor already has it."""
    try:
        modified = int(path.stat().st_mtime)
    except FileNotFoundError:
        # Replaced by a newer version between finding it and opening it.
        return None
    etag = f'"{path.stem}"'
    unchanged = get_conditional_response(request, etag=etag, last_modified=modified)
    if unchanged is not None:
        return unchanged
    try:
        response = FileResponse(path.open("rb"), content_type=content_type)
    except FileNotFoundError:
        return None
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    return response


def dataset_response(request, slug, file_format):
    dataset = DATASETS[slug]
    make = csv_lines if file_format == "csv" else json_parts
    parts = make(dataset, request, get_language())
    content_type = CONTENT_TYPES[file_format]
    version = current_version()
    if version is UNAVAILABLE:
        # Without the content version no file can be told current: made afresh.
        return StreamingHttpResponse(parts, content_type=content_type)
    made = MadeFile(request, slug, file_format, version)
    response = served_file(request, made.path, content_type)
    if response is not None:
        return response
    # A HEAD request is answered as a download would be, but sends no rows: it
    # makes no file.
    out = made.claim() if request.method == "GET" else None
    if out is not None:
        return StreamingHttpResponse(
            Making(made, parts, out), content_type=content_type
        )
    previous = made.previous()
    response = previous and served_file(request, previous, content_type)
    return response or StreamingHttpResponse(parts, content_type=content_type)


@require_safe
def download(request, dataset, file_format):
    if dataset == "popolo" and file_format == "json":
        response = render_json(popolo(request))
    elif dataset in DATASETS and file_format in CONTENT_TYPES:
        response = dataset_response(request, dataset, file_format)
    else:
        raise Http404
    filename = f"kenitra-{dataset}-{get_language()}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = f'<{LICENCE["url"]}>; rel="license"'
    return response


class OpenDataView(TemplateView):
    template_name = "open_data.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["datasets"] = DATASETS.values()
        context["licence"] = LICENCE
        return context


SESSION_COLUMNS = (
    ("order", _("Point")),
    ("title", _("Agenda point")),
    ("concerns", _("Concerns")),
    ("outcome", _("Decision")),
    ("votes_for", _("Votes for")),
    ("votes_against", _("Votes against")),
    ("votes_abstaining", _("Abstentions")),
    ("decision_text", _("Text of the decision")),
)


@require_safe
def session_decisions_csv(request, slug):
    """A council session's agenda points and what the council decided on each.

    The decisions are in it once the session is held, as on the session's page.
    """
    meeting = get_object_or_404(
        Meeting.objects.published().prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("axis", "project"),
            ),
            Prefetch("agenda_items__petitions", queryset=Petition.objects.published()),
        ),
        slug=slug,
    )
    public = meeting.decisions_are_public
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([str(label) for _name, label in SESSION_COLUMNS])
    for item in meeting.agenda_items.all():
        concerns = [
            str(related.title)
            for related in (item.project, item.axis)
            if related is not None and related.is_published
        ] + [str(petition.title) for petition in item.petitions.all()]
        row = {
            "order": item.order,
            "title": item.title,
            "concerns": LIST_SEPARATOR.join(concerns),
            "outcome": item.get_outcome_display() if public and item.outcome else "",
            "votes_for": item.votes_for if public else None,
            "votes_against": item.votes_against if public else None,
            "votes_abstaining": item.votes_abstaining if public else None,
            "decision_text": item.decision_text if public else "",
        }
        writer.writerow(
            [
                "" if row[name] is None else neutralise(str(row[name]))
                for name, _label in SESSION_COLUMNS
            ]
        )
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    filename = f"kenitra-{meeting.pk}-decisions-{get_language()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
