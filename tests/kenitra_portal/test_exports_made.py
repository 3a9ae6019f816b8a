"""The open-data downloads are made once per content version and kept as files."""

import csv
import io
import os
import time

import pytest
from django.conf import settings
from django.core.signals import request_finished
from django.db import close_old_connections

from kenitra_portal import exports
from tests.factories import ProjectFactory, ProposalFactory

pytestmark = pytest.mark.django_db

CSV = "/fr/open-data/projects.csv"


def titles(body):
    rows = csv.DictReader(io.StringIO(body.decode().removeprefix("\ufeff")))
    return sorted(row["title"] for row in rows)


def kept_files():
    if not settings.EXPORTS_ROOT.exists():
        return []
    return sorted(path.name for path in settings.EXPORTS_ROOT.iterdir())


def silent_for_too_long():
    """The file a started download is making, as if it had not written for longer
    than a live download does."""
    (part,) = settings.EXPORTS_ROOT.glob("*.part")
    long_ago = time.time() - exports.ABANDONED_AFTER_SECONDS - 1
    os.utime(part, (long_ago, long_ago))
    return part


def started(client, path=CSV):
    """A download that has sent its first part and goes on no further."""
    response = client.get(path)
    content = iter(response.streaming_content)
    return response, content, next(content)


@pytest.mark.parametrize("path", [CSV, "/ar/open-data/proposals.json"])
def test_the_second_download_is_the_file_the_first_made(
    client, django_assert_num_queries, path
):
    ProjectFactory.create_batch(3)
    ProposalFactory.create_batch(3)
    first = client.get(path)
    body = first.getvalue()

    with django_assert_num_queries(0):
        second = client.get(path)
        assert second.getvalue() == body

    assert int(second["Content-Length"]) == len(body)
    assert second["Last-Modified"]
    assert second["Content-Disposition"] == first["Content-Disposition"]
    assert second["Content-Type"] == first["Content-Type"]
    again = client.get(path, headers={"if-none-match": second["ETag"]})
    assert again.status_code == 304


def test_a_public_change_makes_the_next_download_anew(client):
    ProjectFactory(title_fr="Bibliothèque de quartier")
    assert titles(client.get(CSV).getvalue()) == ["Bibliothèque de quartier"]
    before = client.get(CSV)["ETag"]

    ProjectFactory(title_fr="Piste cyclable")
    second = client.get(CSV)

    assert titles(second.getvalue()) == ["Bibliothèque de quartier", "Piste cyclable"]
    assert client.get(CSV)["ETag"] != before
    # The older version's file is gone once the new one is complete.
    assert len(kept_files()) == 1


def test_a_proposal_awaiting_review_keeps_the_file(client, django_assert_num_queries):
    published = ProposalFactory()
    body = client.get("/fr/open-data/proposals.csv").getvalue()

    ProposalFactory(publication_status="draft", axis=published.axis)

    with django_assert_num_queries(0):
        assert client.get("/fr/open-data/proposals.csv").getvalue() == body


def test_each_language_and_format_is_a_file_of_its_own(client):
    ProjectFactory(title_fr="Piste cyclable", title_ar="مسار الدراجات")

    french = client.get(CSV).getvalue()
    arabic = client.get("/ar/open-data/projects.csv").getvalue()
    json_body = client.get("/fr/open-data/projects.json").getvalue()

    assert titles(french) == ["Piste cyclable"]
    assert titles(arabic) == ["مسار الدراجات"]
    assert json_body.startswith(b"{")
    assert client.get("/ar/open-data/projects.csv").getvalue() == arabic
    assert len(kept_files()) == 3


def test_the_rows_link_to_the_address_they_were_asked_at(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "kenitra.ma"]
    ProjectFactory()

    here = client.get("/fr/open-data/projects.json").getvalue()
    there = client.get("/fr/open-data/projects.json", HTTP_HOST="kenitra.ma")

    assert b"http://testserver/" in here
    assert b"http://kenitra.ma/" in there.getvalue()


def test_a_download_stopped_halfway_leaves_no_file(client, monkeypatch):
    monkeypatch.setattr(exports, "CHUNK_SIZE", 2)
    ProjectFactory.create_batch(5)

    response, _content, _first = started(client)
    # The visitor goes away: the server closes what it was sending. The test
    # client's wrapper of it closes the response, keeping the test's connection.
    response._iterator.close()

    assert kept_files() == []
    assert titles(client.get(CSV).getvalue()) == titles(client.get(CSV).getvalue())
    assert len(kept_files()) == 1


def test_while_one_download_makes_the_new_file_the_others_get_the_previous(
    client, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(exports, "CHUNK_SIZE", 2)
    ProjectFactory(title_fr="Bibliothèque de quartier")
    client.get(CSV).getvalue()
    previous = client.get(CSV)
    before = previous.getvalue()
    ProjectFactory.create_batch(4, title_fr="Piste cyclable")

    _making, content, first = started(client)
    with django_assert_num_queries(0):
        meanwhile = client.get(CSV)
        assert meanwhile.getvalue() == before
    assert meanwhile["ETag"] == previous["ETag"]

    rest = b"".join(content)
    assert titles(first + rest) == ["Bibliothèque de quartier"] + ["Piste cyclable"] * 4
    assert client.get(CSV).getvalue() == first + rest
    assert len(kept_files()) == 1


def test_with_no_previous_file_the_others_stream_while_one_is_made(client, monkeypatch):
    monkeypatch.setattr(exports, "CHUNK_SIZE", 2)
    ProjectFactory.create_batch(5)

    _making, content, first = started(client)
    meanwhile = client.get(CSV)

    assert meanwhile.streaming
    assert not meanwhile.has_header("Content-Length")
    body = meanwhile.getvalue()
    assert first + b"".join(content) == body
    assert len(kept_files()) == 1


def test_a_file_left_half_made_by_a_process_that_died_is_made_again(
    client, monkeypatch
):
    monkeypatch.setattr(exports, "CHUNK_SIZE", 2)
    ProjectFactory.create_batch(5)
    _dead, _content, _first = started(client)
    part = silent_for_too_long()

    response = client.get(CSV)
    body = response.getvalue()

    assert len(titles(body)) == 5
    assert kept_files() == [part.name.removesuffix(".part")]
    assert client.get(CSV).getvalue() == body


def test_a_download_that_stalled_past_its_turn_leaves_the_file_of_the_next(
    client, monkeypatch
):
    monkeypatch.setattr(exports, "CHUNK_SIZE", 2)
    ProjectFactory.create_batch(5)
    _stalled, content, first = started(client)
    part = silent_for_too_long()
    _next, next_content, next_first = started(client)

    # The stalled one goes on and ends first: the next one's half-made file is
    # not its own to keep.
    stalled_body = first + b"".join(content)
    assert kept_files() == [part.name]

    next_body = next_first + b"".join(next_content)
    assert next_body == stalled_body
    assert kept_files() == [part.name.removesuffix(".part")]
    assert client.get(CSV).has_header("Content-Length")


def test_without_the_content_version_every_download_is_made_afresh(client, monkeypatch):
    monkeypatch.setattr(exports, "current_version", lambda: exports.UNAVAILABLE)
    ProjectFactory()

    response = client.get(CSV)

    assert len(titles(response.getvalue())) == 1
    assert kept_files() == []


def test_a_head_request_makes_no_file_and_keeps_no_one_waiting(client):
    ProjectFactory.create_batch(2)

    head = client.head(CSV)

    assert head.status_code == 200
    assert kept_files() == []
    body = client.get(CSV).getvalue()
    assert len(titles(body)) == 2
    assert client.get(CSV).has_header("Content-Length")


def test_a_visitor_gone_before_the_first_byte_leaves_no_file(client):
    ProjectFactory.create_batch(2)
    response = client.get(CSV)
    assert len(kept_files()) == 1  # claimed, being made

    # The server closes the response of a visitor who left; the test client would
    # close the test's database connection with it, so that is held back.
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)

    assert kept_files() == []
    assert len(titles(client.get(CSV).getvalue())) == 2
    assert client.get(CSV).has_header("Content-Length")
