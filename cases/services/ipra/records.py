"""The IPRA's route and its measures: acquainting the citizen, forming the list of measures,
recording their execution and the report sent back; every step in one transaction with its
history entry (IpraTransitionLog) and the change log (django-auditlog)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import ConcurrentTransition, can_proceed
from wagtail.log_actions import log

from cases.choices import IpraState, MeasureOutcome
from cases.models import Ipra, IpraMeasure, IpraReport, IpraTransitionLog
from cases.route_graph import transitions_of
from cases.services.base import TransitionRefused
from cases.services.versions import claim_version
from portal.models import Centre

# The transitions staff run from the IPRA card (send_report is run by record_report).
CARD_TRANSITIONS = ["acquaint", "form_measures", "start_execution", "decline", "mark_unreachable"]


class IpraConflict(Exception):
    """A colleague moved the IPRA first; carries the fresh record."""

    def __init__(self, ipra):
        self.ipra = ipra
        self.message = _(
            "ИПРА уже изменил другой сотрудник: теперь «%(state)s». Страница обновлена — "
            "проверьте и повторите действие, если оно ещё нужно."
        ) % {"state": ipra.get_state_display()}
        super().__init__(self.message)


# Read back from the @transition declarations of cases.models.Ipra, never written twice.
IPRA_TRANSITIONS = {spec.name: spec for spec in transitions_of(Ipra)}


def transition_meta(name):
    """(label, needs_reason) of a transition, from its django-fsm declaration."""
    spec = IPRA_TRANSITIONS[name]
    return spec.label, spec.needs_reason


def available_transitions(ipra):
    """[(name, label, needs_reason)] of the card's transitions possible from the IPRA's state."""
    found = []
    for name in CARD_TRANSITIONS:
        if can_proceed(getattr(ipra, name), check_conditions=False):
            label, needs_reason = transition_meta(name)
            found.append((name, str(label), needs_reason))
    return found


def log_ipra(ipra, action, user, data=None):
    """Wagtail's audit log, titled by the record number only (no personal data)."""
    log(ipra, action, user=user, title=f"ИПРА, запись № {ipra.pk}", data=data or {})


def _history(ipra, user, name, label, from_state, comment=""):
    IpraTransitionLog.objects.create(
        ipra=ipra,
        user=user,
        transition=name,
        label=str(label),
        from_state=from_state,
        to_state=ipra.state,
        comment=comment,
    )
    log_ipra(ipra, "marshrut.ipra.transition", user, {"transition": name, "to": ipra.state})


def run_ipra_transition(user, ipra, name, *, expected_state=None, comment="", on=None, method=""):
    """Move the IPRA along its route: `acquaint` (on, method), `form_measures` (on),
    `start_execution`, `decline` and `mark_unreachable` (comment = the reason)."""
    if name not in CARD_TRANSITIONS:
        raise TransitionRefused(_("Такого действия с ИПРА нет."))
    label, needs_reason = transition_meta(name)
    comment = (comment or "").strip()
    errors = {}
    if needs_reason and not comment:
        errors["comment"] = _("Укажите причину — без неё это действие не выполняется.")
    if name in ("acquaint", "form_measures") and on is None:
        errors["on"] = _("Укажите дату.")
    if on is not None and on > timezone.localdate():
        errors["on"] = _("Дата не может быть в будущем.")
    if name == "acquaint" and not method:
        errors["method"] = _("Выберите способ ознакомления.")
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            fresh = Ipra.objects.select_for_update().get(pk=ipra.pk)
            if expected_state and fresh.state != expected_state:
                raise IpraConflict(fresh)
            action = getattr(fresh, name)
            if not can_proceed(action, check_conditions=False):
                raise TransitionRefused(
                    _("Из состояния «%(s)s» это действие невозможно.")
                    % {"s": fresh.get_state_display()}
                )
            if not can_proceed(action):
                raise ValidationError(
                    {"__all__": _("В перечне нет ни одного мероприятия: добавьте мероприятие.")}
                )
            from_state = fresh.state
            if name == "acquaint":
                action(on, method, user)
            elif name == "form_measures":
                action(on, user)
                for measure in fresh.measures.filter(starts_on__isnull=True):
                    # Formed late, after a measure's end: its period still reads forwards.
                    start = min(on, measure.ends_on) if measure.ends_on else on
                    IpraMeasure.objects.filter(pk=measure.pk).update(starts_on=start)
            elif needs_reason:
                action(comment)
            else:
                action()
            _save(fresh)
            _history(fresh, user, name, label, from_state, comment)
    except ConcurrentTransition:
        raise IpraConflict(Ipra.objects.get(pk=ipra.pk)) from None
    return fresh


def _save(ipra):
    claim_version(ipra, ipra.version, _("ИПРА"))
    ipra.state_changed_at = timezone.now()
    ipra.save()


# --- measures --------------------------------------------------------------------------------
def _measures_editable(ipra):
    if ipra.state not in IpraState.open():
        raise TransitionRefused(
            _("ИПРА в состоянии «%(s)s»: её перечень мероприятий больше не меняется.")
            % {"s": ipra.get_state_display()}
        )


def add_measure(user, ipra, measure):
    """Add a measure (an unsaved IpraMeasure) to the IPRA's list."""
    _measures_editable(ipra)
    measure.ipra = ipra
    measure.executor = measure.executor or ipra.executor
    measure.ends_on = measure.ends_on or ipra.deadline
    measure.sort_order = (ipra.measures.order_by("-sort_order").first() or measure).sort_order + 1
    _check_measure(measure)
    with transaction.atomic():
        measure.save()
        log_ipra(ipra, "marshrut.ipra.measure_add", user, {"measure": measure.pk})
    return measure


def _check_measure(measure):
    errors = {}
    if measure.starts_on and measure.ends_on and measure.ends_on < measure.starts_on:
        errors["ends_on"] = _("Дата окончания не может быть раньше даты начала.")
    if measure.outcome == MeasureOutcome.NOT_DONE and not measure.reason.strip():
        errors["reason"] = _("Укажите причину неисполнения.")
    if measure.outcome != MeasureOutcome.PENDING and measure.executed_on is None:
        errors["executed_on"] = _("Укажите дату исполнения (или неисполнения).")
    if measure.executed_on and measure.executed_on > timezone.localdate():
        errors["executed_on"] = _("Дата исполнения не может быть в будущем.")
    if errors:
        raise ValidationError(errors)


def update_measure(user, measure, changed_fields, version=None):
    """Save the edited measure if it is still `version` (as update_citizen), else StaleEdit."""
    _measures_editable(measure.ipra)
    _check_measure(measure)
    with transaction.atomic():
        claim_version(
            measure, measure.version if version is None else version, _("мероприятие ИПРА")
        )
        measure.save()
        log_ipra(
            measure.ipra,
            "marshrut.ipra.measure_change",
            user,
            {"measure": measure.pk, "fields": sorted(changed_fields)},
        )
    return measure


def remove_measure(user, measure):
    """Take a measure out of a list not yet formed."""
    ipra = measure.ipra
    if ipra.state not in (IpraState.RECEIVED, IpraState.ACQUAINTED) or measure.plan_item_id:
        raise TransitionRefused(
            _("Мероприятие уже в сформированном перечне или в плане: его нельзя удалить.")
        )
    with transaction.atomic():
        pk = measure.pk
        measure.delete()
        log_ipra(ipra, "marshrut.ipra.measure_remove", user, {"measure": pk})


# --- the report to the bureau -----------------------------------------------------------------
def reportable(ipra):
    """Why the report of this IPRA cannot be recorded as sent yet ("" when it can)."""
    if ipra.report_id:
        return _("отчёт уже направлен")
    if ipra.state not in IpraState.reportable():
        return _("ИПРА в состоянии «%(s)s»") % {"s": ipra.get_state_display()}
    if ipra.state == IpraState.IN_EXECUTION and any(m.is_pending for m in ipra.measures.all()):
        return _("не отмечено исполнение всех мероприятий")
    return ""


def record_report(user, ipras, *, sent_on, method, period=(None, None)):
    """Record that the execution report of these IPRA went to the bureau (date, method, staff).
    Those not ready are skipped; returns (the report or None, the IPRA reported, the skipped
    as [(ipra, why)])."""
    if user.centre_id is None:
        raise PermissionDenied
    if sent_on > timezone.localdate():
        raise ValidationError({"sent_on": _("Дата направления не может быть в будущем.")})
    ready, skipped = [], []
    for ipra in ipras:
        why = reportable(ipra)
        (skipped.append((ipra, why)) if why else ready.append(ipra))
    if not ready:
        return None, [], skipped
    with transaction.atomic():
        report = IpraReport.objects.create(
            centre_id=user.centre_id,
            period_from=period[0],
            period_to=period[1],
            sent_on=sent_on,
            method=method,
            sent_by=user,
        )
        for ipra in ready:
            fresh = Ipra.objects.select_for_update().get(pk=ipra.pk)
            from_state = fresh.state
            label = _("Отчёт направлен в бюро МСЭ")
            if fresh.state == IpraState.IN_EXECUTION:
                fresh.send_report(report)
            else:
                fresh.report = report
            _save(fresh)
            _history(fresh, user, "send_report", label, from_state, report.get_method_display())
    return report, ready, skipped


# --- deadlines (for "Моя работа") -------------------------------------------------------------
def ipra_deadlines(user_or_centre, today=None, within_days=14, limit=50):
    """The centre's current, open IPRA whose deadline for the measures has passed or comes
    within `within_days`, soonest first; each with `overdue` set. `user_or_centre`: a staff
    member (their centre) or a Centre."""
    if isinstance(user_or_centre, Centre):
        centre_id = user_or_centre.pk
    else:
        centre_id = getattr(user_or_centre, "centre_id", None)
    if centre_id is None:
        return []
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=within_days)
    found = list(
        Ipra.objects.filter(
            Q(centre_id=centre_id, superseded_by__isnull=True, state__in=IpraState.open()),
            deadline__lte=horizon,
        ).order_by("deadline", "pk")[:limit]
    )
    for ipra in found:
        ipra.overdue = ipra.deadline < today
    return found
