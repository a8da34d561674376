"""Route deadlines counted in business days of the centre's production calendar (issue 12
point 4; the calendar itself: tests/portal/test_calendar.py)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from cases import route_graph as r
from cases import services
from cases.models import Case
from content.choices import DeadlineUnit
from content.models import Route, ServicePage
from portal.models import CalendarDay, CalendarDayKind

pytestmark = pytest.mark.django_db
D = datetime.date.fromisoformat


def test_a_route_step_counted_in_business_days_crosses_a_transferred_day_off(users, case_at):
    case = case_at(r.RECEPTION)
    route = Route.objects.get(life_situation=case.life_situation)
    step = route.steps.get(transition="assign_curator")
    step.deadline_days, step.deadline_unit = 3, DeadlineUnit.BUSINESS
    step.save()
    route.save_revision().publish()
    services.move_to_latest_route(case, users["curator"])
    case = services.run_transition(
        Case.objects.get(pk=case.pk), "assign_curator", users["reception"], curator=users["curator"]
    )
    # Handed to the curator on Thursday 5 November 2026, before Tatarstan's Constitution Day
    # (Friday 6 November): three business days are 9, 10, 11 November.
    began = datetime.datetime(2026, 11, 5, 10, tzinfo=datetime.UTC)
    Case.objects.filter(pk=case.pk).update(state_changed_at=began)
    case = Case.objects.get(pk=case.pk)
    assert services.stage_deadline(case) == D("2026-11-11")
    step.deadline_unit = DeadlineUnit.CALENDAR
    step.save()
    route.save_revision().publish()
    services.move_to_latest_route(case, users["curator"])
    assert services.stage_deadline(Case.objects.get(pk=case.pk)) == D("2026-11-08")


def test_a_plan_due_date_given_in_business_days_skips_the_centres_days_off(client, users, case_at):
    client.force_login(users["curator"])
    curator_client = client
    case = case_at(r.PROFILING)
    service = ServicePage.objects.get(slug="cv-writing")
    url = reverse("cases:plan-add", args=[case.pk])
    # Friday 1 March 2030; Monday the 4th a regional day off of Tatarstan entered in the admin.
    CalendarDay.objects.create(
        date=datetime.date(2030, 3, 4),
        kind=CalendarDayKind.DAY_OFF,
        region=case.centre.region,
        name="Региональный выходной",
    )
    data = {"service": service.pk, "need_determined_on": "2030-03-01", "due_business_days": "2"}
    response = curator_client.post(url, data)
    assert response.status_code in (200, 302)
    assert case.plan_items.get().due_date == datetime.date(2030, 3, 6)  # Tue 5, Wed 6


def test_business_days_and_a_date_are_one_or_the_other_and_bad_input_is_kept(
    client, users, case_at
):
    client.force_login(users["curator"])
    curator_client = client
    case = case_at(r.PROFILING)
    service = ServicePage.objects.get(slug="cv-writing")
    url = reverse("cases:plan-add", args=[case.pk])
    due = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    for data, message in [
        ({"due_date": due, "due_business_days": "3"}, "Укажите срок одним способом"),
        ({}, "Укажите срок исполнения: дату или число рабочих дней."),
        ({"due_business_days": "0"}, "Не меньше одного рабочего дня."),
        ({"due_business_days": "пять"}, "Введите целое число рабочих дней."),
        (
            {"due_business_days": "1", "need_determined_on": "2000-01-03"},
            "Так срок выходит в прошлом",
        ),
    ]:
        body = {"service": service.pk, "need_determined_on": timezone.localdate().isoformat()}
        response = curator_client.post(url, {**body, **data})
        assert response.status_code == 422, data
        text = response.content.decode()
        assert message in text, data
        if "due_business_days" in data:
            assert f'value="{data["due_business_days"]}"' in text
    assert not case.plan_items.exists()
