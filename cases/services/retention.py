"""Retention checks (контроль закрепляемости): scheduled when the employment is recorded, after
the months the case's route version names; recorded by the curator or the employer-zone
specialist; the case moves to «Контроль закрепляемости» with the first result and closes after
the last one, or earlier with a reason (the remaining checks are then marked as not held).

Everything of one recording — the check, the route's transitions it causes and their log —
commits together or not at all.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import route_graph as r
from cases.choices import RetentionOutcome
from cases.models import RetentionCheck
from cases.services.base import log_case
from cases.services.notices.planning import cancel_waiting
from cases.services.retention_schedule import CHECKING_STATES
from cases.services.steps import route_steps, user_may_run
from cases.services.transitions import run_transition
from cases.services.versions import claim_version

# A check may be held this many days before its date (the citizen is reached when reachable).
EARLY_DAYS = 14


@dataclass
class Recorded:
    check: RetentionCheck
    closed: bool = False
    close_role: str = ""  # when the case could close but the user's role may not close it


def _validate(check, today, outcome, checked_on, left_reason):
    case = check.case
    errors = {}
    if case.state not in CHECKING_STATES:
        raise ValidationError(_("Случай не на контроле закрепляемости: проверку записать нельзя."))
    if check.outcome == RetentionOutcome.CANCELLED:
        raise ValidationError(_("Эта проверка не проводилась: случай закрыт раньше."))
    if outcome not in RetentionOutcome.values or outcome == RetentionOutcome.CANCELLED:
        errors["outcome"] = _("Выберите результат проверки.")
    if checked_on is None:
        errors["checked_on"] = _("Укажите дату проверки.")
    elif checked_on > today:
        errors["checked_on"] = _("Дата проверки не может быть позже сегодняшней.")
    elif case.employed_on and checked_on < case.employed_on:
        errors["checked_on"] = _("Дата проверки раньше даты трудоустройства (%(d)s).") % {
            "d": case.employed_on.strftime("%d.%m.%Y")
        }
    earliest = check.due_on - datetime.timedelta(days=EARLY_DAYS)
    if checked_on and checked_on <= today and checked_on < earliest and "checked_on" not in errors:
        errors["checked_on"] = _(
            "Проверку через %(n)s мес. проводят не раньше %(d)s (срок — %(due)s)."
        ) % {
            "n": check.months,
            "d": earliest.strftime("%d.%m.%Y"),
            "due": check.due_on.strftime("%d.%m.%Y"),
        }
    if outcome == RetentionOutcome.LEFT and not left_reason.strip():
        errors["left_reason"] = _("Укажите, почему гражданин уволился.")
    if errors:
        raise ValidationError(errors)


def record_check(
    user, check, *, outcome, checked_on, left_reason="", note="", close_reason="", version=None
):
    """Record one check's result; close the case after the last one, or now with `close_reason`.
    Raises ValidationError (nothing saved) or StaleEdit."""
    today = timezone.localdate()
    _validate(check, today, outcome, checked_on, left_reason)
    case = check.case
    steps = route_steps(case)
    close_step = steps.get("close")
    close_reason = close_reason.strip()
    if close_reason and (close_step is None or not user_may_run(close_step, user)):
        raise ValidationError(
            {
                "close_reason": _("Закрыть случай может роль «%(role)s».")
                % {"role": close_step.role_name if close_step else "—"}
            }
        )
    with transaction.atomic():
        claim_version(check, check.version if version is None else version, _("проверку"))
        check.outcome, check.checked_on = outcome, checked_on
        check.left_reason = left_reason.strip() if outcome == RetentionOutcome.LEFT else ""
        check.note = note.strip()
        check.recorded_by, check.recorded_at = user, timezone.now()
        check.save()
        cancel_waiting(_("Проверка уже проведена."), retention_check=check)
        log_case(
            case, "marshrut.case.retention", user, {"months": check.months, "outcome": outcome}
        )
        start = steps.get("start_retention_check")
        if case.state == r.EMPLOYED and start and user_may_run(start, user):
            case = run_transition(case, "start_retention_check", user)
        rest = case.retention_checks.filter(outcome="").exclude(pk=check.pk)
        if close_reason:
            rest.update(
                outcome=RetentionOutcome.CANCELLED, recorded_by=user, recorded_at=timezone.now()
            )
            case = run_transition(case, "close", user, comment=close_reason)
            return Recorded(check, closed=True)
        if rest.exists() or close_step is None:
            return Recorded(check)
        if not user_may_run(close_step, user):
            return Recorded(check, close_role=close_step.role_name)
        comment = _("Все проверки закрепляемости проведены.")
        case = run_transition(case, "close", user, comment=comment)
        return Recorded(check, closed=True)
