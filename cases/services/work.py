"""What a member of staff has to do: the lists of «Моя работа» (cases.views.work), also counted
for the morning reminder (cases.services.notices.staff). One definition of each list."""

import datetime
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils import timezone

from cases import route_graph as r
from cases.choices import AppointmentStatus, JobReferralStatus, PlanItemStatus, ReferralStatus
from cases.models import Appointment, JobReferral, PlanItem, Referral, RetentionCheck
from cases.services.retention_schedule import CHECKING_STATES
from cases.services.steps import user_role_ids

RETENTION_WITHIN = 7  # retention checks due within a week are listed


def day_bounds(centre, day=None):
    """(day, its start, the next day's start) in the centre's time zone; today by default."""
    tz = ZoneInfo(centre.timezone)
    day = day or timezone.now().astimezone(tz).date()
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=tz)
    return day, start, start + datetime.timedelta(days=1)


def items_to_deliver(user):
    """Pending plan items the user delivers: named to them, or to one of their roles and not
    taken by a colleague; open cases of their centre."""
    return PlanItem.objects.filter(
        Q(executor=user) | Q(executor__isnull=True, executor_role_id__in=user_role_ids(user)),
        case__centre_id=user.centre_id,
        case__state__in=r.OPEN_STATES,
        status__in=PlanItemStatus.pending(),
    )


def due_checks(user, today, within=RETENTION_WITHIN):
    """Checks of the user's centre still to hold, due by `today + within` days, oldest first."""
    return (
        RetentionCheck.objects.filter(
            case__centre_id=user.centre_id,
            case__state__in=CHECKING_STATES,
            outcome="",
            due_on__lte=today + datetime.timedelta(days=within),
        )
        .select_related("case__citizen")
        .order_by("due_on", "pk")
    )


def appointments_of_day(user, day=None):
    """The visits booked at the user's centre for the day (today by default), not cancelled."""
    _day, start, end = day_bounds(user.centre, day)
    return (
        Appointment.objects.for_user(user)
        .filter(starts_at__gte=start, starts_at__lt=end)
        .exclude(status=AppointmentStatus.CANCELLED)
    )


def referrals_awaiting(user):
    """Referrals to partners waiting for a conclusion that the user issued or whose case they
    curate (open cases of their centre), soonest deadline first."""
    return (
        Referral.objects.filter(
            Q(issued_by=user) | Q(case__curator=user),
            case__centre_id=user.centre_id,
            case__state__in=r.OPEN_STATES,
            status=ReferralStatus.SENT,
        )
        .select_related("case__citizen", "partner")
        .order_by("conclusion_due", "pk")
    )


def job_answers_awaiting(user):
    """Job referrals waiting for the employer's answer: the centre's all for those who record
    answers (the employer-zone specialist), else the ones the user issued; soonest first."""
    rows = JobReferral.objects.filter(
        case__centre_id=user.centre_id,
        case__state__in=r.OPEN_STATES,
        status=JobReferralStatus.ISSUED,
    )
    if not user.has_perm("cases.answer_jobreferral"):
        rows = rows.filter(issued_by=user)
    return rows.select_related("case__citizen", "vacancy__employer").order_by("answer_due", "pk")
