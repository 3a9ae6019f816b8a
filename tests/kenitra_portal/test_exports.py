"""The open-data page and its CSV, JSON and Popolo downloads."""

import csv
import gc
import io
import json
import weakref

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from projects.serializers import ProjectSerializer
from tests.factories import (
    GoalFactory,
    MeetingFactory,
    MembershipFactory,
    MilestoneFactory,
    OrganizationFactory,
    ProjectFactory,
    ProposalFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db

DATASETS = ("projects", "meetings", "workshops", "proposals")


def read_csv(response):
    body = response.getvalue().decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(body.removeprefix("\ufeff"))))


def test_open_data_page_links_every_download(client):
    response = client.get("/fr/open-data/")

    assert response.status_code == 200
    html = response.content.decode()
    for dataset in DATASETS:
        assert f'href="/fr/open-data/{dataset}.csv"' in html
        assert f'href="/fr/open-data/{dataset}.json"' in html
    assert 'href="/fr/open-data/popolo.json"' in html
    assert 'href="/api/docs/"' in html


@pytest.mark.parametrize("dataset", DATASETS)
def test_csv_is_utf8_with_bom_and_readable_arabic(client, dataset):
    call_command("load_kenitra", verbosity=0)
    ProposalFactory(title="اقتراح حول الإنارة")

    response = client.get(f"/ar/open-data/{dataset}.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows
    assert any("\u0600" <= ch <= "\u06ff" for ch in rows[0]["title"])
    assert rows[0]["url"].startswith("http://testserver/ar/")


def test_csv_in_french_falls_back_to_arabic_where_untranslated(client):
    ProjectFactory(
        title_ar="مشروع", title_fr="Projet", summary_ar="ملخص", summary_fr=""
    )

    row = read_csv(client.get("/fr/open-data/projects.csv"))[0]

    assert (row["title"], row["summary"]) == ("Projet", "ملخص")
    assert row["axis.title"]


@pytest.mark.parametrize(
    "formula",
    [
        "=HYPERLINK(1)",
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "\tx",
        # Full-width, small and other look-alikes that spreadsheets may take for signs.
        "＝HYPERLINK(1)",
        "＋1+1",
        "－2+3",
        "＠SUM(A1)",
        "﹦1",
        "﹢1",
        "﹣1",
        "﹫A1",
        "\u22122+3",
        " =1+1",
    ],
)
def test_csv_neutralises_formulas(client, formula):
    ProjectFactory(title_ar=formula, location_ar=formula)

    row = read_csv(client.get("/ar/open-data/projects.csv"))[0]

    assert row["title"] == "'" + formula
    assert row["location"] == "'" + formula


def test_csv_lists_give_their_titles(client):
    meeting = MeetingFactory()
    meeting.axes.add(ProjectFactory(axis__title_ar="محور أول").axis)

    row = read_csv(client.get("/ar/open-data/meetings.csv"))[0]

    assert row["axes"] == "محور أول"


@pytest.mark.parametrize("dataset", DATASETS)
def test_json_matches_the_api_and_leaves_out_drafts(client, dataset):
    factory = {
        "projects": ProjectFactory,
        "meetings": MeetingFactory,
        "workshops": WorkshopFactory,
        "proposals": ProposalFactory,
    }[dataset]
    published = factory()
    factory(publication_status="draft")

    export = json.loads(client.get(f"/en/open-data/{dataset}.json").getvalue())
    api = client.get(f"/api/v1/{dataset}/{published.pk}/?lang=en").json()

    assert export["language"] == "en"
    assert export["count"] == 1
    assert export["results"][0]["id"] == published.pk
    assert export["results"][0]["title"] == api["title"]
    assert export["results"][0]["url"] == api["url"]


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_exports_never_carry_personal_data(client, file_format):
    ProposalFactory(
        submitter_name="Fatima Zahra Personne",
        submitter_association="Association Secrète",
        submitter_email="fatima.private@example.test",
        submitter_phone="+212600112233",
        submitter_ip="203.0.113.77",
        consent_given_at=timezone.now(),
    )

    for dataset in (*DATASETS, "popolo"):
        if dataset == "popolo" and file_format == "csv":
            continue
        body = client.get(f"/fr/open-data/{dataset}.{file_format}").getvalue().decode()
        for secret in (
            "Fatima Zahra",
            "Secrète",
            "fatima.private",
            "212600112233",
            "203.0.113.77",
            "submitter",
            "consent",
        ):
            assert secret not in body, (dataset, secret)


def test_popolo_json_has_people_organizations_and_memberships(client):
    membership = MembershipFactory(
        person__name_ar="الحسين مفتي",
        person__name_fr="El Houssine Mofti",
        organization__parent=OrganizationFactory(),
        role_ar="نائب الرئيس",
        role_fr="Vice-président",
    )

    popolo = json.loads(client.get("/fr/open-data/popolo.json").content)

    person = next(p for p in popolo["persons"] if p["name"] == "El Houssine Mofti")
    assert person["id"] == f"person/{membership.person_id}"
    assert {"name": "الحسين مفتي", "note": "name in ar", "lang": "ar"} in person[
        "other_names"
    ]
    organization = next(
        o
        for o in popolo["organizations"]
        if o["id"] == f"organization/{membership.organization_id}"
    )
    assert organization["parent_id"] == (
        f"organization/{membership.organization.parent_id}"
    )
    assert popolo["memberships"] == [
        {
            "id": f"membership/{membership.pk}",
            "person_id": person["id"],
            "organization_id": organization["id"],
            "role": "Vice-président",
            "start_date": None,
            "end_date": None,
        }
    ]


@pytest.mark.parametrize(
    "path", ["/ar/open-data/secrets.csv", "/ar/open-data/projects.xml"]
)
def test_unknown_download_is_404(client, path):
    assert client.get(path).status_code == 404


def test_downloads_refuse_post(client):
    assert client.post("/ar/open-data/projects.csv").status_code == 405


def make_rows(dataset, count):
    factory = {
        "projects": ProjectFactory,
        "meetings": MeetingFactory,
        "workshops": WorkshopFactory,
        "proposals": ProposalFactory,
    }[dataset]
    for _ in range(count):
        row = factory()
        if dataset == "meetings":
            row.axes.add(ProjectFactory().axis)
        if dataset == "workshops":
            row.facilitators.add(OrganizationFactory())


@pytest.mark.parametrize(
    ("dataset", "queries"),
    [("projects", 5), ("meetings", 10), ("workshops", 3), ("proposals", 2)],
)
@pytest.mark.parametrize("size", [5, 200])
@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_download_query_count_does_not_grow_with_rows(
    client, django_assert_num_queries, dataset, queries, size, file_format
):
    make_rows(dataset, size)

    with django_assert_num_queries(queries):
        response = client.get(f"/fr/open-data/{dataset}.{file_format}")
        # The rows are read while the response streams.
        response.getvalue()

    assert response.status_code == 200


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_downloads_stream_in_chunks_and_agree_with_the_api(
    client, monkeypatch, django_assert_num_queries, file_format
):
    monkeypatch.setattr("kenitra_portal.exports.CHUNK_SIZE", 2)
    make_rows("workshops", 5)
    ProposalFactory(publication_status="draft")

    # One read through a cursor; three chunks of at most two workshops, each with
    # its own prefetch of facilitators and projects.
    with django_assert_num_queries(1 + 3 * 2):
        response = client.get(f"/fr/open-data/workshops.{file_format}")
        body = response.getvalue().decode()

    assert response.streaming
    assert not response.has_header("Content-Length")
    api = [
        row["id"] for row in client.get("/api/v1/workshops/?lang=fr").json()["results"]
    ]
    if file_format == "json":
        exported = json.loads(body)
        assert exported["count"] == 5
        ids = [row["id"] for row in exported["results"]]
    else:
        ids = [int(row["id"]) for row in csv.DictReader(io.StringIO(body[1:]))]
    assert ids == api


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_written_rows_are_freed_without_the_garbage_collector(
    client, monkeypatch, file_format
):
    # A prefetch leaves a row and its related rows' queryset pointing at one
    # another. With the collector stopped, a row still alive once the download is
    # written is one that cycle kept: every chunk would wait for a full collection.
    monkeypatch.setattr("kenitra_portal.exports.CHUNK_SIZE", 2)
    for _ in range(5):
        project = ProjectFactory()
        MilestoneFactory(project=project)
        GoalFactory(axis=project.axis, project=project)
    written = []
    to_representation = ProjectSerializer.to_representation

    def keep_a_weak_reference(serializer, instance):
        written.append(weakref.ref(instance))
        return to_representation(serializer, instance)

    monkeypatch.setattr(ProjectSerializer, "to_representation", keep_a_weak_reference)
    gc.collect()
    gc.disable()
    try:
        client.get(f"/fr/open-data/projects.{file_format}").getvalue()
        alive = [ref for ref in written if ref() is not None]
    finally:
        gc.enable()

    assert len(written) == 5
    assert alive == []


@pytest.mark.parametrize("dataset", DATASETS)
def test_downloads_do_not_read_search_documents(client, dataset):
    make_rows(dataset, 2)
    if dataset == "projects":
        GoalFactory(project=ProjectFactory())

    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/ar/open-data/{dataset}.csv")
        response.getvalue()

    assert response.status_code == 200
    read = [query["sql"] for query in queries if "search_document" in query["sql"]]
    assert read == []
