"""Moderation: the transitions a proposal may take, who may make them, and the admin's
queue, actions, change form and the workshop inline."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from core import permissions
from core.models import Revision
from tests.factories import (
    OrganizationFactory,
    ProjectFactory,
    ProposalFactory,
    WorkshopFactory,
)
from tests.workshops.proposal_support import (
    _empty_cache,
    admin_form_data,
    make_editor,
    make_staff,
)
from workshops import services
from workshops.models import Proposal, ProposalSource, ProposalStatus

__all__ = ["_empty_cache"]

pytestmark = pytest.mark.django_db

S = ProposalStatus
CHANGELIST = "admin:workshops_proposal_changelist"


def change_url(proposal):
    return reverse("admin:workshops_proposal_change", args=[proposal.pk])


def steps(proposal):
    return list(
        proposal.status_changes.values_list("from_status", "to_status", "changed_by")
    )


@pytest.fixture
def editor():
    return make_editor()


@pytest.fixture
def new_proposal():
    return ProposalFactory(publication_status="draft", language="fr")


# --- The service: transitions and who may make them -------------------------------------


def test_a_status_change_is_dated_and_kept_with_who_made_it(editor, new_proposal):
    services.change_status(new_proposal, S.UNDER_STUDY, by=editor, note="للدراسة")

    change = new_proposal.status_changes.last()
    assert (change.from_status, change.to_status) == (S.RECEIVED, S.UNDER_STUDY)
    assert change.changed_by == editor
    assert change.note == "للدراسة"
    assert change.changed_at is not None
    assert new_proposal.answered_at == change.changed_at


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ([S.UNDER_STUDY, S.ACCEPTED], True),
        ([S.ACCEPTED, S.UNDER_STUDY], True),
        ([S.DECLINED, S.UNDER_STUDY, S.ACCEPTED], True),
        ([S.DECLINED, S.ACCEPTED], False),
        ([S.UNDER_STUDY, S.RECEIVED], False),
    ],
)
def test_transitions(editor, new_proposal, path, allowed):
    answer = {"ar": "جواب الجماعة"}

    def walk():
        for status in path:
            services.change_status(
                new_proposal, status, by=editor, public_answer=answer
            )

    if allowed:
        walk()
        assert new_proposal.status == path[-1]
    else:
        with pytest.raises(ValidationError) as caught:
            walk()
        assert "status" in caught.value.message_dict


def test_declining_needs_a_public_reason(editor, new_proposal):
    with pytest.raises(ValidationError) as caught:
        services.change_status(new_proposal, S.DECLINED, by=editor)

    assert "public_answer" in caught.value.message_dict
    new_proposal.refresh_from_db()
    assert new_proposal.status == S.RECEIVED
    assert len(steps(new_proposal)) == 1


def test_merging_needs_the_project_or_the_proposal_it_went_into(editor, new_proposal):
    with pytest.raises(ValidationError):
        services.change_status(new_proposal, S.MERGED, by=editor)

    project = ProjectFactory()
    services.change_status(new_proposal, S.MERGED, by=editor, project=project)

    new_proposal.refresh_from_db()
    assert (new_proposal.status, new_proposal.project) == (S.MERGED, project)


def test_a_proposal_cannot_be_merged_into_itself(editor, new_proposal):
    with pytest.raises(ValidationError):
        services.change_status(
            new_proposal, S.MERGED, by=editor, merged_into=new_proposal
        )


@pytest.mark.parametrize("who", ["anonymous", "staff without a role", "councillor"])
def test_only_editors_and_publishers_may_moderate(new_proposal, who):
    user = {
        "anonymous": lambda: AnonymousUser(),
        "staff without a role": lambda: make_staff("clerk"),
        "councillor": lambda: make_staff("councillor", permissions.COUNCILLOR),
    }[who]()

    with pytest.raises(PermissionDenied):
        services.change_status(new_proposal, S.UNDER_STUDY, by=user)
    with pytest.raises(PermissionDenied):
        services.publish(new_proposal, by=user)

    new_proposal.refresh_from_db()
    assert (new_proposal.status, new_proposal.is_published) == (S.RECEIVED, False)


def test_publishers_may_moderate_too(new_proposal):
    publisher = make_staff("publisher", permissions.PUBLISHER)

    services.change_status(new_proposal, S.ACCEPTED, by=publisher)
    services.publish(new_proposal, by=publisher)

    new_proposal.refresh_from_db()
    assert (new_proposal.status, new_proposal.is_published) == (S.ACCEPTED, True)


def test_a_status_changed_by_any_path_still_leaves_its_row(new_proposal):
    new_proposal.status = S.UNDER_STUDY
    new_proposal.save()

    assert steps(new_proposal)[-1] == (S.RECEIVED, S.UNDER_STUDY, None)


# --- The admin: who gets in, the queue and its counts -----------------------------------


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(reverse(CHANGELIST))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_staff_without_a_role_cannot_open_the_queue(client):
    client.force_login(make_staff("clerk"))

    assert client.get(reverse(CHANGELIST)).status_code == 403


def test_the_queue_counts_what_waits_for_the_editors(client, editor):
    ProposalFactory.create_batch(2, publication_status="draft")
    ProposalFactory(publication_status="review")
    ProposalFactory()  # published, not answered
    ProposalFactory(status=S.UNDER_STUDY)
    ProposalFactory(status=S.ACCEPTED)
    client.force_login(editor)

    response = client.get(reverse(CHANGELIST))

    assert response.context["moderation_counts"] == {
        "new": 3,
        "unanswered": 1,
        "under_study": 1,
    }
    assert "?moderation=new" in response.content.decode()


def test_the_queue_of_200_proposals_takes_a_handful_of_queries(
    client, editor, django_assert_max_num_queries
):
    ProposalFactory.create_batch(200, last_edited_by=editor)
    client.force_login(editor)
    client.get(reverse(CHANGELIST))  # content types and permissions, cached

    # Session and user, roles, the moderation counts in one aggregate, the date
    # hierarchy, the axis filter, the counts of the page, the page with its axis
    # and editor: no facet counts unless asked, nothing per row.
    with django_assert_max_num_queries(12):
        response = client.get(reverse(CHANGELIST))

    assert response.status_code == 200
    assert "_facets" in response.content.decode()  # the counts, one click away


def test_the_new_queue_lists_only_unpublished_unanswered_proposals(client, editor):
    waiting = ProposalFactory(publication_status="draft")
    ProposalFactory()
    ProposalFactory(publication_status="draft", status=S.UNDER_STUDY)
    client.force_login(editor)

    response = client.get(reverse(CHANGELIST), {"moderation": "new"})

    assert list(response.context["cl"].result_list) == [waiting]


# --- The admin: the change form -----------------------------------------------------------


def test_declining_in_the_admin_without_a_reason_is_refused(
    client, editor, new_proposal
):
    client.force_login(editor)
    data = admin_form_data(client.get(change_url(new_proposal)))
    data["status"] = S.DECLINED

    response = client.post(change_url(new_proposal), data)

    assert response.status_code == 200
    assert "public_answer_ar" in response.context["adminform"].form.errors
    new_proposal.refresh_from_db()
    assert new_proposal.status == S.RECEIVED


def test_declining_in_the_admin_is_told_to_the_author_once_a_publisher_publishes_it(
    client, editor, publisher, new_proposal, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    data = admin_form_data(client.get(change_url(new_proposal)))
    data.update(
        status=S.DECLINED,
        public_answer_ar="الاقتراح خارج اختصاصات الجماعة",
        public_answer_fr="La proposition ne relève pas de la commune.",
        status_note="بعد استشارة المصلحة التقنية",
        publication_status="review",
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(change_url(new_proposal), data)

    assert response.status_code == 302
    new_proposal.refresh_from_db()
    assert new_proposal.status == S.DECLINED
    assert steps(new_proposal)[-1] == (S.RECEIVED, S.DECLINED, editor.pk)
    assert new_proposal.status_changes.last().note == "بعد استشارة المصلحة التقنية"
    assert new_proposal.answered_at is not None
    # Nothing reaches the citizen before a publisher has read the answer.
    assert mail.outbox == []

    client.force_login(publisher)
    with django_capture_on_commit_callbacks(execute=True):
        run_action(client, "accept_for_publication", [new_proposal])

    [email] = mail.outbox
    assert email.to == [new_proposal.submitter_email]
    assert "La proposition ne relève pas de la commune." in email.body
    assert "/fr/proposals/follow/?reference=" in email.body

    # Published again later, it does not tell the same thing twice.
    with django_capture_on_commit_callbacks(execute=True):
        run_action(client, "unpublish_selected", [new_proposal])
        run_action(client, "accept_for_publication", [new_proposal])
    assert len(mail.outbox) == 1


def test_an_editor_may_not_skip_a_step_in_the_admin(client, editor):
    proposal = ProposalFactory(status=S.DECLINED, public_answer_ar="لا")
    client.force_login(editor)
    data = admin_form_data(client.get(change_url(proposal)))
    data["status"] = S.ACCEPTED

    response = client.post(change_url(proposal), data)

    assert "status" in response.context["adminform"].form.errors
    proposal.refresh_from_db()
    assert proposal.status == S.DECLINED


def test_an_editor_links_the_project_a_proposal_became(client, editor, new_proposal):
    project = ProjectFactory()
    client.force_login(editor)
    data = admin_form_data(client.get(change_url(new_proposal)))
    data.update(status=S.MERGED, project=str(project.pk))

    assert client.post(change_url(new_proposal), data).status_code == 302

    new_proposal.refresh_from_db()
    assert (new_proposal.status, new_proposal.project) == (S.MERGED, project)


def test_an_editor_may_not_publish_a_proposal_from_its_page(
    client, editor, new_proposal
):
    client.force_login(editor)
    data = admin_form_data(client.get(change_url(new_proposal)))
    data["publication_status"] = "published"

    response = client.post(change_url(new_proposal), data)

    assert response.status_code == 200
    assert "publication_status" in response.context["adminform"].form.errors
    new_proposal.refresh_from_db()
    assert not new_proposal.is_published


def test_a_publisher_publishes_a_proposal_from_its_page(
    client, publisher, new_proposal
):
    client.force_login(publisher)
    data = admin_form_data(client.get(change_url(new_proposal)))
    data["publication_status"] = "published"

    assert client.post(change_url(new_proposal), data).status_code == 302

    new_proposal.refresh_from_db()
    assert new_proposal.is_published


def test_an_editors_answer_to_a_published_proposal_waits_for_a_publisher(
    client, editor, publisher, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory(language="fr")
    client.force_login(editor)
    data = admin_form_data(client.get(change_url(proposal)))
    data.update(status=S.ACCEPTED, public_answer_fr="Acceptée, elle sera étudiée.")

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(change_url(proposal), data).status_code == 302

    proposal.refresh_from_db()
    assert (proposal.status, proposal.public_answer_fr or "") == (S.RECEIVED, "")
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Acceptée, elle sera étudiée." not in page
    assert mail.outbox == []

    client.force_login(publisher)
    data = admin_form_data(client.get(change_url(proposal)))
    data["revision"] = str(Revision.objects.get().pk)  # approving what was shown
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(change_url(proposal), data).status_code == 302

    proposal.refresh_from_db()
    assert (proposal.status, proposal.public_answer_fr) == (
        S.ACCEPTED,
        "Acceptée, elle sera étudiée.",
    )
    [email] = mail.outbox
    assert "Acceptée, elle sera étudiée." in email.body


def test_a_page_left_open_while_the_status_changed_cannot_overwrite_it(
    client, editor, new_proposal
):
    client.force_login(editor)
    data = admin_form_data(client.get(change_url(new_proposal)))
    services.change_status(new_proposal, S.UNDER_STUDY, by=make_editor("other"))

    response = client.post(change_url(new_proposal), data)

    assert response.status_code == 200
    new_proposal.refresh_from_db()
    assert new_proposal.status == S.UNDER_STUDY


# --- The admin: actions on a selection ------------------------------------------------


def run_action(client, action, proposals):
    return client.post(
        reverse(CHANGELIST),
        {"action": action, "_selected_action": [str(p.pk) for p in proposals]},
    )


def test_accept_for_publication_publishes_the_selection(client, publisher):
    waiting = ProposalFactory.create_batch(2, publication_status="draft")
    client.force_login(publisher)

    run_action(client, "accept_for_publication", waiting)

    assert Proposal.objects.published().count() == 2


def test_an_editor_cannot_accept_for_publication(client, editor):
    waiting = ProposalFactory.create_batch(2, publication_status="review")
    client.force_login(editor)

    run_action(client, "accept_for_publication", waiting)

    assert Proposal.objects.published().count() == 0


def test_an_editor_cannot_change_the_status_of_a_published_proposal_in_bulk(
    client, editor
):
    published = ProposalFactory()
    client.force_login(editor)

    response = run_action(client, "mark_under_study", [published])

    published.refresh_from_db()
    assert published.status == S.RECEIVED
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any(published.reference in m for m in messages)


def test_mark_under_study_records_each_proposal(client, editor):
    proposals = ProposalFactory.create_batch(2, publication_status="draft")
    client.force_login(editor)

    run_action(client, "mark_under_study", proposals)

    for proposal in proposals:
        assert steps(proposal)[-1] == (S.RECEIVED, S.UNDER_STUDY, editor.pk)


def test_an_action_that_cannot_apply_says_so_and_changes_nothing(client, editor):
    declined = ProposalFactory(status=S.DECLINED, public_answer_ar="لا")
    client.force_login(editor)

    response = run_action(client, "mark_accepted", [declined])

    declined.refresh_from_db()
    assert declined.status == S.DECLINED
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any(declined.reference in m for m in messages)


def test_merge_duplicates_keeps_the_oldest(client, editor):
    oldest = ProposalFactory(title="الأقدم", publication_status="draft")
    newer = ProposalFactory.create_batch(2, publication_status="draft")
    client.force_login(editor)

    run_action(client, "merge_duplicates", [*newer, oldest])

    oldest.refresh_from_db()
    assert oldest.status == S.RECEIVED
    for proposal in newer:
        proposal.refresh_from_db()
        assert (proposal.status, proposal.merged_into) == (S.MERGED, oldest)


def test_staff_without_a_role_cannot_run_moderation_actions(client):
    proposal = ProposalFactory(publication_status="draft")
    client.force_login(make_staff("clerk"))

    response = run_action(client, "accept_for_publication", [proposal])

    assert response.status_code == 403
    proposal.refresh_from_db()
    assert not proposal.is_published


# --- Workshop proposals typed in by staff ---------------------------------------------


def workshop_change_url(workshop):
    return reverse("admin:workshops_workshop_change", args=[workshop.pk])


def add_inline_proposal(data, **values):
    index = int(data["proposals-TOTAL_FORMS"])
    data["proposals-TOTAL_FORMS"] = str(index + 1)
    for name, value in values.items():
        data[f"proposals-{index}-{name}"] = value
    return data


def test_staff_enter_a_workshops_proposals_with_the_association_that_carried_them(
    client, superuser
):
    workshop = WorkshopFactory()
    association = OrganizationFactory(name_ar="جمعية الأمل")
    client.force_login(superuser)
    data = admin_form_data(client.get(workshop_change_url(workshop)))
    add_inline_proposal(
        data,
        axis=str(workshop.axis.pk),
        title="ملعب القرب",
        text="تهيئة ملعب القرب في الحي الجديد",
        carried_by=str(association.pk),
        status=S.ACCEPTED,
        public_answer_ar="مبرمج في 2026",
        publication_status="published",
    )

    response = client.post(workshop_change_url(workshop), data)

    assert response.status_code == 302, response.context["errors"]
    proposal = workshop.proposals.get()
    assert proposal.source == ProposalSource.WORKSHOP
    assert proposal.carried_by == association
    assert proposal.reference.startswith("KNT-")
    assert steps(proposal) == [("", S.ACCEPTED, superuser.pk)]
    assert proposal.is_published


def test_workshop_proposals_follow_the_same_transitions(client, superuser):
    workshop = WorkshopFactory()
    proposal = ProposalFactory(
        workshop=workshop,
        source=ProposalSource.WORKSHOP,
        status=S.DECLINED,
        public_answer_ar="لا",
    )
    client.force_login(superuser)
    data = admin_form_data(client.get(workshop_change_url(workshop)))
    data["proposals-0-status"] = S.ACCEPTED

    response = client.post(workshop_change_url(workshop), data)

    assert response.status_code == 200
    proposal.refresh_from_db()
    assert proposal.status == S.DECLINED
