"""Proposals sent at the same instant: each stored with its own reference, none lost."""

import threading

import pytest
from django.db import DatabaseError, connections
from django.test import Client
from django.urls import reverse

from tests.factories import AxisFactory
from tests.workshops.proposal_support import _empty_cache, proposal_post
from workshops import services
from workshops.models import Proposal, ReferenceCounter

__all__ = ["_empty_cache"]

SENDERS = 20


def send_together(posts):
    """POST each body from its own thread (its own connection), all released at once."""
    barrier = threading.Barrier(len(posts))
    statuses = [None] * len(posts)

    def send(index, data):
        try:
            barrier.wait()
            response = Client(REMOTE_ADDR=f"198.51.100.{index + 1}").post(
                reverse("workshops:proposal_create"), data
            )
            statuses[index] = response.status_code
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=send, args=(index, data))
        for index, data in enumerate(posts)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.mark.django_db(transaction=True)
def test_twenty_proposals_at_once_all_get_distinct_references():
    axis = AxisFactory()
    posts = [
        proposal_post(axis, text=f"نقترح تهيئة الحديقة رقم {n} قرب المدرسة الابتدائية.")
        for n in range(SENDERS)
    ]

    statuses = send_together(posts)

    assert statuses == [302] * SENDERS
    references = set(Proposal.objects.values_list("reference", flat=True))
    assert len(references) == SENDERS
    assert ReferenceCounter.objects.get().last_number == SENDERS


@pytest.mark.django_db
def test_references_follow_ones_given_without_the_counter(client):
    axis = AxisFactory()
    Proposal.objects.bulk_create(
        [Proposal(axis=axis, title="t", text="x", reference="KNT-2026-0041")]
    )
    ReferenceCounter.objects.create(year=2026, last_number=3)

    with_counter = ReferenceCounter.take_next()

    year = with_counter.split("-")[1]
    assert with_counter == ("KNT-2026-0042" if year == "2026" else f"KNT-{year}-0001")


@pytest.mark.django_db
def test_a_proposal_that_cannot_be_stored_comes_back_as_typed(client, monkeypatch):
    axis = AxisFactory()

    def database_down(*args, **kwargs):
        raise DatabaseError("could not connect to server")

    monkeypatch.setattr(services, "submit_proposal", database_down)
    data = proposal_post(axis, title="عنوان لا يضيع أبداً")

    response = client.post(reverse("workshops:proposal_create"), data)

    assert response.status_code == 503
    page = response.content.decode()
    assert "عنوان لا يضيع أبداً" in page
    assert data["text"] in page
    assert "fatima@example.test" in page
    assert not Proposal.objects.exists()
