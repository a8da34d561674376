"""Retention checks (issue 12 point 6): scheduled from the employment after the route's months
(editable), recorded with Russian messages for bad input, the case moving to «Контроль
закрепляемости» and closing after the last check or earlier with a reason, «Моя работа», the
report, and who may do what."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from cases import route_graph as r
from cases import services
from cases.choices import RetentionOutcome
from cases.models import Case, RetentionCheck
from cases.services.retention_schedule import add_months
from content.models import Route
from content.models.routes import validate_retention_months

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def employed_case(case_at, days_ago=35):
    case = case_at(r.EMPLOYED)
    employed = TODAY - datetime.timedelta(days=days_ago)
    Case.objects.filter(pk=case.pk).update(employed_on=employed)
    for check in case.retention_checks.all():
        RetentionCheck.objects.filter(pk=check.pk).update(due_on=add_months(employed, check.months))
    return Case.objects.get(pk=case.pk)


def url(check):
    return reverse("cases:case-retention-check", args=[check.case_id, check.pk])


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2027, 11, 15), 3) == datetime.date(2028, 2, 15)
    assert add_months(datetime.date(2028, 1, 31), 1) == datetime.date(2028, 2, 29)


def test_recording_the_employment_schedules_the_routes_checks(case_at):
    case = case_at(r.EMPLOYED)
    checks = list(case.retention_checks.values_list("months", "due_on"))
    assert checks == [(m, add_months(case.employed_on, m)) for m in (1, 3, 6, 12)]


def test_editors_set_the_months_per_route_and_a_new_version_applies_to_new_cases(
    case_at, situation
):
    route = Route.objects.get(life_situation=situation)
    route.retention_months = "2, 6"
    route.save_revision().publish()
    case = case_at(r.EMPLOYED)
    assert list(case.retention_checks.values_list("months", flat=True)) == [2, 6]
    for bad in ("12, 6", "0, 3", "1, 3, x", "40", "1,2,3,4,5,6,7,8,9"):
        with pytest.raises(ValidationError, match="по возрастанию"):
            validate_retention_months(bad)
    validate_retention_months("")  # a route without checks


def test_the_first_result_starts_the_control_and_the_last_closes_the_case(case_at, users):
    case = employed_case(case_at, days_ago=400)
    curator = users["curator"]
    checks = list(case.retention_checks.order_by("months"))
    services.record_check(
        curator, checks[0], outcome="employed", checked_on=TODAY - datetime.timedelta(days=360)
    )
    case.refresh_from_db()
    assert case.state == r.RETENTION_CHECK
    for check in checks[1:-1]:
        services.record_check(curator, check, outcome="not_reachable", checked_on=TODAY)
    case.refresh_from_db()
    assert case.state == r.RETENTION_CHECK
    services.record_check(curator, checks[-1], outcome="employed", checked_on=TODAY, note="Ок")
    case.refresh_from_db()
    assert case.state == r.CLOSED
    assert case.transitions.first().comment == "Все проверки закрепляемости проведены."


def test_closing_early_with_a_reason_marks_the_rest_as_not_held(case_at, users):
    case = employed_case(case_at)
    first = case.retention_checks.get(months=1)
    services.record_check(
        users["curator"],
        first,
        outcome="left",
        left_reason="Сокращение штата",
        checked_on=TODAY,
        close_reason="Гражданин переехал в другой регион",
    )
    case.refresh_from_db()
    assert case.state == r.CLOSED
    assert set(case.retention_checks.exclude(pk=first.pk).values_list("outcome", flat=True)) == {
        RetentionOutcome.CANCELLED
    }


def test_closing_the_case_by_its_route_cancels_the_pending_checks(case_at, users):
    case = employed_case(case_at)
    services.run_transition(case, "close", users["curator"])
    assert set(case.retention_checks.values_list("outcome", flat=True)) == {"cancelled"}
    assert not services.due_checks(users["curator"], TODAY).filter(case=case).exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"outcome": ""}, "outcome", "Выберите результат проверки"),
        ({"checked_on": ""}, "checked_on", "Укажите дату проверки"),
        ({"checked_on": "2999-01-01"}, "checked_on", "не может быть позже сегодняшней"),
        ({"checked_on": "2000-01-01"}, "checked_on", "раньше даты трудоустройства"),
        ({"outcome": "left", "left_reason": " "}, "left_reason", "почему гражданин уволился"),
        ({"outcome": "cancelled"}, "outcome", "Выберите корректный вариант"),
    ],
)
def test_bad_input_is_refused_next_to_the_field_and_nothing_is_saved(
    client, users, case_at, data, field, message
):
    case = employed_case(case_at)
    check = case.retention_checks.get(months=1)
    client.force_login(users["curator"])
    post = {"outcome": "employed", "checked_on": TODAY.isoformat(), "note": "Позвонили", **data}
    response = client.post(url(check), post)
    assert response.status_code == 422
    errors = response.context["form"].errors
    assert message in " ".join(errors[field]), errors
    assert f'id="id_{field}_error"' in response.content.decode()
    assert "Позвонили" in response.content.decode()  # what was typed is kept
    check.refresh_from_db()
    assert check.outcome == "" and check.version == 0
    case.refresh_from_db()
    assert case.state == r.EMPLOYED


def test_a_check_cannot_be_held_long_before_its_date(client, users, case_at):
    case = employed_case(case_at)
    check = case.retention_checks.get(months=6)
    client.force_login(users["curator"])
    response = client.post(url(check), {"outcome": "employed", "checked_on": TODAY.isoformat()})
    assert response.status_code == 422
    assert "проводят не раньше" in " ".join(response.context["form"].errors["checked_on"])


def test_the_employer_specialist_records_but_only_the_curator_closes(client, users, case_at):
    case = employed_case(case_at, days_ago=400)
    client.force_login(users["employers"])
    checks = list(case.retention_checks.order_by("months"))
    for check in checks:
        response = client.post(
            url(check), {"outcome": "employed", "checked_on": TODAY.isoformat()}, follow=True
        )
        assert response.status_code == 200
    body = response.content.decode()
    assert "закрыть случай может роль" in body
    case.refresh_from_db()
    assert case.state == r.EMPLOYED  # the employer specialist may not move the route
    # An early closing asked by a role that may not close is refused, nothing saved.
    check = RetentionCheck.objects.filter(case=case).first()
    with pytest.raises(ValidationError):
        services.record_check(
            users["employers"], check, outcome="employed", checked_on=TODAY, close_reason="x"
        )


def test_who_may_record_a_check(client, users, case_at):
    check = employed_case(case_at).retention_checks.first()
    for name in ("career", "psychologist", "reception"):
        client.force_login(users[name])
        assert client.get(url(check)).status_code == 403, name
    client.force_login(users["hall"])
    assert client.get(url(check)).status_code in (403, 404)


def test_a_save_over_a_colleagues_newer_result_is_refused(client, users, case_at):
    case = employed_case(case_at)
    check = case.retention_checks.get(months=1)
    client.force_login(users["curator"])
    page = client.get(url(check))
    assert page.status_code == 200
    services.record_check(users["employers"], check, outcome="not_reachable", checked_on=TODAY)
    response = client.post(
        url(check), {"outcome": "employed", "checked_on": TODAY.isoformat(), "version": "0"}
    )
    assert response.status_code == 409
    check.refresh_from_db()
    assert check.outcome == "not_reachable"


def test_my_work_lists_the_checks_due_within_a_week(client, users, case_at):
    case = employed_case(case_at)
    client.force_login(users["curator"])
    body = client.get(reverse("cases:my-work")).content.decode()
    assert "Проверки закрепляемости" in body and case.number in body and "просрочена" in body
    client.force_login(users["employers"])
    assert case.number in client.get(reverse("cases:my-work")).content.decode()
    client.force_login(users["career"])
    assert "Проверки закрепляемости" not in client.get(reverse("cases:my-work")).content.decode()


def test_the_report_counts_results_and_the_rate(
    client, users, case_at, django_assert_max_num_queries
):
    curator = users["curator"]
    cases = [employed_case(case_at) for _ in range(3)]
    first = [c.retention_checks.get(months=1) for c in cases]
    services.record_check(curator, first[0], outcome="employed", checked_on=TODAY)
    services.record_check(
        curator, first[1], outcome="left", left_reason="Переезд", checked_on=TODAY
    )
    services.record_check(curator, first[2], outcome="not_reachable", checked_on=TODAY)
    client.force_login(curator)
    start = TODAY - datetime.timedelta(days=10)
    query = {"date_from": start.isoformat(), "date_to": TODAY.isoformat()}
    with django_assert_max_num_queries(20):
        response = client.get(reverse("cases:retention-report"), query)
    rows = [row for row in response.context["rows"] if row.months == 1]
    assert len(rows) == 1
    row = rows[0]
    assert (row.employed, row.left, row.not_reachable) >= (1, 1, 1)
    assert row.rate == round(100 * row.employed / (row.employed + row.left), 1)
    export = client.get(reverse("cases:retention-report-export", args=["csv"]), query)
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "Закрепляемость, %" in text and cases[0].citizen.last_name not in text
    bad = client.get(reverse("cases:retention-report"), {"date_from": "x", "date_to": ""})
    assert bad.status_code == 422
    client.force_login(users["career"])
    assert client.get(reverse("cases:retention-report")).status_code == 403
