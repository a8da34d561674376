"""Moving a case along its route: the state change and its log entry commit together."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import ConcurrentTransition, can_proceed

from cases import route_graph as r
from cases.models import Case, TransitionLog
from cases.services.base import Conflict, TransitionRefused, log_case
from cases.services.notices.planning import cancel_waiting, plan_retention_invitations
from cases.services.retention_schedule import cancel_pending_checks, schedule_checks
from cases.services.steps import live_route_revision, route_steps, user_may_run
from cases.services.surveys import invite_to_survey
from content.models import SurveyPage


def run_transition(case, name, user, *, comment="", expected_state=None, curator=None):
    """Move the case along its route. The state change and its log entry commit together."""
    spec = r.TRANSITION_SPECS.get(name)
    step = route_steps(case).get(name)
    if spec is None or step is None:
        raise TransitionRefused(_("Такого перехода нет в маршруте этого случая."))
    if not user_may_run(step, user):
        raise PermissionDenied(
            _("Этот переход выполняет роль «%(role)s».") % {"role": step.role_name or "—"}
        )
    comment = (comment or "").strip()
    if step.needs_comment and not comment:
        raise ValidationError(
            {"comment": _("Укажите причину — без неё этот переход не выполняется.")}
        )
    try:
        with transaction.atomic():
            fresh = Case.objects.select_for_update().get(pk=case.pk)
            if expected_state and fresh.state != expected_state:
                raise Conflict(fresh)
            method = getattr(fresh, name)
            if not can_proceed(method, check_conditions=False):
                raise TransitionRefused(
                    _("С этапа «%(state)s» этот переход невозможен.")
                    % {"state": r.STATE_LABELS[fresh.state]}
                )
            if name == "assign_curator":
                _set_curator(fresh, curator or user)
            if not can_proceed(method):
                raise ValidationError(_condition_message(name))
            from_state = fresh.state
            method(comment) if spec.needs_reason else method()
            fresh.state_changed_at = timezone.now()
            fresh.save()
            if name == "record_employment":
                schedule_checks(fresh)
                plan_retention_invitations(fresh)
            elif fresh.state in r.TERMINAL:
                cancel_pending_checks(fresh, user)
                cancel_waiting(_("Случай закрыт."), retention_check__case=fresh)
            TransitionLog.objects.create(
                case=fresh,
                user=user,
                transition=name,
                label=step.label,
                from_state=from_state,
                to_state=fresh.state,
                comment=comment,
            )
            log_case(
                fresh,
                "marshrut.case.transition",
                user,
                {"transition": name, "from": from_state, "to": fresh.state},
            )
            if step.survey_id:
                survey = SurveyPage.objects.live().filter(pk=step.survey_id).first()
                if survey is not None:
                    invite_to_survey(fresh, survey, user, transition=name)
    except ConcurrentTransition:
        raise Conflict(Case.objects.get(pk=case.pk)) from None
    return fresh


def _set_curator(case, curator):
    if curator.centre_id != case.centre_id:
        raise ValidationError({"curator": _("Куратор должен работать в том же центре.")})
    case.curator = curator


def _condition_message(name):
    if name == "agree_plan":
        return {"plan": _("Добавьте в план хотя бы одну услугу, чтобы согласовать его.")}
    if name == "assign_curator":
        return {"curator": _("Выберите куратора.")}
    if name == "record_employment":
        return _(
            "Сначала запишите трудоустройство: работодатель, должность, дата и по какому "
            "направлению (или самостоятельно)."
        )
    return _("Условия перехода не выполнены.")


def move_to_latest_route(case, user):
    """Explicitly re-pin a case in flight to the life situation's current route version."""
    revision = live_route_revision(case.life_situation)
    if revision is None or revision.pk == case.route_revision_id:
        return False
    if case.state not in r.OPEN_STATES:
        raise TransitionRefused(_("Закрытый случай нельзя перевести на новую версию маршрута."))
    with transaction.atomic():
        old = case.route_revision_id
        Case.objects.filter(pk=case.pk).update(route_revision=revision)
        case.route_revision = revision
        log_case(
            case,
            "marshrut.case.route_version",
            user,
            {"from_revision": old, "to_revision": revision.pk},
        )
    return True
