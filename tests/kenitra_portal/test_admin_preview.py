"""View on site and the draft preview, for staff only."""

import pytest
from django.urls import reverse

from tests import factories
from tests.kenitra_portal.admin_support import change_url


def test_view_on_site_only_for_published_records(client, editor, draft):
    published = factories.ProjectFactory()
    client.force_login(editor)
    assert "viewsitelink" not in client.get(change_url(draft)).content.decode()
    assert "viewsitelink" in client.get(change_url(published)).content.decode()


def test_draft_preview_is_for_staff_only(client, editor, councillor, draft):
    url = reverse(
        "preview",
        kwargs={"app_label": "projects", "model_name": "project", "pk": draft.pk},
    )
    assert client.get(url).status_code == 404
    client.force_login(councillor)
    assert client.get(url).status_code == 404
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert "مشروع المشاركة المواطنة" in response.content.decode()
    assert url in client.get(change_url(draft)).content.decode()
    # The public page itself still hides the draft.
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("factory", "title_field"),
    [
        (factories.AxisFactory, "title_ar"),
        (factories.ProjectFactory, "title_ar"),
        (factories.MeetingFactory, "title_ar"),
        (factories.WorkshopFactory, "title_ar"),
        (factories.ProposalFactory, "title"),
    ],
    ids=["axis", "project", "meeting", "workshop", "proposal"],
)
def test_every_previewable_draft_renders_for_staff(
    client, editor, factory, title_field
):
    draft = factory(publication_status="draft", **{title_field: "مسودة للمعاينة"})
    opts = draft._meta
    url = reverse(
        "preview",
        kwargs={
            "app_label": opts.app_label,
            "model_name": opts.model_name,
            "pk": draft.pk,
        },
    )
    assert client.get(url).status_code == 404
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert "مسودة للمعاينة" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex"
