"""When the retention checks fall due: scheduled as the employment is recorded (called by
cases.services.transitions inside the employment's transaction), after the months the case's
route version names (editors keep them on the route; «1, 3, 6, 12» by default)."""

import calendar
import datetime
from functools import lru_cache

from django.utils import timezone
from wagtail.models import Revision

from cases import route_graph as r
from cases.choices import RetentionOutcome
from cases.models import RetentionCheck
from content.models.routes import retention_months

DEFAULT_MONTHS = (1, 3, 6, 12)
CHECKING_STATES = (r.EMPLOYED, r.RETENTION_CHECK)  # the stages in which checks are held


def add_months(day, months):
    """The same day `months` later (the month's last day when it has fewer days)."""
    years, month0 = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month0 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@lru_cache(maxsize=256)
def _months_of_revision(revision_id):
    """A published route revision never changes: its months are read once per process."""
    route = Revision.objects.get(pk=revision_id).as_object()
    try:
        return tuple(retention_months(route.retention_months or ""))
    except ValueError:
        return DEFAULT_MONTHS


def schedule_months(case):
    if case.route_revision_id is None:
        return DEFAULT_MONTHS
    return _months_of_revision(case.route_revision_id)


def schedule_checks(case):
    """Create the case's checks from its employment date (inside the employment's transaction);
    returns how many were created. Checks already there are kept."""
    if case.employed_on is None:
        return 0
    have = set(case.retention_checks.values_list("months", flat=True))
    new = [
        RetentionCheck(case=case, months=m, due_on=add_months(case.employed_on, m))
        for m in schedule_months(case)
        if m not in have
    ]
    RetentionCheck.objects.bulk_create(new)
    return len(new)


def cancel_pending_checks(case, user):
    """A case closed by its route (not by the last check) holds no more checks: the pending
    ones are marked as not held, so no one is asked to call the citizen."""
    return case.retention_checks.filter(outcome="").update(
        outcome=RetentionOutcome.CANCELLED, recorded_by=user, recorded_at=timezone.now()
    )
