"""Route deadlines counted in business days of the centre's production calendar (issue 12
point 4; the calendar itself: tests/portal/test_calendar.py)."""

import datetime

import pytest

from cases import route_graph as r
from cases import services
from cases.models import Case
from content.choices import DeadlineUnit
from content.models import Route

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
