"""The hall queue's screens: issuing a ticket and its slip, the specialist's panel, the hall
board and the day report (docs/queue.md)."""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cases.choices import TicketState
from cases.forms_queue import CallNextForm, IssueTicketForm, RedirectTicketForm
from cases.models import QueueTicket
from cases.services import queue as q
from cases.views.common import staff_view

PANEL_SESSION_KEY = "queue_desk"
PANEL_LIMIT = 30


def _ticket(request, pk, **filters):
    """A ticket of the user's own centre, or 404."""
    return get_object_or_404(QueueTicket.objects.for_user(request.user), pk=pk, **filters)


@staff_view("cases.issue_ticket")
@require_http_methods(["GET", "POST"])
def issue(request):
    form = IssueTicketForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                ticket = q.issue_ticket(request.user, form.save(commit=False))
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Выдан талон %(n)s.") % {"n": ticket.number})
                return redirect("cases:queue-slip", pk=ticket.pk)
    issued = QueueTicket.objects.for_user(request.user).filter(
        day=q.centre_today(request.user.centre), redirected_from__isnull=True
    )
    return render(
        request,
        "cases/queue/issue.html",
        {"form": form, "issued_count": issued.count()},
        status=status,
    )


@staff_view("cases.issue_ticket")
def slip(request, pk):
    ticket = _ticket(request, pk)
    return render(request, "cases/queue/slip.html", {"ticket": ticket})


def _desk(request):
    return request.session.get(PANEL_SESSION_KEY, {"window": "", "separate_window": False})


@staff_view("cases.call_ticket")
@require_http_methods(["GET", "POST"])
def panel(request):
    desk = _desk(request)
    form = CallNextForm(request.POST or None, initial=desk)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            desk = form.cleaned_data
            request.session[PANEL_SESSION_KEY] = desk
            ticket = q.call_next(
                request.user, desk["window"], separate_window=desk["separate_window"]
            )
            if ticket is None:
                messages.info(request, _("Очередь к вам пуста."))
            else:
                messages.success(
                    request,
                    _("Вызван талон %(n)s в %(w)s.") % {"n": ticket.number, "w": ticket.window},
                )
            return redirect("cases:queue-panel")
    user = request.user
    mine = (
        QueueTicket.objects.for_user(user)
        .filter(called_by=user, state__in=TicketState.active())
        .select_related("case", "addressee_role")
        .order_by("called_at")
    )
    waiting = q.waiting_for(
        user, separate_window=desk.get("separate_window", False)
    ).select_related("addressee", "addressee_role")
    return render(
        request,
        "cases/queue/panel.html",
        {
            "form": form,
            "mine": mine,
            "waiting": waiting[:PANEL_LIMIT],
            "waiting_count": waiting.count(),
            "desk": desk,
        },
        status=status,
    )


ACTIONS = {"start": q.start_serving, "finish": q.finish_serving, "no-show": q.no_show}


@staff_view("cases.call_ticket")
@require_POST
def act(request, pk, name):
    ticket = _ticket(request, pk, called_by=request.user)
    action = ACTIONS.get(name)
    if action is None:
        return redirect("cases:queue-panel")
    try:
        action(ticket, request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("Талон %(n)s: %(s)s.") % {"n": ticket.number, "s": ticket.get_state_display()},
        )
    return redirect("cases:queue-panel")


@staff_view("cases.call_ticket")
@require_http_methods(["GET", "POST"])
def redirect_ticket(request, pk):
    ticket = _ticket(request, pk, called_by=request.user, state__in=TicketState.active())
    form = RedirectTicketForm(request.POST or None, centre=request.user.centre)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            data = form.cleaned_data
            try:
                q.redirect(
                    ticket,
                    request.user,
                    addressee=data["addressee"],
                    addressee_role=data["addressee_role"],
                    comment=data["comment"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Талон %(n)s перенаправлен.") % {"n": ticket.number})
                return redirect("cases:queue-panel")
    return render(
        request,
        "cases/queue/redirect.html",
        {"form": form, "ticket": ticket, "hops": q.history(ticket)},
        status=status,
    )


@staff_view("cases.view_queue_board")
def board(request):
    data = q.board(request.user.centre)
    template = "cases/queue/board_live.html" if request.headers.get("HX-Request") else None
    return render(
        request,
        template or "cases/queue/board.html",
        {**data, "board_url": reverse("cases:queue-board")},
    )


@staff_view("cases.view_queue_report")
def report(request):
    centre = request.user.centre
    day = q.parse_day(request.GET.get("day"), centre)
    data = q.day_report(centre, day)
    if request.GET.get("format") == "csv":
        return _csv(data)
    return render(request, "cases/queue/report.html", data)


def _csv(data):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="queue-{data["day"]:%Y-%m-%d}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            "Разрез",
            "Название",
            "Талонов",
            "Ожидание, медиана мин",
            "Ожидание, макс мин",
            "Обслуживание, медиана мин",
            "Обслуживание, макс мин",
        ]
    )
    for kind, rows in (("Цель", data["purposes"]), ("Специалист", data["staff"])):
        for row in rows:
            writer.writerow(
                [
                    kind,
                    row["label"],
                    row["issued"],
                    row["wait"]["median"],
                    row["wait"]["max"],
                    row["service"]["median"],
                    row["service"]["max"],
                ]
            )
    return response
