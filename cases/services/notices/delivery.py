"""The worker's part: take a due notice, check it still has a reason, send it, log the outcome.

`deliver(pk)` is idempotent and safe with many workers: the notice is taken by one conditional
UPDATE (planned/retry and due → sending), so of two workers (or two copies of its task) one
sends and the other does nothing; a sent notice is never taken again. The SMS carries the
notice's key as its idempotency key, which closes the last gap — a worker killed after the
gateway took the message but before the database recorded it: the notice is taken again after
LEASE (cases.services.notices.sweep) and the gateway answers "duplicate" instead of sending.
"""

import logging
import smtplib
from zoneinfo import ZoneInfo

from django.core.mail import send_mail
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from cases.choices import AppointmentStatus, NoticeChannel, NoticeKind, NoticeStatus
from cases.models import Notice
from cases.services.notices.staff import staff_counts
from cases.services.notices.texts import compose
from cases.services.notices.timing import MAX_ATTEMPTS, allowed_moment, backoff, stamp
from portal.process_settings import BACKGROUND
from portal.sms import DUPLICATE, SmsError, send_sms

logger = logging.getLogger("marshrut.notices")


@task(backend=BACKGROUND, queue_name="notices")
def deliver_notice_task(notice_id):
    return deliver(notice_id)


def enqueue(notice):
    """The notice's task, to run at its moment (in the caller's transaction)."""
    result = deliver_notice_task.using(run_after=notice.send_after).enqueue(notice.pk)
    Notice.objects.filter(pk=notice.pk).update(task_id=str(result.id))
    notice.task_id = str(result.id)


def deliver_due(now=None, limit=None):
    """Deliver every notice due by `now` (what the worker's tasks do one by one; for the
    recovery and for tests). Returns the statuses reached."""
    now = now or timezone.now()
    due = Notice.objects.filter(status__in=NoticeStatus.waiting(), send_after__lte=now)
    pks = list(due.order_by("send_after", "pk").values_list("pk", flat=True)[:limit])
    return [deliver(pk, now=now) for pk in pks]


def deliver(notice_id, now=None):
    """Send one notice if it is due and nobody has taken it; returns its new status or None."""
    now = now or timezone.now()
    taken = Notice.objects.filter(
        pk=notice_id, status__in=NoticeStatus.waiting(), send_after__lte=now
    ).update(status=NoticeStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    if not taken:
        return None
    notice = Notice.objects.select_related(
        "centre", "citizen", "appointment", "plan_item__service", "retention_check", "staff"
    ).get(pk=notice_id)
    later = allowed_moment(now, notice.centre.timezone)
    if later > now:  # night in the centre: back to the queue until the morning
        _set(notice, status=NoticeStatus.PLANNED, send_after=later, attempts=F("attempts") - 1)
        notice.send_after = later
        enqueue(notice)
        return NoticeStatus.PLANNED
    reason = obsolete(notice, now)
    if reason:
        _set(notice, status=NoticeStatus.CANCELLED, reason=reason)
        return NoticeStatus.CANCELLED
    counts = None
    if notice.kind == NoticeKind.STAFF_DEADLINES:
        counts = staff_counts(notice.staff, notice.for_date)
    subject, text = compose(notice, counts)
    try:
        outcome = _send(notice, subject, text)
    except (SmsError, smtplib.SMTPException, OSError) as exc:
        return _failed(notice, now, exc)
    _set(
        notice,
        status=NoticeStatus.SENT,
        sent_at=now,
        text=text,
        reason=_("Повтор отклонён шлюзом: сообщение уже было доставлено.")
        if outcome == DUPLICATE
        else "",
    )
    return NoticeStatus.SENT


def _send(notice, subject, text):
    if notice.channel == NoticeChannel.SMS:
        return send_sms(notice.recipient, text, notice.key)
    sender = notice.centre.email or None
    send_mail(subject, text, sender, [notice.recipient])
    return "sent"


def _failed(notice, now, exc):
    # SmsError's text is a plain reason; other errors are named by their kind only (an SMTP
    # answer may quote the address).
    reason = (
        str(exc)
        if isinstance(exc, SmsError)
        else _("Ошибка отправки (%(kind)s).") % {"kind": type(exc).__name__}
    )
    logger.warning(
        "Notice %s attempt %s failed: %s", notice.pk, notice.attempts, type(exc).__name__
    )
    if notice.attempts >= MAX_ATTEMPTS:
        _set(notice, status=NoticeStatus.FAILED, reason=reason)
        return NoticeStatus.FAILED
    notice.send_after = now + backoff(notice.attempts)
    _set(notice, status=NoticeStatus.RETRY, reason=reason, send_after=notice.send_after)
    enqueue(notice)
    return NoticeStatus.RETRY


def _set(notice, **fields):
    """Record the outcome of the attempt this worker holds (status sending)."""
    Notice.objects.filter(pk=notice.pk, status=NoticeStatus.SENDING).update(**fields)


def obsolete(notice, now):
    """Why the notice should no longer go, or ""."""
    citizen = notice.citizen
    if citizen is not None and citizen.erased_at:
        return _("Данные гражданина удалены.")
    if citizen is not None and notice.kind != NoticeKind.STAFF_DEADLINES:
        agreed = (
            citizen.sms_consent if notice.channel == NoticeChannel.SMS else citizen.email_consent
        )
        by_booking = notice.appointment is not None and notice.appointment.sms_consent
        if not agreed and not (notice.channel == NoticeChannel.SMS and by_booking):
            return _("Гражданин отозвал согласие на этот канал.")
    if notice.kind == NoticeKind.APPOINTMENT:
        appointment = notice.appointment
        if appointment.status != AppointmentStatus.BOOKED:
            return _("Запись отменена или уже состоялась.")
        if not notice.key.endswith(f":{stamp(appointment.starts_at)}"):
            return _("Время записи изменилось.")
        if appointment.starts_at <= now:
            return _("Время приёма уже прошло.")
    if notice.kind == NoticeKind.RETENTION and notice.retention_check.outcome:
        return _("Проверка уже проведена.")
    if notice.kind == NoticeKind.STAFF_DEADLINES:
        today = now.astimezone(ZoneInfo(notice.centre.timezone)).date()
        if notice.for_date != today or not notice.staff.is_active:
            return _("Напоминание устарело.")
    return ""
