"""The hall queue (электронная очередь): issue, call next, serve, no-show, redirect, day report.

Calling "next" claims a ticket with a conditional UPDATE (`… WHERE pk = … AND state =
'waiting'`); a claimer whose UPDATE touches no row lost the race to a colleague and tries the
next candidate. On PostgreSQL the candidate is also read `FOR UPDATE SKIP LOCKED`, so two
specialists calling at once pass each other instead of waiting on the same row. Two callers
never get the same ticket (tests/cases/test_queue_races.py).
"""

import datetime
import statistics
from collections import defaultdict
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.choices import QueuePurpose, TicketState
from cases.models import QueueTicket
from cases.services.steps import user_role_ids

CLAIM_ATTEMPTS = 5


def centre_today(centre, now=None):
    """The centre's local date: the day a ticket's number counts in."""
    return (now or timezone.now()).astimezone(ZoneInfo(centre.timezone)).date()


def issue_ticket(user, ticket):
    """Give the unsaved `ticket` the centre's next number of the day and save it."""
    centre = user.centre
    ticket.centre = centre
    ticket.issued_by = user
    ticket.queued_at = timezone.now()
    ticket.day = centre_today(centre, ticket.queued_at)
    for _attempt in range(CLAIM_ATTEMPTS):
        last = QueueTicket.objects.filter(centre=centre, day=ticket.day).aggregate(m=Max("seq"))
        ticket.seq = (last["m"] or 0) + 1
        try:
            with transaction.atomic():
                ticket.save()
            return ticket
        except IntegrityError:  # a colleague took the number a moment ago
            ticket.pk = None
    raise ValidationError(_("Не удалось выдать талон: повторите попытку."))


def waiting_for(user, *, separate_window=False, day=None):
    """Today's waiting tickets a user may call: addressed to them, to one of their roles or to
    nobody; a separate window calls only separate-window tickets, other desks only the rest."""
    centre = user.centre
    rows = QueueTicket.objects.filter(
        Q(addressee=user)
        | Q(addressee__isnull=True, addressee_role_id__in=user_role_ids(user))
        | Q(addressee__isnull=True, addressee_role__isnull=True),
        centre=centre,
        day=day or centre_today(centre),
        state=TicketState.WAITING,
    )
    if separate_window is not None:  # None: both (the list on «Моя работа»)
        rows = rows.filter(separate_window=separate_window)
    return rows.order_by("-priority", "queued_at", "pk")


def call_next(user, window, *, separate_window=False):
    """Claim the next ticket for `user` at `window`: priority first, then the oldest. None when
    nobody waits."""
    for _attempt in range(CLAIM_ATTEMPTS):
        with transaction.atomic():
            candidates = waiting_for(user, separate_window=separate_window)
            if connection.features.has_select_for_update_skip_locked:
                candidates = candidates.select_for_update(skip_locked=True, of=("self",))
            ticket = candidates.first()
            if ticket is None:
                return None
            now = timezone.now()
            claimed = QueueTicket.objects.filter(pk=ticket.pk, state=TicketState.WAITING).update(
                state=TicketState.CALLED, called_by=user, called_at=now, window=window
            )
            if claimed:
                ticket.refresh_from_db()
                return ticket
    return None


def _move(ticket, user, allowed, **changes):
    with transaction.atomic():
        moved = QueueTicket.objects.filter(pk=ticket.pk, state__in=allowed).update(**changes)
    if not moved:
        raise ValidationError(_("Талон уже в другом состоянии: обновите страницу."))
    ticket.refresh_from_db()
    return ticket


def start_serving(ticket, user):
    return _move(
        ticket,
        user,
        [TicketState.CALLED],
        state=TicketState.SERVING,
        served_started_at=timezone.now(),
    )


def finish_serving(ticket, user):
    now = timezone.now()
    if ticket.served_started_at is None:
        ticket.served_started_at = now
    return _move(
        ticket,
        user,
        [TicketState.SERVING, TicketState.CALLED],
        state=TicketState.DONE,
        served_started_at=ticket.served_started_at,
        served_ended_at=now,
    )


def no_show(ticket, user):
    return _move(ticket, user, [TicketState.CALLED], state=TicketState.NO_SHOW)


def redirect(ticket, user, *, addressee=None, addressee_role=None, comment=""):
    """Send a called or served ticket to another specialist or role; the number stays. Returns
    the new waiting row (its `redirected_from` is the old one)."""
    if addressee is None and addressee_role is None:
        raise ValidationError(
            {"addressee": _("Выберите специалиста или роль, к которым направить талон.")}
        )
    with transaction.atomic():
        now = timezone.now()
        _move(
            ticket,
            user,
            TicketState.active(),
            state=TicketState.REDIRECTED,
            served_ended_at=now,
            comment=comment,
        )
        return QueueTicket.objects.create(
            centre=ticket.centre,
            day=ticket.day,
            seq=ticket.seq,
            purpose=ticket.purpose,
            disability=ticket.disability,
            with_companion=ticket.with_companion,
            separate_window=ticket.separate_window,
            addressee=addressee,
            addressee_role=addressee_role,
            issued_by=user,
            queued_at=now,
            redirected_from=ticket,
            comment=comment,
            citizen=ticket.citizen,
            case=ticket.case,
        )


def history(ticket):
    """The ticket's hops, first to last."""
    chain = [ticket]
    while chain[0].redirected_from_id:
        chain.insert(0, QueueTicket.objects.get(pk=chain[0].redirected_from_id))
    return chain


def board(centre, *, recent=6):
    """What the hall board shows: recently called numbers with their window (nothing
    personal), and how many wait."""
    today = centre_today(centre)
    rows = QueueTicket.objects.filter(centre=centre, day=today)
    called = rows.filter(state__in=TicketState.active()).order_by("-called_at")[:recent]
    return {"called": list(called), "waiting": rows.filter(state=TicketState.WAITING).count()}


def _minutes(delta):
    return round(delta.total_seconds() / 60, 1)


def _stats(values):
    if not values:
        return {"median": None, "max": None}
    return {"median": round(statistics.median(values), 1), "max": max(values)}


def day_report(centre, day):
    """Per purpose and per specialist: tickets issued, waiting and service time in minutes
    (median, max). A redirected hop counts in the specialist it reached."""
    rows = (
        QueueTicket.objects.filter(centre=centre, day=day)
        .select_related("called_by")
        .order_by("pk")
    )
    purposes = defaultdict(lambda: {"issued": 0, "wait": [], "service": []})
    staff = defaultdict(lambda: {"issued": 0, "wait": [], "service": []})
    names = {}
    for t in rows:
        lines = [] if t.redirected_from_id else [purposes[t.purpose]]
        if t.called_by_id:
            names[t.called_by_id] = t.called_by.get_full_name() or t.called_by.username
            lines.append(staff[t.called_by_id])
        for line in lines:
            line["issued"] += 1
            if t.called_at:
                line["wait"].append(_minutes(t.called_at - t.queued_at))
            if t.served_started_at and t.served_ended_at:
                line["service"].append(_minutes(t.served_ended_at - t.served_started_at))

    def summary(label, line):
        return {
            "label": label,
            "issued": line["issued"],
            "wait": _stats(line["wait"]),
            "service": _stats(line["service"]),
        }

    labels = dict(QueuePurpose.choices)
    return {
        "day": day,
        "purposes": [summary(labels[p], purposes[p]) for p in labels if p in purposes],
        "staff": sorted(
            (summary(names[pk], line) for pk, line in staff.items()), key=lambda s: s["label"]
        ),
        "total": rows.filter(redirected_from__isnull=True).count(),
    }


def parse_day(value, centre):
    try:
        return datetime.date.fromisoformat(value) if value else centre_today(centre)
    except ValueError:
        return centre_today(centre)
