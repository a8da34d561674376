"""Surveys in the case: the invitation sent on a configured transition, the citizen's one-time
link, and the specialist's phone survey."""

import pytest
from django.core import mail
from django.core.cache import cache
from wagtail.models import ModelLogEntry

from cases import route_graph as r
from cases import services
from cases.choices import InvitationDelivery
from content.models import Route, SurveyPage, SurveySubmission

CLOSING = "ocenka-kachestva-uslug"
IMPRESSION = "vpechatlenie-ot-vzaimodejstviya"


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


def answers(page, **by_label):
    """Valid answers to every required question, overridable by label."""
    data = {}
    for q in page.get_form_fields():
        if q.show_if_question:
            continue
        if q.field_type in ("rating",):
            data[q.clean_name] = "5"
        elif q.field_type == "nps":
            data[q.clean_name] = "10"
        elif q.field_type == "radio":
            data[q.clean_name] = q.answer_options()[-1]
        elif q.field_type == "checkboxes":
            data[q.clean_name] = [q.answer_options()[0]]
    for label, value in by_label.items():
        data[next(q.clean_name for q in page.get_form_fields() if q.label == label)] = value
    return data


@pytest.fixture
def closing_survey(db):
    return SurveyPage.objects.get(slug=CLOSING)


def close(case, users):
    return services.run_transition(case, "close", users["curator"])


def test_demo_route_invites_to_the_closing_survey(case_at, users, closing_survey):
    route = Route.objects.get(life_situation__slug="disability-employment")
    assert route.steps.get(transition="close").survey_id == closing_survey.pk
    case = case_at(r.EMPLOYED)
    case = close(case, users)
    invitation = case.survey_invitations.get()
    assert invitation.survey_id == closing_survey.pk
    assert invitation.transition == "close"
    assert invitation.delivery == InvitationDelivery.STAFF  # no e-mail on file
    assert mail.outbox == []
    assert ModelLogEntry.objects.filter(
        action="marshrut.case.survey_invite", object_id=str(case.pk)
    ).exists()


def test_invitation_is_mailed_after_commit_when_the_citizen_left_an_address(
    case_at, users, closing_survey, django_capture_on_commit_callbacks
):
    case = case_at(r.EMPLOYED)
    case.citizen.email = "citizen@example.org"
    case.citizen.save()
    with django_capture_on_commit_callbacks() as callbacks:
        case = close(case, users)
    assert mail.outbox == []  # nothing leaves before the transition has committed
    for callback in callbacks:
        callback()
    invitation = case.survey_invitations.get()
    assert invitation.delivery == InvitationDelivery.EMAIL
    assert len(mail.outbox) == 1
    letter = mail.outbox[0]
    assert letter.to == ["citizen@example.org"]
    assert f"/opros/{invitation.token}/" in letter.body
    invitation.refresh_from_db()
    assert invitation.delivered_at is not None


def test_failed_letter_leaves_the_invitation_to_staff(case_at, users, monkeypatch):
    case = case_at(r.EMPLOYED)
    case.citizen.email = "citizen@example.org"
    case.citizen.save()

    def broken(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr(services.surveys, "send_mail", broken)
    case = close(case, users)
    invitation = case.survey_invitations.get()
    assert services.send_invitation(invitation.pk) is False
    invitation.refresh_from_db()
    assert invitation.delivery_failed and invitation.delivered_at is None


def test_no_invitation_when_the_step_has_no_survey(case_at, users):
    case = case_at(r.PLAN_AGREED)
    assert not case.survey_invitations.exists()


def test_invitation_link_answers_once_and_anonymously(client, case_at, users, closing_survey):
    case = close(case_at(r.EMPLOYED), users)
    invitation = case.survey_invitations.get()
    url = f"/opros/{invitation.token}/"
    page = client.get(url)
    assert page.status_code == 200
    assert page["Referrer-Policy"] == "no-referrer"
    assert case.citizen.last_name not in page.content.decode()

    bad = client.post(url, {})
    assert bad.status_code == 422

    assert "Проверьте, пожалуйста, ответы" in bad.content.decode()

    before = SurveySubmission.objects.count()
    response = client.post(url, answers(closing_survey))
    assert response.status_code == 302
    assert SurveySubmission.objects.count() == before + 1
    saved = SurveySubmission.objects.latest("pk")
    assert (saved.channel, saved.centre_id) == ("invitation", case.centre_id)
    assert set(saved.form_data) <= {q.clean_name for q in closing_survey.get_form_fields()}
    invitation.refresh_from_db()
    assert invitation.answered

    again = client.post(url, answers(closing_survey))
    assert again.status_code == 200
    assert "уже ответили" in again.content.decode()
    assert SurveySubmission.objects.count() == before + 1


def test_unknown_invitation_is_404(client, db):
    assert client.get("/opros/not-a-token/").status_code == 404


def test_phone_survey_answers_the_waiting_invitation(client, case_at, users, closing_survey):
    case = close(case_at(r.EMPLOYED), users)
    client.force_login(users["curator"])
    detail = client.get(f"/staff/cases/{case.pk}/").content.decode()
    assert 'id="surveys"' in detail
    assert f"/opros/{case.survey_invitations.get().token}/" in detail
    url = f"/staff/cases/{case.pk}/surveys/{closing_survey.pk}/"
    assert url in detail

    form = client.get(url)
    assert form.status_code == 200
    assert "Опрос по телефону" in form.content.decode()

    partial = answers(closing_survey)
    partial.pop(next(iter(partial)))
    bad = client.post(url, partial)
    assert bad.status_code == 422
    html = bad.content.decode()
    assert "Выберите ответ." in html
    assert 'value="5"' in html and "checked" in html  # what was entered stays

    response = client.post(url, answers(closing_survey))
    assert response.status_code == 302
    saved = SurveySubmission.objects.latest("pk")
    assert (saved.channel, saved.centre_id) == ("phone", case.centre_id)
    invitation = case.survey_invitations.get()
    assert invitation.answered and invitation.answered_by_phone == users["curator"]
    assert ModelLogEntry.objects.filter(
        action="marshrut.case.survey_phone", object_id=str(case.pk)
    ).exists()


def test_phone_survey_without_an_invitation_is_recorded(client, new_case, users):
    case = new_case()
    survey = SurveyPage.objects.get(slug=IMPRESSION)
    client.force_login(users["reception"])
    response = client.post(f"/staff/cases/{case.pk}/surveys/{survey.pk}/", answers(survey))
    assert response.status_code == 302
    invitation = case.survey_invitations.get()
    assert invitation.delivery == InvitationDelivery.PHONE and invitation.answered


def test_phone_survey_respects_centre_and_settings(client, new_case, users):
    case = new_case()
    survey = SurveyPage.objects.get(slug=IMPRESSION)
    client.force_login(users["curator74"])
    assert client.get(f"/staff/cases/{case.pk}/surveys/{survey.pk}/").status_code == 404
    client.force_login(users["reception"])
    survey.phone_enabled = False
    survey.save_revision().publish()
    assert client.get(f"/staff/cases/{case.pk}/surveys/{survey.pk}/").status_code == 404


def test_survey_for_another_life_situation_is_not_offered(client, users, db):
    from cases.models import Case

    survey = SurveyPage.objects.get(slug="udovletvorennost-grazhdan-s-invalidnostyu")
    other = Case.objects.filter(life_situation__slug="released-from-prison").first()
    assert survey not in services.surveys_for(other)
    client.force_login(users["curator74"])
    assert client.get(f"/staff/cases/{other.pk}/surveys/{survey.pk}/").status_code == 404
