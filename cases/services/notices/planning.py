"""What is sent, to whom, by which channel and from when.

A citizen's notice goes by the channel they agreed to and left a contact for (the preferred
one first); without such a channel nothing is planned. A public booking's visitor agrees to
the SMS reminder on the booking form. Planning is idempotent: the key names the reason, and a
second planning of the same reason finds the notice there.
"""

import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from cases.choices import (
    AppointmentStatus,
    ContactChannel,
    NoticeChannel,
    NoticeKind,
    NoticeStatus,
    PlanItemStatus,
)
from cases.models import Notice
from cases.services import plan as plan_service
from cases.services.notices.delivery import enqueue
from cases.services.notices.staff import staff_counts
from cases.services.notices.timing import REMINDER_HOUR, allowed_moment, at_local, stamp
from portal.calendar import calendar_for

RETENTION_NOTICE_DAYS = 3  # the invitation goes this many days before the check's date


def citizen_channel(citizen, appointment=None):
    """(channel, contact) the citizen agreed to, or None."""
    options = []
    if citizen is not None:
        if citizen.sms_consent and citizen.phone:
            options.append((NoticeChannel.SMS, citizen.phone))
        if citizen.email_consent and citizen.email:
            options.append((NoticeChannel.EMAIL, citizen.email))
        preferred = {
            ContactChannel.SMS: NoticeChannel.SMS,
            ContactChannel.EMAIL: NoticeChannel.EMAIL,
        }
        options.sort(key=lambda o: o[0] != preferred.get(citizen.preferred_channel))
    if not options and appointment is not None and appointment.sms_consent and appointment.phone:
        options.append((NoticeChannel.SMS, appointment.phone))
    return options[0] if options else None


def _plan(key, send_after, **fields):
    """The notice of this key: created (and its task enqueued) unless there already."""
    existing = Notice.objects.filter(key=key).first()
    if existing:
        return existing
    fields["send_after"] = allowed_moment(send_after, fields["centre"].timezone)
    try:
        with transaction.atomic():
            notice = Notice.objects.create(key=key, **fields)
            enqueue(notice)
    except IntegrityError:  # planned by someone else meanwhile
        return Notice.objects.get(key=key)
    return notice


def plan_appointment_reminder(appointment, now=None):
    """The reminder the day before at 10:00 (or at once if booked later than that); none for
    a visit booked for today or too late to remind before it starts."""
    now = now or timezone.now()
    centre = appointment.centre
    if appointment.status != AppointmentStatus.BOOKED:
        return None
    citizen = appointment.citizen or (appointment.case.citizen if appointment.case_id else None)
    channel = citizen_channel(citizen, appointment)
    if channel is None:
        return None
    tz = ZoneInfo(centre.timezone)
    starts = appointment.starts_at.astimezone(tz)
    if starts.date() <= now.astimezone(tz).date():
        return None
    moment = allowed_moment(
        max(
            at_local(starts.date() - datetime.timedelta(days=1), REMINDER_HOUR, centre.timezone),
            now,
        ),
        centre.timezone,
    )
    if moment >= appointment.starts_at - datetime.timedelta(hours=1):
        return None
    # The key names the time: a visit moved to another time gets a reminder of its own, and
    # the old one is cancelled when its moment comes (delivery checks the time).
    key = f"appointment:{appointment.pk}:{stamp(appointment.starts_at)}"
    return _plan(
        key,
        moment,
        centre=centre,
        kind=NoticeKind.APPOINTMENT,
        channel=channel[0],
        recipient=channel[1],
        citizen=citizen,
        case=appointment.case,
        appointment=appointment,
    )


def plan_service_result(item, now=None):
    """The citizen is told a service of their plan was delivered."""
    case = item.case
    channel = citizen_channel(case.citizen)
    if channel is None:
        return None
    return _plan(
        f"service_result:{item.pk}",
        now or timezone.now(),
        centre=case.centre,
        kind=NoticeKind.SERVICE_RESULT,
        channel=channel[0],
        recipient=channel[1],
        citizen=case.citizen,
        case=case,
        plan_item=item,
    )


def _on_plan_status(user, item):
    if item.status == PlanItemStatus.DONE:
        plan_service_result(item)


plan_service.STATUS_HOOKS.append(_on_plan_status)


def plan_retention_invitations(case):
    """An invitation before each of the case's retention checks still to hold."""
    channel = citizen_channel(case.citizen)
    if channel is None:
        return []
    tz = case.centre.timezone
    notices = []
    for check in case.retention_checks.filter(outcome=""):
        day = check.due_on - datetime.timedelta(days=RETENTION_NOTICE_DAYS)
        notice = _plan(
            f"retention:{check.pk}",
            at_local(day, REMINDER_HOUR, tz),
            centre=case.centre,
            kind=NoticeKind.RETENTION,
            channel=channel[0],
            recipient=channel[1],
            citizen=case.citizen,
            case=case,
            retention_check=check,
        )
        notices.append(notice)
    return notices


def plan_staff_deadlines(centre, now=None):
    """On the centre's business days, each member of its staff with an e-mail and something
    due gets the day's reminder at 9:00 local time (at once if later). Returns the notices."""
    now = now or timezone.now()
    today = now.astimezone(ZoneInfo(centre.timezone)).date()
    if not calendar_for(centre).is_business_day(today):
        return []
    notices = []
    staff = get_user_model().objects.filter(centre=centre, is_active=True).exclude(email="")
    for user in staff:
        if not staff_counts(user, today).anything:
            continue
        notices.append(
            _plan(
                f"deadlines:{user.pk}:{today:%Y%m%d}",
                max(at_local(today, 9, centre.timezone), now),
                centre=centre,
                kind=NoticeKind.STAFF_DEADLINES,
                channel=NoticeChannel.EMAIL,
                recipient=user.email,
                staff=user,
                for_date=today,
            )
        )
    return notices


def cancel_waiting(reason, **subject):
    """Cancel the notices about `subject` (appointment=…, retention_check=…) not yet sent."""
    waiting = Notice.objects.filter(status__in=NoticeStatus.waiting(), **subject)
    return waiting.update(status=NoticeStatus.CANCELLED, reason=reason)
