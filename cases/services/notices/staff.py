"""What a member of staff has to do today, counted for the morning reminder: the lists of
«Моя работа» (cases.services.work), by the same definitions."""

from dataclasses import dataclass

from cases.services.overdue import mark_overdue
from cases.services.work import appointments_of_day, due_checks, items_to_deliver
from portal.calendar import calendar_for


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
    items = list(
        items_to_deliver(user).filter(due_date__lte=today).only("pk", "due_date", "status")
    )
    overdue = mark_overdue(items, calendar_for(user.centre), today)
    retention = 0
    if user.has_perm("cases.change_retentioncheck"):
        retention = due_checks(user, today).filter(case__curator=user).count()
    return StaffCounts(
        to_deliver=len(items),
        overdue=sum(1 for i in overdue if i.overdue),
        retention=retention,
        appointments=appointments_of_day(user, today).filter(staff=user).count(),
    )
