"""What every API endpoint shares: bounds, caching headers, throttling, the schema,
the language parameter and errors. Staff writes are in test_api_writes.py."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.utils import translation
from rest_framework.exceptions import NotFound

from tests.factories import AxisFactory, OrganizationFactory, ProjectFactory

pytestmark = pytest.mark.django_db


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
