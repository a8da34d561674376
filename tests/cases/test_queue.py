"""The hall queue: numbering, the order of calls, redirects, the day report and its screens."""

import datetime
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from cases import route_graph as r
from cases.choices import QueuePurpose, TicketState
from cases.models import QueueTicket
from cases.services import queue as q
from content.models import Role


def issue(user, **fields):
    return q.issue_ticket(user, QueueTicket(purpose=QueuePurpose.CONSULTATION, **fields))


def at(moment):
    return mock.patch("cases.services.queue.timezone.now", return_value=moment)


def test_numbers_count_per_centre_and_restart_each_day(users):
    first, second = issue(users["hall"]), issue(users["hall"], disability=True)
    other = issue(users["reception74"])
    assert (first.seq, second.seq, other.seq) == (1, 2, 1)
    assert first.number == "К-001" and second.priority and not first.priority
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    with at(tomorrow):
        assert issue(users["hall"]).seq == 1


def test_the_day_is_the_centres_local_date(users):
    # 21:30 UTC is already the next day in Chelyabinsk (UTC+5), still the same in Moscow time.
    late = datetime.datetime(2026, 3, 10, 21, 30, tzinfo=datetime.UTC)
    with at(late):
        assert issue(users["reception74"]).day == datetime.date(2026, 3, 11)
        assert issue(users["hall"]).day == datetime.date(2026, 3, 11)  # 00:30 in Moscow time
    early = datetime.datetime(2026, 3, 10, 18, 30, tzinfo=datetime.UTC)
    with at(early):
        assert issue(users["reception74"]).day == datetime.date(2026, 3, 10)


def test_priority_first_then_the_oldest(users):
    plain = issue(users["hall"])
    later_plain = issue(users["hall"])
    companion = issue(users["hall"], with_companion=True)
    called = [q.call_next(users["reception"], "3") for _ in range(4)]
    assert [t.pk for t in called[:3]] == [companion.pk, plain.pk, later_plain.pk]
    assert called[3] is None
    assert called[0].state == TicketState.CALLED and called[0].window == "3"
    assert called[0].called_by == users["reception"] and called[0].called_at


def test_separate_window_and_addressee_are_respected(users):
    separate = issue(users["hall"], separate_window=True)
    psychologist_role = Role.objects.get(slug="psychologist", locale__language_code="ru")
    to_psychologist = issue(users["hall"], addressee_role=psychologist_role)
    assert q.call_next(users["reception"], "1") is None
    assert q.call_next(users["reception"], "9", separate_window=True).pk == separate.pk
    assert q.call_next(users["psychologist"], "12").pk == to_psychologist.pk


def test_serving_and_no_show(users):
    ticket = issue(users["hall"])
    ticket = q.call_next(users["reception"], "1")
    q.start_serving(ticket, users["reception"])
    with pytest.raises(ValidationError):
        q.no_show(ticket, users["reception"])
    q.finish_serving(ticket, users["reception"])
    assert ticket.state == TicketState.DONE and ticket.served_ended_at >= ticket.served_started_at


def test_redirect_keeps_the_number_and_the_history(users):
    issue(users["hall"])
    ticket = q.call_next(users["reception"], "1")
    psychologist_role = Role.objects.get(slug="psychologist", locale__language_code="ru")
    with pytest.raises(ValidationError):
        q.redirect(ticket, users["reception"])
    hop = q.redirect(
        ticket, users["reception"], addressee_role=psychologist_role, comment="К психологу"
    )
    ticket.refresh_from_db()
    assert ticket.state == TicketState.REDIRECTED
    assert hop.number == ticket.number and hop.state == TicketState.WAITING
    assert hop.redirected_from == ticket and hop.comment == "К психологу"
    assert q.call_next(users["reception"], "1") is None  # it is the psychologist's now
    called = q.call_next(users["psychologist"], "12")
    assert called.pk == hop.pk
    assert [h.pk for h in q.history(called)] == [ticket.pk, hop.pk]


def test_day_report_counts_waiting_and_service_minutes(users):
    start = timezone.now()
    with at(start):
        issue(users["hall"])
    with at(start + datetime.timedelta(minutes=10)):
        ticket = q.call_next(users["reception"], "1")
    with at(start + datetime.timedelta(minutes=12)):
        q.start_serving(ticket, users["reception"])
    with at(start + datetime.timedelta(minutes=20)):
        q.finish_serving(ticket, users["reception"])
    report = q.day_report(users["hall"].centre, ticket.day)
    assert report["total"] == 1
    (line,) = report["purposes"]
    assert line["label"] == QueuePurpose.CONSULTATION.label and line["issued"] == 1
    assert line["wait"] == {"median": 10.0, "max": 10.0}
    assert line["service"] == {"median": 8.0, "max": 8.0}
    (person,) = report["staff"]
    assert person["label"] == users["reception"].get_full_name()


# --- screens ------------------------------------------------------------------------------


def test_issuing_form_refuses_without_a_purpose_and_keeps_the_rest(client, users):
    client.force_login(users["hall"])
    response = client.post(reverse("cases:queue-issue"), {"disability": "on"})
    assert response.status_code == 422
    body = response.content.decode()
    assert "Выберите цель обращения." in body
    assert 'name="disability" id="id_disability" checked' in body or (
        'name="disability"' in body and "checked" in body
    )
    assert response.context["form"]["disability"].value() is True
    assert not QueueTicket.objects.exists()


def test_issuing_gives_a_printable_slip(client, users):
    client.force_login(users["hall"])
    response = client.post(
        reverse("cases:queue-issue"), {"purpose": "ipra", "with_companion": "on"}
    )
    ticket = QueueTicket.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:queue-slip", args=[ticket.pk])
    slip = client.get(response["Location"]).content.decode()
    assert "И-001" in slip and "Приоритетное обслуживание" in slip


def test_hall_administrator_issues_but_neither_calls_nor_opens_cases(client, users, case_at):
    case = case_at(r.RECEPTION)
    client.force_login(users["hall"])
    assert client.get(reverse("cases:queue-issue")).status_code == 200
    assert client.get(reverse("cases:queue-board")).status_code == 200
    assert client.get(reverse("cases:queue-panel")).status_code == 403
    assert client.get(reverse("cases:queue-report")).status_code == 403
    assert client.get(reverse("cases:case-detail", args=[case.pk])).status_code == 403


def test_specialists_call_but_do_not_issue(client, users):
    client.force_login(users["psychologist"])
    assert client.get(reverse("cases:queue-panel")).status_code == 200
    assert client.get(reverse("cases:queue-issue")).status_code == 403
    assert client.get(reverse("cases:queue-board")).status_code == 403


def test_panel_calls_the_next_and_opens_intake_or_the_case(client, users, case_at):
    case = case_at(r.RECEPTION)
    ticket = issue(users["hall"], disability=True)
    client.force_login(users["reception"])
    bad = client.post(reverse("cases:queue-panel"), {"window": ""})
    assert bad.status_code == 422
    assert "Укажите окно или кабинет, куда вызываете." in bad.content.decode()
    ticket.refresh_from_db()
    assert ticket.state == TicketState.WAITING
    response = client.post(reverse("cases:queue-panel"), {"window": "4"}, follow=True)
    body = response.content.decode()
    assert "Вызван талон К-001 в 4." in body
    assert reverse("cases:intake") in body
    QueueTicket.objects.filter(pk=ticket.pk).update(case=case)
    body = client.get(reverse("cases:queue-panel")).content.decode()
    assert reverse("cases:case-detail", args=[case.pk]) in body
    client.post(reverse("cases:queue-act", args=[ticket.pk, "start"]))
    client.post(reverse("cases:queue-act", args=[ticket.pk, "finish"]))
    ticket.refresh_from_db()
    assert ticket.state == TicketState.DONE


def test_only_the_caller_acts_on_a_ticket(client, users):
    issue(users["hall"])
    ticket = q.call_next(users["reception"], "1")
    client.force_login(users["curator"])
    assert client.post(reverse("cases:queue-act", args=[ticket.pk, "finish"])).status_code == 404
    assert client.get(reverse("cases:queue-redirect", args=[ticket.pk])).status_code == 404


def test_redirect_form_needs_an_addressee(client, users):
    issue(users["hall"])
    ticket = q.call_next(users["reception"], "1")
    client.force_login(users["reception"])
    url = reverse("cases:queue-redirect", args=[ticket.pk])
    response = client.post(url, {"comment": "Нужен психолог"})
    assert response.status_code == 422
    body = response.content.decode()
    assert "Выберите специалиста или роль, к которым направить талон." in body
    assert 'value="Нужен психолог"' in body
    role = Role.objects.get(slug="psychologist", locale__language_code="ru")
    assert client.post(url, {"addressee_role": role.pk}).status_code == 302
    assert QueueTicket.objects.get(redirected_from=ticket).addressee_role == role


def test_board_shows_numbers_and_windows_but_no_names(client, users, case_at):
    case = case_at(r.RECEPTION)
    issue(users["hall"])
    ticket = q.call_next(users["reception"], "7")
    QueueTicket.objects.filter(pk=ticket.pk).update(case=case, citizen=case.citizen)
    client.force_login(users["hall"])
    for headers in ({}, {"HX-Request": "true"}):
        body = client.get(reverse("cases:queue-board"), headers=headers).content.decode()
        assert 'data-ticket="К-001"' in body and "<td>7</td>" in body
        assert case.citizen.last_name not in body and case.citizen.first_name not in body
        assert users["reception"].last_name not in body
    full = client.get(reverse("cases:queue-board")).content.decode()
    assert 'aria-live="polite"' in full and "Обновить табло" in full
    partial = client.get(reverse("cases:queue-board"), headers={"HX-Request": "true"})
    assert "<html" not in partial.content.decode()


def test_report_screen_and_csv(client, users):
    issue(users["hall"])
    client.force_login(users["curator"])
    assert "Выдано талонов: 1" in client.get(reverse("cases:queue-report")).content.decode()
    response = client.get(reverse("cases:queue-report"), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "Консультация" in response.content.decode("utf-8-sig")
    assert client.get(reverse("cases:queue-report"), {"day": "не дата"}).status_code == 200


def test_my_work_lists_tickets_waiting_for_me(client, users):
    issue(users["hall"], disability=True)
    client.force_login(users["career"])
    body = client.get(reverse("cases:my-work")).content.decode()
    assert "Электронная очередь: ждут меня или мою роль" in body and "К-001" in body


@pytest.mark.parametrize("name", ["queue-panel", "queue-board"])
def test_query_budget_does_not_grow_with_tickets(
    client, users, name, django_assert_max_num_queries
):
    user = users["curator"]
    client.force_login(user)
    for _ in range(3):
        issue(user)
        q.call_next(user, "1")
    client.get(reverse(f"cases:{name}"))
    with django_assert_max_num_queries(14) as few:
        client.get(reverse(f"cases:{name}"))
    for _ in range(25):
        issue(user, disability=True)
        q.call_next(user, "2")
        issue(user)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse(f"cases:{name}"))


def test_demo_tickets_in_both_centres(users):
    from fixtures.queue_demo import load_demo_queue

    assert load_demo_queue() == 12
    assert load_demo_queue() == 0  # today's are there already
    for centre in ("nchelny", "chelyabinsk"):
        rows = QueueTicket.objects.filter(centre__slug=centre)
        states = set(rows.values_list("state", flat=True))
        assert {TicketState.WAITING, TicketState.CALLED, TicketState.DONE} <= states
        assert rows.filter(redirected_from__isnull=False).exists()
