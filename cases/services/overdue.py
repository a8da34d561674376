"""What is overdue, counted in business days of the centre's production calendar
(portal/calendar.py), and what has been overdue long enough to escalate to the head of the
centre (`Centre.escalation_business_days`, kept in the centre's card).

`mark_overdue` gives each plan item of a list its `overdue` (business days, 0 when not) for the
templates; `centre_overdue` is the head's screen: every overdue plan item and retention check of
the centre, the escalated first.
"""

from dataclasses import dataclass

from cases import route_graph as r
from cases.choices import PlanItemStatus
from cases.models import PlanItem, RetentionCheck
from cases.services.retention_schedule import CHECKING_STATES
from portal.calendar import calendar_for

LIMIT = 200


def mark_overdue(items, calendar, today):
    """Set `item.overdue` (business days past due) on each item; returns the items."""
    for item in items:
        item.overdue = item.overdue_days(calendar, today)
    return items


@dataclass
class Overdue:
    items: list  # plan items, each with .overdue and .escalated
    checks: list  # retention checks, each with .overdue
    threshold: int
    escalated: int


def centre_overdue(centre, today):
    calendar = calendar_for(centre)
    threshold = centre.escalation_business_days
    candidates = (
        PlanItem.objects.filter(
            case__centre=centre,
            case__state__in=r.OPEN_STATES,
            status__in=PlanItemStatus.pending(),
            due_date__lte=calendar.late_cutoff(today),
        )
        .select_related("case__citizen", "case__curator", "service", "executor", "executor_role")
        .order_by("due_date", "pk")[:LIMIT]
    )
    items = [i for i in mark_overdue(list(candidates), calendar, today) if i.overdue]
    for item in items:
        item.escalated = threshold > 0 and item.overdue >= threshold
    items.sort(key=lambda i: (not i.escalated, -i.overdue, i.pk))
    checks = list(
        RetentionCheck.objects.filter(
            case__centre=centre, case__state__in=CHECKING_STATES, outcome="", due_on__lt=today
        )
        .select_related("case__citizen", "case__curator")
        .order_by("due_on", "pk")[:LIMIT]
    )
    for check in checks:
        check.overdue = calendar.days_late(check.due_on, today)
    checks = [c for c in checks if c.overdue]
    return Overdue(items, checks, threshold, sum(i.escalated for i in items))
