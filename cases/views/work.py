"""My work (моя работа): my open cases, my overdue plan items, today's appointments."""

from django.shortcuts import render

from cases import route_graph as r
from cases import services
from cases.choices import PlanItemStatus
from cases.models import Case, PlanItem
from cases.services import queue as hall_queue
from cases.views.common import staff_view
from portal.calendar import calendar_for

LIST_LIMIT = 50


@staff_view()
def my_work(request):
    user = request.user
    centre = user.centre
    today = services.day_bounds(centre)[0]
    my_cases = (
        Case.objects.for_user(user)
        .filter(curator=user, state__in=r.OPEN_STATES)
        .select_related("citizen", "life_situation")
        .order_by("state_changed_at")[:LIST_LIMIT]
    )
    # Overdue by the centre's production calendar: a date on a day off is not late yet.
    calendar = calendar_for(centre)
    overdue = (
        PlanItem.objects.filter(
            case__centre=centre,
            case__curator=user,
            case__state__in=r.OPEN_STATES,
            due_date__lte=calendar.late_cutoff(today),
        )
        .exclude(status__in=PlanItemStatus.finished())
        .select_related("case__citizen", "service")
        .order_by("due_date")[:LIST_LIMIT]
    )
    overdue = [i for i in services.mark_overdue(list(overdue), calendar, today) if i.overdue]
    appointments = (
        services.appointments_of_day(user, today)
        .select_related("life_situation", "staff")
        .order_by("starts_at")
    )
    # Plan items I deliver: named to me, or to my role and not taken by a colleague.
    to_deliver = (
        services.items_to_deliver(user)
        .select_related("case__citizen", "service", "executor_role")
        .order_by("due_date", "pk")[:LIST_LIMIT]
    )
    to_deliver = services.mark_overdue(list(to_deliver), calendar, today)
    retention = []
    if user.has_perm("cases.change_retentioncheck"):
        # Checks due within a week: those of my own cases first (the curator's), then the
        # centre's others (the employer-zone specialist holds them for every curator).
        due = services.due_checks(user, today).select_related("case__curator")[:LIST_LIMIT]
        retention = sorted(due, key=lambda c: (c.case.curator_id != user.pk, c.due_on, c.pk))
    referrals = []
    if user.has_perm("cases.view_referral"):
        referrals = services.referrals.mark_late(
            services.referrals_awaiting(user)[:LIST_LIMIT], calendar, today
        )
    job_answers = []
    if user.has_perm("cases.view_jobreferral"):
        job_answers = list(services.job_answers_awaiting(user)[:LIST_LIMIT])
    queue_waiting, queue_count = [], 0
    if user.has_perm("cases.call_ticket"):
        waiting = hall_queue.waiting_for(user, separate_window=None)
        queue_waiting, queue_count = waiting[:10], waiting.count()
    return render(
        request,
        "cases/my_work.html",
        {
            "my_cases": my_cases,
            "overdue": overdue,
            "appointments": appointments,
            "today": today,
            "state_labels": r.STATE_LABELS,
            "retention": retention,
            "to_deliver": to_deliver,
            "referrals_awaiting": referrals,
            "job_answers": job_answers,
            "awaiting_count": len(referrals) + len(job_answers),
            "queue_waiting": queue_waiting,
            "queue_waiting_count": queue_count,
        },
    )
