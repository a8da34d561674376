"""Overdue by the production calendar and the escalation to the head of the centre (issue 12
points 3 and 4): business days past due, a due date on a day off not late yet, the head's screen
with the escalated items first, scoped to the centre, and the head role's rights."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from cases import route_graph as r
from cases.models import PlanItem
from portal.calendar import calendar_for
from portal.models import Centre
from tests.cases.conftest import add_item

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def overdue_item(users, case_at, business_days):
    """A pending item due `business_days` business days before today in Naberezhnye Chelny."""
    calendar = calendar_for(Centre.objects.get(slug="nchelny"))
    due = TODAY - datetime.timedelta(days=1)
    while calendar.business_days_between(calendar.add_business_days(due, 0), TODAY) < business_days:
        due -= datetime.timedelta(days=1)
    item = add_item(users["curator"], case_at(r.IN_SERVICE), "psychological-support")
    PlanItem.objects.filter(pk=item.pk).update(due_date=due)
    item.refresh_from_db()
    return item


def test_the_head_sees_the_escalated_items_first(client, users, case_at):
    Centre.objects.filter(slug="nchelny").update(escalation_business_days=5)
    late = overdue_item(users, case_at, 2)
    very_late = overdue_item(users, case_at, 7)
    client.force_login(users["head"])
    response = client.get(reverse("cases:overdue"))
    assert response.status_code == 200
    items = response.context["overdue"].items
    mine = [i for i in items if i.pk in (late.pk, very_late.pk)]
    assert [i.pk for i in mine] == [very_late.pk, late.pk]
    assert (mine[0].escalated, mine[0].overdue) == (True, 7)
    assert (mine[1].escalated, mine[1].overdue) == (False, 2)
    body = response.content.decode()
    assert "эскалация" in body and f"#item-{very_late.pk}" in body
    # The threshold is the centre's own, kept in its card.
    Centre.objects.filter(slug="nchelny").update(escalation_business_days=10)
    items = client.get(reverse("cases:overdue")).context["overdue"].items
    assert not next(i for i in items if i.pk == very_late.pk).escalated


def test_a_due_date_on_a_day_off_is_not_late_before_the_next_business_day(users, case_at):
    from cases import services

    centre = Centre.objects.get(slug="nchelny")
    on_day_off = add_item(users["curator"], case_at(r.IN_SERVICE), "psychological-support")
    before = add_item(users["curator"], case_at(r.IN_SERVICE), "psychological-support")
    # Friday 6 November 2026 is Tatarstan's Constitution Day; Monday the 9th is a business day.
    PlanItem.objects.filter(pk=on_day_off.pk).update(due_date=datetime.date(2026, 11, 6))
    PlanItem.objects.filter(pk=before.pk).update(due_date=datetime.date(2026, 11, 5))
    result = services.centre_overdue(centre, datetime.date(2026, 11, 9))
    days = {i.pk: i.overdue for i in result.items}
    assert on_day_off.pk not in days
    assert days[before.pk] == 1


def test_the_head_sees_only_the_centres_own_and_others_may_not(client, users, case_at):
    ours = overdue_item(users, case_at, 3)
    client.force_login(users["curator74"])
    assert client.get(reverse("cases:overdue")).status_code == 403
    for name in ("career", "reception", "hall", "dpo"):
        client.force_login(users[name])
        assert client.get(reverse("cases:overdue")).status_code == 403, name
    client.force_login(users["head"])
    body = client.get(reverse("cases:overdue")).content.decode()
    assert f"#item-{ours.pk}" in body
    foreign = PlanItem.objects.filter(case__centre__slug="chelyabinsk").first()
    if foreign:
        assert f"#item-{foreign.pk}" not in body


def test_my_work_counts_overdue_in_business_days(client, users, case_at):
    item = overdue_item(users, case_at, 3)
    client.force_login(users["curator"])
    body = client.get(reverse("cases:my-work")).content.decode()
    assert "на 3 раб. дн.</span>" in body and "#plan" in body
    assert item.case.number in body


def test_the_overdue_screen_query_budget_does_not_grow(
    client, users, case_at, django_assert_max_num_queries
):
    overdue_item(users, case_at, 2)
    client.force_login(users["head"])
    url = reverse("cases:overdue")
    client.get(url)
    with django_assert_max_num_queries(25) as small:
        client.get(url)
    for days in (3, 4, 6, 8):
        overdue_item(users, case_at, days)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)
