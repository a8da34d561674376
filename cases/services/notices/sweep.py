"""`manage.py schedule_notices`: run every few minutes (cron or a systemd timer in production;
`make demo` runs it beside the worker). Plans the day's staff reminders and, as a safety net,
the reminders of the next two days' appointments; then recovers what a dead worker left:
a notice "sending" for longer than LEASE goes back to the queue (its SMS goes again with the
same idempotency key, so the gateway does not deliver it twice), and a due notice whose task is
gone gets a new one."""

import datetime
import uuid

from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from cases.choices import AppointmentStatus, NoticeStatus
from cases.models import Appointment, Notice
from cases.services.notices.delivery import enqueue
from cases.services.notices.planning import plan_appointment_reminder, plan_staff_deadlines
from cases.services.notices.timing import GRACE, LEASE
from portal.models import Centre


def sweep(now=None):
    now = now or timezone.now()
    planned = 0
    for centre in Centre.objects.all():
        planned += len(plan_staff_deadlines(centre, now))
    upcoming = Appointment.objects.filter(
        status=AppointmentStatus.BOOKED,
        starts_at__gt=now,
        starts_at__lt=now + datetime.timedelta(days=2),
        notices__isnull=True,
    ).select_related("centre", "citizen", "case__citizen")
    for appointment in upcoming:
        planned += plan_appointment_reminder(appointment, now) is not None
    return planned, recover_stranded(now)


def recover_stranded(now=None):
    """Notices a dead worker left: returns how many were given back to the queue."""
    now = now or timezone.now()
    stale = list(Notice.objects.filter(status=NoticeStatus.SENDING, claimed_at__lt=now - LEASE))
    for notice in stale:
        taken_back = Notice.objects.filter(pk=notice.pk, status=NoticeStatus.SENDING).update(
            status=NoticeStatus.RETRY, send_after=now
        )
        if taken_back:
            notice.send_after = now
            enqueue(notice)
    due = Notice.objects.filter(status__in=NoticeStatus.waiting(), send_after__lt=now - GRACE)
    waiting = list(due.only("pk", "task_id", "send_after"))
    alive = set(
        DBTaskResult.objects.filter(
            id__in=[n.task_id for n in waiting if n.task_id], status=TaskResultStatus.READY
        ).values_list("id", flat=True)
    )
    lost = [n for n in waiting if not n.task_id or uuid.UUID(n.task_id) not in alive]
    for notice in lost:
        notice.send_after = now
        enqueue(notice)
    return len(stale) + len(lost)
