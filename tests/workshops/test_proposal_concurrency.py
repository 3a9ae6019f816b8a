"""Proposals sent at the same instant: each stored with its own reference, none lost."""

import threading

import pytest
from django.db import DatabaseError, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.models import YearCounter
from tests.factories import AxisFactory
from tests.workshops.proposal_support import _empty_cache, proposal_post
from workshops import services
from workshops.models import Proposal

__all__ = ["_empty_cache"]

SENDERS = 20


def send_together(posts, addresses=None):
    """POST each body from its own thread (its own connection), all released at once."""
    addresses = addresses or [f"198.51.100.{n + 1}" for n in range(len(posts))]
    barrier = threading.Barrier(len(posts))
    statuses = [None] * len(posts)

    def send(index, data):
        try:
            barrier.wait()
            response = Client(REMOTE_ADDR=addresses[index]).post(
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
    assert YearCounter.objects.get().last_number == SENDERS


@pytest.mark.django_db(transaction=True)
def test_the_rate_limit_holds_for_proposals_sent_at_once(settings):
    settings.PROPOSAL_RATE_LIMIT = 5
    axis = AxisFactory()
    posts = [
        proposal_post(axis, text=f"نقترح تهيئة الحديقة رقم {n} قرب المدرسة الابتدائية.")
        for n in range(SENDERS)
    ]

    statuses = send_together(posts, addresses=["203.0.113.7"] * SENDERS)

    assert sorted(statuses) == [302] * 5 + [429] * (SENDERS - 5)
    assert Proposal.objects.count() == 5


@pytest.mark.django_db
def test_references_follow_ones_given_without_the_counter(client):
    axis = AxisFactory()
    year = timezone.localdate().year
    Proposal.objects.bulk_create(
        [Proposal(axis=axis, title="t", text="x", reference=f"KNT-{year}-0041")]
    )
    YearCounter.objects.create(series="proposals", year=year, last_number=3)

    client.post(reverse("workshops:proposal_create"), proposal_post(axis))

    assert Proposal.objects.filter(reference=f"KNT-{year}-0042").exists()


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
