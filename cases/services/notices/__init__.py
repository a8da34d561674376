"""Notices to citizens and staff: planned when their reason arises, delivered by the worker.

- `planning`: what is sent and when (an appointment reminder the day before, a service's
  result, an invitation to a retention check, the staff's deadlines of the day), by the
  channels the citizen agreed to, never in the night of the centre's time zone;
- `delivery`: the worker's part — take a notice (one worker of many), check it still has a
  reason, send it with its idempotency key, log the outcome, retry a failure later;
- `texts`: what the message says, in the citizen's language;
- `sweep`: `manage.py schedule_notices`, run every few minutes: the day's staff reminders, a
  safety net for reminders, and the recovery of notices a dead worker left behind.
"""

from . import erasure
from .delivery import deliver, deliver_due, deliver_notice_task
from .planning import (
    plan_appointment_reminder,
    plan_retention_invitations,
    plan_service_result,
    plan_staff_deadlines,
)
from .sweep import recover_stranded, sweep

__all__ = [
    "erasure",
    "deliver",
    "deliver_due",
    "deliver_notice_task",
    "plan_appointment_reminder",
    "plan_retention_invitations",
    "plan_service_result",
    "plan_staff_deadlines",
    "recover_stranded",
    "sweep",
]
