"""Referrals to partners: the offer and the package, sending, the conclusion, its recommendations
into the plan, closing without a conclusion, the late flag in business days, the journal."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from cases import route_graph as r
from cases import services
from cases.choices import AccessObject, OfferAnswer, ReferralStatus
from cases.models import AccessLog, Referral, Vacancy
from cases.services import referrals
from content.models import Partner, ServicePage
from portal.calendar import calendar_for


@pytest.fixture
def izgelek(db):
    return Partner.objects.get(slug="izgelek", locale__language_code="ru")


def draft(users, case, partner, **kwargs):
    values = {
        "reason": "Психологическая поддержка по ИПРА",
        "offer_on": timezone.localdate(),
        "offer_answer": OfferAnswer.AGREES,
        "documents_collected": partner.documents,
        **kwargs,
    }
    return referrals.save_referral(users["curator"], case, partner=partner, **values)


def test_a_referral_goes_only_with_the_citizens_agreement_and_the_whole_package(
    users, case_at, izgelek
):
    case = case_at(r.IN_SERVICE)
    referral = draft(users, case, izgelek, offer_answer="", documents_collected=["паспорт"])
    assert referral.documents_required == izgelek.documents
    with pytest.raises(ValidationError) as refused:
        referrals.send_referral(users["curator"], referral)
    text = " ".join(refused.value.messages)
    assert "не дал согласия" in text and "трудовая книжка" in text and "ИПРА" in text
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.DRAFT and referral.sent_on is None
    referral = draft(users, case, izgelek)
    referrals.send_referral(users["curator"], referral)
    referral.refresh_from_db()
    today = timezone.localdate()
    assert referral.status == ReferralStatus.SENT and referral.sent_on == today
    # The partner's term in business days of the centre's production calendar.
    assert referral.conclusion_due == calendar_for(case.centre).add_business_days(
        today, izgelek.conclusion_days
    )


def test_a_partner_of_another_centre_is_refused(users, case_at):
    case = case_at(r.IN_SERVICE)  # Naberezhnye Chelny
    gufsin = Partner.objects.get(slug="gufsin-chelyabinsk", locale__language_code="ru")
    with pytest.raises(ValidationError) as refused:
        draft(users, case, gufsin)
    assert "partner" in refused.value.error_dict


def test_a_late_referral_is_flagged_by_business_days(users, case_at, izgelek, client):
    case = case_at(r.IN_SERVICE)
    referral = draft(users, case, izgelek)
    referrals.send_referral(users["curator"], referral)
    calendar = calendar_for(case.centre)
    today = timezone.localdate()
    due = today - datetime.timedelta(days=1)
    while not calendar.is_business_day(due) or calendar.days_late(due, today) == 0:
        due -= datetime.timedelta(days=1)
    Referral.objects.filter(pk=referral.pk).update(conclusion_due=due)
    [row] = referrals.mark_late(Referral.objects.filter(pk=referral.pk), calendar, today)
    assert row.late
    # A deadline today is not late yet.
    Referral.objects.filter(pk=referral.pk).update(conclusion_due=today)
    [row] = referrals.mark_late(Referral.objects.filter(pk=referral.pk), calendar, today)
    assert not row.late
    Referral.objects.filter(pk=referral.pk).update(conclusion_due=due)
    client.force_login(users["curator"])
    page = client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "(просрочено)" in page.split('id="referrals-h"')[1].split("</section>")[0]
    work = client.get(reverse("cases:my-work")).content.decode()
    assert "Заключение: ГАУСО ЦРИ «Изгелек»" in work and "(просрочено)" in work


def test_the_conclusion_is_checked_and_its_recommendations_become_plan_items_once(
    users, case_at, izgelek, client
):
    case = case_at(r.IN_SERVICE)
    referral = draft(users, case, izgelek)
    referrals.send_referral(users["curator"], referral)
    client.force_login(users["curator"])
    url = reverse("cases:referral-action", args=[case.pk, referral.pk, "conclusion"])
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    typed = "Профессии типа «человек — знаковые системы»\nЗанятия в сфере общественных связей"
    response = client.post(
        url,
        {"conclusion_on": tomorrow.isoformat(), "partner_specialist": "", "recommendations": typed},
    )
    body = response.content.decode()
    assert response.status_code == 422
    assert "Укажите специалиста партнёра" in body
    assert "знаковые системы" in body  # the form keeps what was typed
    response = client.post(
        url,
        {
            "conclusion_on": tomorrow.isoformat(),
            "partner_specialist": "психолог Толемова У. А.",
            "recommendations": typed,
        },
    )
    body = response.content.decode()
    assert response.status_code == 422
    assert "Дата заключения не может быть позже сегодняшней." in body
    assert "Толемова" in body and "знаковые системы" in body
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT and referral.recommendations == ""
    response = client.post(
        url,
        {
            "conclusion_on": timezone.localdate().isoformat(),
            "partner_specialist": "психолог Толемова У. А.",
            "recommendations": typed,
            "acknowledged": "on",
        },
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.CONCLUDED and referral.acknowledged
    guidance = ServicePage.objects.get(slug="career-guidance", locale__language_code="ru")
    before = case.plan_items.count()
    plan = reverse("cases:referral-action", args=[case.pk, referral.pk, "plan"])
    due = (timezone.localdate() + datetime.timedelta(days=20)).isoformat()
    assert client.post(plan, {"service": guidance.pk, "due_date": due}).status_code == 302
    items = list(case.plan_items.order_by("-pk")[:2])
    assert case.plan_items.count() == before + 2
    assert {i.service_id for i in items} == {guidance.pk}
    assert any("знаковые системы" in i.note for i in items)
    assert all("Изгелек" in i.note for i in items)
    # Once: a second press adds nothing.
    assert client.post(plan, {"service": guidance.pk, "due_date": due}).status_code == 302
    assert case.plan_items.count() == before + 2


def test_closing_without_a_conclusion_needs_a_reason(users, case_at, izgelek):
    case = case_at(r.IN_SERVICE)
    referral = draft(users, case, izgelek)
    with pytest.raises(ValidationError) as refused:
        referrals.close_referral(users["curator"], referral, status="expired", reason="Срок")
    assert "status" in refused.value.error_dict  # a draft cannot expire
    with pytest.raises(ValidationError) as refused:
        referrals.close_referral(users["curator"], referral, status="declined", reason=" ")
    assert "reason" in refused.value.error_dict
    referrals.close_referral(users["curator"], referral, status="declined", reason="Передумал")
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.DECLINED and referral.closing_reason == "Передумал"


def test_the_offer_prints_with_the_citizen_partner_address_and_specialist(
    users, case_at, izgelek, client
):
    case = case_at(r.IN_SERVICE)
    referral = draft(users, case, izgelek)
    client.force_login(users["curator"])
    body = client.get(reverse("cases:referral-offer", args=[case.pk, referral.pk])).content.decode()
    assert "Предложение о предоставлении государственной услуги" in body
    assert "по психологической помощи и поддержке граждан, имеющих инвалидность" in body
    assert case.citizen.full_name in body and izgelek.address in body
    assert users["curator"].get_full_name() in body
    assert "<strong>согласен</strong>" in body
    assert AccessLog.objects.filter(
        object_type=AccessObject.REFERRAL, object_id=referral.pk
    ).exists()


def test_drafting_through_the_screens_keeps_what_was_typed(users, case_at, izgelek, client):
    case = case_at(r.IN_SERVICE)
    client.force_login(users["curator"])
    url = reverse("cases:referral-new", args=[case.pk])
    choose = client.get(url).content.decode()
    assert "ГАУСО «Центр реабилитации инвалидов «Изгелек»»" in choose
    assert "ГУФСИН" not in choose  # a partner of the other centre is not offered
    form = client.get(url, {"partner": izgelek.pk}).content.decode()
    assert "трудовая книжка" in form
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    data = {"partner": izgelek.pk, "reason": "", "offer_on": future, "documents": ["паспорт"]}
    response = client.post(url + f"?partner={izgelek.pk}", data)
    body = response.content.decode()
    assert response.status_code == 422
    assert "Укажите основание направления." in body
    assert 'value="паспорт" id="id_documents_0" checked' in body or (
        'value="паспорт"' in body and "checked" in body
    )
    assert not Referral.objects.filter(case=case).exists()
    data["reason"] = "Психологическая поддержка"
    response = client.post(url + f"?partner={izgelek.pk}", data)
    assert "Дата предложения не может быть позже сегодняшней." in response.content.decode()
    data["offer_on"] = timezone.localdate().isoformat()
    response = client.post(url + f"?partner={izgelek.pk}", data)
    assert response.status_code == 302
    referral = Referral.objects.get(case=case)
    assert referral.documents_collected == ["паспорт"]
    send = reverse("cases:referral-action", args=[case.pk, referral.pk, "send"])
    response = client.post(send, {"version": referral.version})
    assert response.status_code == 422
    assert "Не хватает документов" in response.content.decode()


def journal_rows(client, fmt, **query):
    response = client.get(reverse("cases:referral-journal-export", args=[fmt]), query)
    assert response.status_code == 200
    data = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "csv":
        return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    return [[c if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)]


def test_the_journal_filters_by_partner_and_period_and_exports(users, case_at, izgelek, client):
    case = case_at(r.IN_SERVICE)
    referral = draft(users, case, izgelek)
    old = draft(users, case, izgelek, offer_on=timezone.localdate() - datetime.timedelta(days=400))
    client.force_login(users["curator"])
    today = timezone.localdate().isoformat()
    query = {"partner": izgelek.pk, "date_from": today, "date_to": today}
    page = client.get(reverse("cases:referral-journal"), query).content.decode()
    assert case.citizen.full_name in page
    assert reverse("cases:referral-detail", args=[case.pk, referral.pk]) in page
    assert reverse("cases:referral-detail", args=[case.pk, old.pk]) not in page
    for fmt in ("csv", "xlsx"):
        rows = journal_rows(client, fmt, **query)
        assert rows[0][:3] == ["№", "Дата предложения", "Гражданин"]
        names = [row[2] for row in rows[1:]]
        assert names.count(case.citizen.full_name) == 1
    printed = client.get(reverse("cases:referral-journal-print"), query).content.decode()
    assert "Журнал направленных граждан" in printed and case.citizen.full_name in printed
    kinds = set(
        AccessLog.objects.filter(object_type=AccessObject.REFERRAL_JOURNAL).values_list(
            "action", flat=True
        )
    )
    assert kinds == {"view", "export", "print"}
    # A period backwards is refused next to the field, and the journal shows nothing.
    bad = client.get(
        reverse("cases:referral-journal"), {"date_from": today, "date_to": "2020-01-01"}
    )
    assert bad.status_code == 422 and "Конец периода раньше его начала." in bad.content.decode()


def test_another_centre_sees_nothing_of_the_journal(users, case_at, izgelek, client):
    case = case_at(r.IN_SERVICE)
    draft(users, case, izgelek)
    client.force_login(users["curator74"])
    today = timezone.localdate().isoformat()
    rows = journal_rows(client, "csv", date_from=today, date_to=today)
    assert all(case.citizen.full_name not in row for row in rows)


def test_a_closed_case_takes_no_new_referral(users, case_at, izgelek):
    case = case_at(r.WITHDRAWN)
    with pytest.raises(services.TransitionRefused):
        draft(users, case, izgelek)


def test_the_journal_and_the_vacancies_take_as_many_queries_for_many_rows_as_for_few(
    users, case_at, izgelek, client, django_assert_max_num_queries
):
    client.force_login(users["curator"])
    today = timezone.localdate().isoformat()
    journal = reverse("cases:referral-journal") + f"?date_from={today}&date_to={today}"
    vacancies = reverse("cases:vacancies")
    case = case_at(r.IN_SERVICE)
    draft(users, case, izgelek)
    counts = {}
    for url in (journal, vacancies):
        with django_assert_max_num_queries(40) as few:
            assert client.get(url).status_code == 200
        counts[url] = len(few.captured_queries)
    for n in range(12):
        draft(users, case, izgelek, reason=f"Основание {n}")
    vacancy = Vacancy.objects.filter(centre=case.centre).first()
    for n in range(12):
        copy = Vacancy.objects.create(
            centre=case.centre, employer=vacancy.employer, position=f"Должность {n}", place="Челны"
        )
        copy.working_conditions.set(vacancy.working_conditions.all())
    for url in (journal, vacancies):
        with django_assert_max_num_queries(counts[url]):
            assert client.get(url).status_code == 200


def test_my_work_lists_the_job_referrals_waiting_for_the_employer(users, case_at, client):
    case = case_at(r.IN_SERVICE)
    vacancy = Vacancy.objects.filter(centre=case.centre, status="open", posts_free__gt=0).first()
    services.jobs.issue_job_referral(users["career"], case, vacancy)
    client.force_login(users["employers"])  # records every answer of the centre
    work = client.get(reverse("cases:my-work")).content.decode()
    assert f"Ответ работодателя: {vacancy.employer.name}" in work
    assert case.citizen.full_name in work
    client.force_login(users["career"])  # sees the ones they issued, without the answer link
    work = client.get(reverse("cases:my-work")).content.decode()
    assert case.citizen.full_name in work
    assert "/job-referrals/" not in work
