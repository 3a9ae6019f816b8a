from html import escape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from core.models import PublicationStatus
from disclosure.models import NOT_FOR_A_COMMUNE, Category, ProactiveItem
from tests.api_support import results
from tests.factories import ProactiveItemFactory

pytestmark = pytest.mark.django_db

PAGE = "disclosure:proactive_list"


def test_page_lists_every_category_of_article_10_with_its_status(client):
    ProactiveItemFactory(
        category=Category.BUDGETS,
        title_ar="ميزانية الجماعة",
        url="https://kenitra.ma/b",
    )
    ProactiveItemFactory(
        category=Category.PROCUREMENT,
        title_ar="إعلان طلب عروض مسودة",
        publication_status=PublicationStatus.DRAFT,
    )

    response = client.get(reverse(PAGE))
    page = response.content.decode()

    for category in Category:
        assert f'id="{category.value}"' in page
        assert escape(str(category.label)) in page
    assert "ميزانية الجماعة" in page and "https://kenitra.ma/b" in page
    assert "إعلان طلب عروض مسودة" not in page
    not_yet = str(_label("Not yet published"))
    # every category a commune publishes and has nothing for says "not yet"
    expected = len(Category) - len(NOT_FOR_A_COMMUNE) - 1
    assert page.count(not_yet) == expected


def _label(text):
    with translation.override("ar"):
        return translation.gettext(text)


def test_an_item_needs_an_address_or_a_document():
    from django.core.exceptions import ValidationError

    item = ProactiveItemFactory.build(url="")
    with pytest.raises(ValidationError):
        item.full_clean()


def test_published_document_is_served_and_draft_one_is_not(client, settings, tmp_path):
    settings.DOCUMENTS_ROOT = tmp_path
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    item = ProactiveItemFactory(url="", document=SimpleUploadedFile("budget.pdf", pdf))
    draft = ProactiveItemFactory(
        url="",
        document=SimpleUploadedFile("draft.pdf", pdf),
        publication_status=PublicationStatus.DRAFT,
    )

    response = client.get(item.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert item.get_absolute_url() in client.get(reverse(PAGE)).content.decode()


def test_api_and_open_data_include_published_items(api, client):
    item = ProactiveItemFactory(category=Category.SERVICES)
    ProactiveItemFactory(publication_status=PublicationStatus.REVIEW)

    (row,) = results(api.get("/api/v1/published-information/?category=services"))
    assert row["id"] == item.pk and row["category"] == "services"
    assert row["link"] == item.url

    csv = (
        client.get(
            reverse(
                "open_data_download",
                kwargs={"dataset": "published-information", "file_format": "csv"},
            )
        )
        .getvalue()
        .decode("utf-8-sig")
    )
    assert item.title_ar in csv
    assert "published-information" in client.get(reverse("open_data")).content.decode()


def test_items_are_found_by_search(client):
    item = ProactiveItemFactory(title_ar="دليل الخدمات الجماعية")
    found = client.get(reverse("search"), {"q": "دليل"}).content.decode()
    assert item.title_ar.split()[0] in found
    assert ProactiveItem.objects.published().count() == 1


@pytest.mark.parametrize("rows", [5, 200])
def test_page_query_count_does_not_grow(client, django_assert_num_queries, rows):
    for n in range(rows):
        ProactiveItemFactory(category=list(Category)[n % len(Category)])
    # the items, the commune's details (footer)
    with django_assert_num_queries(2):
        assert client.get(reverse(PAGE)).status_code == 200
