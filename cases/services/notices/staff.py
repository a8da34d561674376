"""What a member of staff has to do today, counted for the morning reminder (the same lists
«Моя работа» shows: cases.views.work)."""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Q

from cases import route_graph as r
from cases.choices import AppointmentStatus, PlanItemStatus
from cases.models import Appointment, PlanItem, RetentionCheck
from cases.services.overdue import mark_overdue
from cases.services.retention_schedule import CHECKING_STATES
from cases.services.steps import user_role_ids
from portal.calendar import calendar_for

RETENTION_WITHIN = 7  # days ahead, as «Моя работа»


@dataclass
class StaffCounts:
    to_deliver: int = 0
    overdue: int = 0
    retention: int = 0
    appointments: int = 0

    @property
    def anything(self):
        return bool(self.to_deliver or self.retention or self.appointments)


def staff_counts(user, today):
    centre = user.centre
    items = list(
        PlanItem.objects.filter(
            Q(executor=user) | Q(executor__isnull=True, executor_role_id__in=user_role_ids(user)),
            case__centre=centre,
            case__state__in=r.OPEN_STATES,
            status__in=PlanItemStatus.pending(),
            due_date__lte=today,
        ).only("pk", "due_date", "status")
    )
    overdue = mark_overdue(items, calendar_for(centre), today)
    retention = 0
    if user.has_perm("cases.change_retentioncheck"):
        retention = RetentionCheck.objects.filter(
            case__centre=centre,
            case__curator=user,
            case__state__in=CHECKING_STATES,
            outcome="",
            due_on__lte=today + datetime.timedelta(days=RETENTION_WITHIN),
        ).count()
    start = datetime.datetime.combine(today, datetime.time.min, tzinfo=ZoneInfo(centre.timezone))
    appointments = (
        Appointment.objects.filter(
            centre=centre,
            staff=user,
            starts_at__gte=start,
            starts_at__lt=start + datetime.timedelta(days=1),
        )
        .exclude(status=AppointmentStatus.CANCELLED)
        .count()
    )
    return StaffCounts(
        to_deliver=len(items),
        overdue=sum(1 for i in overdue if i.overdue),
        retention=retention,
        appointments=appointments,
    )
