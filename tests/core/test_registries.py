"""A publishable model needs only its class: every registry is read from the models.

For each publishable model, whatever app it is in: the roles give it to editors and
its deletion to publishers, rich text is sanitised, a searchable one is searched and
indexed, a published row's change empties the page cache, and a model with a page of
its own gets a preview. A record searched as a kind of its own is downloadable on the
open-data page, from a dataset its app declares.
"""

import re

import pytest
from django.db.migrations.loader import MigrationLoader
from django.db.models import QuerySet
from django.urls import reverse

from core.models import PublicationStatus, SearchableModel
from core.pagecache import is_public_change
from core.permissions import EDITOR, PUBLISHER, publishable_models, role_permissions
from core.preview import models_with_pages, public_view
from core.sanitize import sanitize_instance
from core.search import CreateSearchIndex
from kenitra_portal.api import from_app_apis
from kenitra_portal.exports import DATASETS
from kenitra_portal.search import search_kinds
from tests import factories
from tests.test_architecture import floor, graph

PUBLISHABLE = publishable_models()


def label(model):
    return model._meta.label


def test_the_portal_has_publishable_models_in_every_content_app():
    assert {m._meta.app_label for m in PUBLISHABLE} >= {
        "projects",
        "consultations",
        "workshops",
    }


@pytest.mark.parametrize("model", PUBLISHABLE, ids=label)
def test_roles_cover_it(model):
    opts = model._meta
    roles = role_permissions()
    assert (opts.app_label, f"change_{opts.model_name}") in roles[EDITOR]
    assert (opts.app_label, f"delete_{opts.model_name}") not in roles[EDITOR]
    assert (opts.app_label, f"delete_{opts.model_name}") in roles[PUBLISHER]


@pytest.mark.parametrize("model", PUBLISHABLE, ids=label)
def test_its_rich_text_is_sanitised(model):
    instance = model()
    for name in model.rich_text_fields:
        setattr(
            instance, f"{name}_ar", '<p onclick="x()">نص</p><script>alert(1)</script>'
        )
    sanitize_instance(model, instance)
    for name in model.rich_text_fields:
        assert getattr(instance, f"{name}_ar") == "<p>نص</p>"


@pytest.mark.parametrize(
    "model", [m for m in PUBLISHABLE if issubclass(m, SearchableModel)], ids=label
)
def test_a_searchable_one_is_searched_and_indexed(model):
    assert model in {kind.model for kind in search_kinds()}
    assert model.search_kind and model.search_fields
    loader = MigrationLoader(None, ignore_no_migrations=True)
    indexed = {
        operation.model_name
        for (app_label, _name), migration in loader.disk_migrations.items()
        if app_label == model._meta.app_label
        for operation in migration.operations
        if isinstance(operation, CreateSearchIndex)
    }
    assert model.__name__ in indexed


@pytest.mark.parametrize("model", PUBLISHABLE, ids=label)
def test_a_published_row_empties_the_page_cache_and_a_draft_does_not(model):
    assert is_public_change(model(publication_status=PublicationStatus.PUBLISHED))
    assert not is_public_change(model(publication_status=PublicationStatus.DRAFT))


@pytest.mark.parametrize("model", PUBLISHABLE, ids=label)
def test_a_model_with_a_page_of_its_own_has_a_preview(model, client, superuser):
    factory = getattr(factories, f"{model.__name__}Factory", None)
    if factory is None:
        pytest.fail(f"tests/factories.py has no {model.__name__}Factory")
    draft = factory(publication_status=PublicationStatus.DRAFT)
    client.force_login(superuser)
    opts = model._meta
    response = client.get(f"/ar/preview/{opts.app_label}/{opts.model_name}/{draft.pk}/")
    if public_view(draft) is None:
        # Shown on another record's page (an update on its project's): no preview.
        assert response.status_code == 404
    else:
        assert response.status_code == 200
        assert response["X-Robots-Tag"] == "noindex"


def test_every_model_with_a_page_of_its_own_is_in_the_sitemap():
    from kenitra_portal.sitemaps import sitemaps

    listed = {getattr(section, "model", None) for section in sitemaps.values()}
    assert {m._meta.label for m in models_with_pages()} >= {
        "projects.Project",
        "consultations.Meeting",
        "workshops.Proposal",
    }
    assert models_with_pages() <= listed


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model",
    [
        m
        for m in PUBLISHABLE
        if issubclass(m, SearchableModel)
        and m.search_kind
        and not getattr(m, "publication_parents", None)
    ],
    ids=label,
)
def test_a_record_searched_as_a_kind_of_its_own_is_downloadable(model):
    downloadable = {
        rows.model
        for dataset in DATASETS.values()
        if isinstance(rows := dataset.rows(), QuerySet)
    }
    assert model in downloadable


@pytest.mark.django_db
def test_the_open_data_page_lists_what_the_apps_declare_and_nothing_else(client):
    declared = sorted(from_app_apis("DATASETS"), key=lambda dataset: dataset.order)
    page = client.get(reverse("open_data")).content.decode()

    listed = re.findall(r'href="/ar/open-data/([-\w]+)\.csv"', page)
    assert listed == [dataset.slug for dataset in declared]


def test_no_list_of_datasets_is_kept_above_the_apps():
    """The top floor names no app's API or dataset serializers: it finds them."""
    named = {dataset.serializer_class.__module__ for dataset in DATASETS.values()}
    # Only the apps' modules count: the ground's and the top's own hold no dataset.
    reached = {
        (name, target)
        for name, targets in graph().items()
        if name.startswith("kenitra_portal.")
        for target in targets
        if 0 < floor(target) < floor(name)
        and (target in named or target.endswith(".api"))
    }
    assert reached == set()
