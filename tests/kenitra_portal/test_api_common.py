"""What every API endpoint shares: bounds, caching headers, throttling, staff writes."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.utils import translation
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import NotFound
from rest_framework.test import APIClient

from projects.models import Project
from tests.factories import AxisFactory, OrganizationFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def token_client(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user)}")
    return client


# --- Pagination and ordering bounds ----------------------------------------------


def test_page_size_is_capped_at_100(api):
    OrganizationFactory.create_batch(105)

    response = api.get("/api/v1/organizations/?page_size=100000")

    assert response.status_code == 200
    assert len(response.json()["results"]) == 100
    assert response.json()["count"] == 105


@pytest.mark.parametrize("page", ["-1", "0", "abc", "999"])
def test_page_out_of_range_is_404_not_500(api, page):
    OrganizationFactory()

    assert api.get(f"/api/v1/organizations/?page={page}").status_code == 404


@pytest.mark.parametrize("page_size", ["-5", "0", "lots"])
def test_nonsense_page_size_falls_back_to_the_default(api, page_size):
    OrganizationFactory.create_batch(25)

    response = api.get(f"/api/v1/organizations/?page_size={page_size}")

    assert len(response.json()["results"]) == 20


@pytest.mark.parametrize(
    "ordering", ["password", "axis__title", "-search_document", "submitter_email", ","]
)
def test_ordering_outside_the_allow_list_is_refused(api, ordering):
    ProjectFactory()

    response = api.get("/api/v1/projects/", {"ordering": ordering})

    assert response.status_code == 400
    assert "progress" in response.json()["ordering"][0]


def test_ordering_message_is_in_the_requested_language_for_django_errors(api):
    response = api.get(
        "/api/v1/projects/?start_date_after=x", HTTP_ACCEPT_LANGUAGE="fr"
    )

    assert response.status_code == 400
    assert "date" in str(response.json()).lower()


# --- ETag / Last-Modified ---------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/v1/projects/", "/api/v1/projects/{pk}/"])
def test_unchanged_list_and_detail_answer_304_to_their_etag(api, path):
    project = ProjectFactory()
    url = path.format(pk=project.pk)
    first = api.get(url)
    assert first["ETag"]
    assert first["Last-Modified"]
    assert "no-cache" in first["Cache-Control"]

    again = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""

    since = api.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304

    project.title_ar = "عنوان جديد"
    project.save()
    changed = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_etag_differs_by_language(api):
    ProjectFactory(title_fr="Projet")

    arabic = api.get("/api/v1/projects/?lang=ar")
    french = api.get("/api/v1/projects/?lang=fr", HTTP_IF_NONE_MATCH=arabic["ETag"])

    assert french.status_code == 200
    assert "Accept-Language" in arabic["Vary"]


# --- Throttling -------------------------------------------------------------------


def test_anonymous_clients_past_the_limit_get_429_with_retry_after(api, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"},
    }
    for _ in range(3):
        assert api.get("/api/v1/axes/").status_code == 200

    response = api.get("/api/v1/axes/")

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0


def test_throttle_is_per_client_address(api, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1/minute"},
    }
    assert api.get("/api/v1/axes/", REMOTE_ADDR="192.0.2.1").status_code == 200
    assert api.get("/api/v1/axes/", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert api.get("/api/v1/axes/", REMOTE_ADDR="192.0.2.2").status_code == 200


# --- Writes: token, roles ---------------------------------------------------------


def new_project(axis, **fields):
    return {
        "axis_id": axis.pk,
        "title": {"ar": "مشروع جديد", "fr": "Nouveau projet"},
        "slug": "new-project",
        "status": "planned",
        "progress": 0,
        **fields,
    }


def test_anonymous_write_is_refused_and_changes_nothing(api):
    axis = AxisFactory()
    project = ProjectFactory(axis=axis, title_ar="كما هو")

    created = api.post("/api/v1/projects/", new_project(axis), format="json")
    changed = api.patch(
        f"/api/v1/projects/{project.pk}/", {"title": "مغير"}, format="json"
    )

    assert created.status_code == 401
    assert changed.status_code == 401
    assert Project.objects.count() == 1
    project.refresh_from_db()
    assert project.title_ar == "كما هو"


def test_bad_token_is_refused(api):
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")

    assert api.post("/api/v1/projects/", {}, format="json").status_code == 401


def test_read_only_endpoints_refuse_writes_even_for_publishers(publisher):
    response = token_client(publisher).post(
        "/api/v1/proposals/", {"title": "x"}, format="json"
    )

    assert response.status_code == 405


def test_councillor_may_not_write(councillor):
    axis = AxisFactory()

    response = token_client(councillor).post(
        "/api/v1/projects/", new_project(axis), format="json"
    )

    assert response.status_code == 403
    assert not Project.objects.exists()


def test_editor_creates_a_draft(editor):
    axis = AxisFactory()

    response = token_client(editor).post(
        "/api/v1/projects/", new_project(axis), format="json"
    )

    assert response.status_code == 201, response.content
    project = Project.objects.get(slug="new-project")
    assert project.publication_status == "draft"
    assert project.title_fr == "Nouveau projet"
    assert project.last_edited_by == editor
    assert "private" in response["Cache-Control"]


def test_editor_may_not_publish(editor):
    axis = AxisFactory()

    response = token_client(editor).post(
        "/api/v1/projects/",
        new_project(axis, publication_status="published"),
        format="json",
    )

    assert response.status_code == 403
    assert not Project.objects.exists()


def test_editor_updates_a_draft_and_sends_it_for_review(editor):
    draft = ProjectFactory(publication_status="draft")

    response = token_client(editor).patch(
        f"/api/v1/projects/{draft.pk}/",
        {"title": "عنوان أفضل", "publication_status": "review"},
        format="json",
    )

    assert response.status_code == 200, response.content
    draft.refresh_from_db()
    assert (draft.title_ar, draft.publication_status) == ("عنوان أفضل", "review")
    assert draft.version == 2


def test_editor_may_not_publish_a_draft_by_update(editor):
    draft = ProjectFactory(publication_status="review")

    response = token_client(editor).patch(
        f"/api/v1/projects/{draft.pk}/",
        {"publication_status": "published"},
        format="json",
    )

    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.publication_status == "review"


@pytest.mark.parametrize("status", ["draft", "review"])
def test_an_editor_cannot_unpublish_through_the_api(editor, status):
    published = ProjectFactory()

    response = token_client(editor).patch(
        f"/api/v1/projects/{published.pk}/",
        {"publication_status": status},
        format="json",
    )

    assert response.status_code == 403
    published.refresh_from_db()
    assert published.is_published


def test_editor_sees_drafts_through_the_api(editor):
    draft = ProjectFactory(publication_status="draft")

    response = token_client(editor).get(f"/api/v1/projects/{draft.pk}/")

    assert response.status_code == 200
    assert response.json()["publication_status"] == "draft"


def test_publisher_publishes(publisher):
    draft = ProjectFactory(publication_status="review")

    response = token_client(publisher).patch(
        f"/api/v1/projects/{draft.pk}/",
        {"publication_status": "published"},
        format="json",
    )

    assert response.status_code == 200, response.content
    draft.refresh_from_db()
    assert draft.is_published
    assert draft.published_at is not None


def test_a_publisher_creates_a_published_project_through_the_publishing_module(
    publisher,
):
    axis = AxisFactory()

    response = token_client(publisher).post(
        "/api/v1/projects/",
        new_project(axis, publication_status="published"),
        format="json",
    )

    assert response.status_code == 201, response.content
    project = Project.objects.get(slug="new-project")
    assert project.is_published and project.published_at is not None
    assert project.last_edited_by == publisher
    (row,) = project.history.all()
    assert (row.history_change_reason, row.history_user) == ("Published", publisher)


def test_string_value_is_stored_in_the_requested_language(publisher):
    project = ProjectFactory(title_ar="عنوان", title_fr="")

    response = token_client(publisher).patch(
        f"/api/v1/projects/{project.pk}/?lang=fr", {"title": "Titre"}, format="json"
    )

    assert response.status_code == 200
    project.refresh_from_db()
    assert (project.title_ar, project.title_fr) == ("عنوان", "Titre")


@pytest.mark.parametrize(
    "change",
    [
        {"progress": 150},
        {"title": {"de": "Titel"}},
        {"title": ""},
        {"axis_id": 999999},
        {"end_date": "2020-01-01", "start_date": "2021-01-01"},
    ],
)
def test_invalid_write_is_a_400_and_changes_nothing(publisher, change):
    project = ProjectFactory(title_ar="عنوان", progress=10)

    response = token_client(publisher).patch(
        f"/api/v1/projects/{project.pk}/", change, format="json"
    )

    assert response.status_code == 400, response.content
    project.refresh_from_db()
    assert (project.title_ar, project.progress, project.end_date) == ("عنوان", 10, None)


def test_editor_creates_a_meeting_and_a_workshop(editor):
    client = token_client(editor)
    axis = AxisFactory()

    meeting = client.post(
        "/api/v1/meetings/",
        {
            "title": "لقاء تشاوري",
            "slug": "consultation",
            "kind": "consultation",
            "axis_ids": [axis.pk, AxisFactory(publication_status="draft").pk],
        },
        format="json",
    )
    workshop = client.post(
        "/api/v1/workshops/",
        {
            "title": "ورشة",
            "slug": "workshop",
            "meeting_id": meeting.json().get("id"),
            "axis_id": axis.pk,
            "facilitator_ids": [OrganizationFactory().pk],
        },
        format="json",
    )

    assert meeting.status_code == 201, meeting.content
    assert workshop.status_code == 201, workshop.content
    assert len(workshop.json()["facilitators"]) == 1
    assert [a["id"] for a in meeting.json()["axes"]] == [axis.pk]


# --- Schema and documentation -----------------------------------------------------


def test_schema_is_english_openapi_3(api):
    response = api.get("/api/schema/?format=json", HTTP_ACCEPT_LANGUAGE="ar")

    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/axes/" in schema["paths"]
    parameters = schema["paths"]["/api/v1/projects/"]["get"]["parameters"]
    page = next(p for p in parameters if p["name"] == "page")
    assert re.search(r"[a-z]", page["description"])
    assert not re.search("[\u0600-\u06ff]", page["description"])


def test_schema_says_no_free_text_parameter_may_hold_nul(api):
    schema = api.get("/api/schema/?format=json").json()
    patterns = {
        (url, parameter["name"]): parameter["schema"]["pattern"]
        for url, path in schema["paths"].items()
        for operation in path.values()
        for parameter in operation.get("parameters", [])
        if parameter["schema"].get("type") == "string"
        and not {"enum", "format"} & parameter["schema"].keys()
    }
    assert re.fullmatch(patterns["/api/v1/proposals/", "q"], "كلمة")
    for pattern in patterns.values():
        assert not re.fullmatch(pattern, "كل\x00مة")

    # And the API answers as the schema says.
    response = api.get("/api/v1/proposals/", {"q": "a\x00b"})
    assert response.status_code == 400


def test_docs_load_swagger_ui_from_our_own_static_files(api):
    response = api.get("/api/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets
    for asset in assets:
        assert not asset.startswith(("http://", "https://", "//")), asset
    bundle = next(a for a in assets if "swagger-ui-bundle" in a)
    assert finders.find(bundle.removeprefix("/static/"))


@pytest.mark.parametrize(
    "since", ["0248-10-25T13:18:53-22:38", "0001-01-01T00:00:00+05:00", "tomorrow"]
)
def test_odd_updated_since_is_answered_never_a_500(api, since):
    ProjectFactory()

    response = api.get("/api/v1/projects/", {"updated_since": since})

    assert response.status_code in {200, 400}


def test_update_from_a_stale_version_is_refused_with_409(publisher):
    project = ProjectFactory(progress=10)
    client = token_client(publisher)
    read = client.get(f"/api/v1/projects/{project.pk}/").json()
    first = client.patch(
        f"/api/v1/projects/{project.pk}/",
        {"progress": 20, "version": read["version"]},
        format="json",
    )

    second = client.patch(
        f"/api/v1/projects/{project.pk}/",
        {"progress": 30, "version": read["version"]},
        format="json",
    )

    assert first.status_code == 200
    assert first.json()["version"] == read["version"] + 1
    assert second.status_code == 409
    project.refresh_from_db()
    assert project.progress == 20


# --- Language parameter and errors ------------------------------------------------


@pytest.mark.parametrize("lang", ["FR", "Fr", "fr"])
def test_lang_parameter_ignores_case(api, lang):
    AxisFactory(title_ar="الثقافة", title_fr="Culture", slug="culture")

    response = api.get(f"/api/v1/axes/?lang={lang}")

    assert response.status_code == 200
    assert response.json()["results"][0]["title"] == "Culture"


def test_lang_all_ignores_case(api):
    AxisFactory(title_ar="الثقافة", title_fr="Culture")

    (row,) = api.get("/api/v1/axes/?lang=ALL").json()["results"]

    assert row["title"]["fr"] == "Culture"


def test_unknown_lang_is_still_a_400_that_names_the_choices(api):
    response = api.get("/api/v1/axes/?lang=de")

    assert response.status_code == 400
    assert "fr" in response.json()["lang"][0]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/proposals/abc/",
        "/api/v1/people/1.5/",
        "/api/v1/memberships/99999999999999999999999/",
    ],
)
def test_api_404_is_json_whatever_the_path(api, path):
    response = api.get(path, HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == ["detail"]


@pytest.mark.parametrize(
    "path", ["/api/v1/organizations/1/extra/", "/api/v1/no-such-list/", "/api/x/"]
)
def test_api_address_that_matches_nothing_is_a_json_404(api, path):
    response = api.get(path, HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    with translation.override("fr"):
        assert response.json() == {"detail": str(NotFound.default_detail)}


def test_site_404_stays_a_page(client):
    response = client.get("/fr/no-such-page/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.django_db
def test_a_date_before_the_first_utc_instant_selects_everything(api):
    # 00:00:03 on 1 January of year 1 at +03:00 is in year 0 in UTC.
    ProjectFactory()
    response = api.get(
        "/api/v1/projects/", {"updated_since": "0001-01-01T00:00:03+03:00"}
    )
    assert response.status_code == 200
    assert response.json()["count"] == 1
