"""Domain operations of the case module: the one place where cases change.

Views, management commands, the demo loader and tests all call these functions; each runs in
one database transaction together with its log entries.
"""

import functools
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import ConcurrentTransition, can_proceed
from wagtail.log_actions import log
from wagtail.models import Revision

from cases import route as r
from cases.models import (
    Appointment,
    Case,
    Citizen,
    ScriptRun,
    SurveyInvitation,
    TransitionLog,
    fold,
)
from cases.validators import snils_digits
from content import services as content_services
from content.models import Role, Route, Script, SurveyPage

logger = logging.getLogger("marshrut.cases")


class Conflict(Exception):
    """Someone else changed the case first; carries the fresh case."""

    def __init__(self, case, message=None):
        self.case = case
        self.message = message or _(
            "Случай уже изменил другой сотрудник: сейчас он на этапе «%(state)s». "
            "Страница обновлена — проверьте и повторите действие, если оно ещё нужно."
        ) % {"state": r.STATE_LABELS[case.state]}
        super().__init__(self.message)


class TransitionRefused(Exception):
    """The transition is not possible for this case now (not in its route or not from here)."""


def _log_case(case, action, user, data=None):
    """Wagtail's audit log, titled by the case number only: no personal data in the log."""
    log(case, action, user=user, title=f"Случай № {case.number}", data=data or {})


# --- the route as configured by editors ------------------------------------------------------


@dataclass(frozen=True)
class Step:
    name: str
    label: str
    target: str
    role_id: int | None
    role_name: str
    documents: tuple
    deadline_days: int | None
    needs_comment: bool
    needs_reason: bool
    survey_id: int | None = None


def _default_steps():
    return {
        spec.name: Step(
            name=spec.name,
            label=str(spec.label),
            target=spec.target,
            role_id=None,
            role_name="",
            documents=(),
            deadline_days=None,
            needs_comment=spec.needs_reason,
            needs_reason=spec.needs_reason,
        )
        for spec in r.TRANSITIONS
    }


@functools.lru_cache(maxsize=256)
def _steps_for_revision(revision_id):
    """A published route revision never changes, so its parsed steps are cached per process."""
    route = Revision.objects.get(pk=revision_id).as_object()
    role_names = dict(Role.objects.values_list("pk", "name"))
    steps = {}
    for step in route.steps.all():
        spec = r.TRANSITION_SPECS.get(step.transition)
        if spec is None or not step.enabled:
            continue
        steps[spec.name] = Step(
            name=spec.name,
            label=step.label or str(spec.label),
            target=spec.target,
            role_id=step.responsible_role_id,
            role_name=role_names.get(step.responsible_role_id, ""),
            documents=tuple(step.documents),
            deadline_days=step.deadline_days,
            needs_comment=step.requires_comment or spec.needs_reason,
            needs_reason=spec.needs_reason,
            survey_id=step.survey_id,
        )
    return steps


def route_steps(case):
    """The transitions the case's pinned route version enables, by name."""
    if case.route_revision_id is None:
        return _default_steps()
    return _steps_for_revision(case.route_revision_id)


def live_route_revision(life_situation):
    route = Route.objects.filter(life_situation=life_situation, live=True).first()
    return route.live_revision if route else None


def user_role_ids(user):
    if not hasattr(user, "_marshrut_role_ids"):
        user._marshrut_role_ids = frozenset(
            Role.objects.filter(group__user=user).values_list("pk", flat=True)
        )
    return user._marshrut_role_ids


def user_may_run(step, user):
    if not user.has_perm("cases.transition_case"):
        return False
    return step.role_id is None or step.role_id in user_role_ids(user)


def available_steps(case, user):
    """(step, allowed_for_user) for every transition possible from the case's current stage."""
    steps = route_steps(case)
    result = []
    for spec in r.TRANSITIONS:
        step = steps.get(spec.name)
        if step is None or case.state not in spec.sources:
            continue
        result.append((step, user_may_run(step, user)))
    return result


def stage_deadline(case):
    """The date by which the current stage should end, from the step that led into it."""
    for step in route_steps(case).values():
        if step.target == case.state and step.deadline_days:
            return (case.state_changed_at + timezone.timedelta(days=step.deadline_days)).date()
    return None


def required_documents(case):
    """Documents the route asks for on the forward transitions out of the current stage."""
    steps = route_steps(case)
    docs = []
    for spec in r.TRANSITIONS:
        if spec.name in steps and case.state in spec.sources and not spec.needs_reason:
            docs.extend(d for d in steps[spec.name].documents if d not in docs)
    return docs


def set_received_documents(user, case, names):
    """Keep the ticks of the checklist; only documents the route asks for are accepted."""
    wanted = set(required_documents(case))
    kept = [d for d in case.received_documents if d not in wanted]
    ticked = [d for d in required_documents(case) if d in set(names)]
    with transaction.atomic():
        Case.objects.filter(pk=case.pk).update(received_documents=kept + ticked)
        case.received_documents = kept + ticked
        _log_case(case, "marshrut.case.documents", user, {"received": len(ticked)})
    return case


# --- transitions ---------------------------------------------------------------------------


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
            TransitionLog.objects.create(
                case=fresh,
                user=user,
                transition=name,
                label=step.label,
                from_state=from_state,
                to_state=fresh.state,
                comment=comment,
            )
            _log_case(
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
        _log_case(
            case,
            "marshrut.case.route_version",
            user,
            {"from_revision": old, "to_revision": revision.pk},
        )
    return True


# --- citizens and cases --------------------------------------------------------------------


def find_citizens(user, query, limit=20):
    """Citizens of the user's centre by SNILS (any formatting) or by name, any case."""
    query = (query or "").strip()
    qs = Citizen.objects.for_user(user)
    digits = snils_digits(query)
    if len(digits) >= 3 and len(digits) >= len(query.replace(" ", "").replace("-", "")):
        return list(qs.filter(snils__startswith=digits)[:limit])
    words = fold(query).split()
    if not words:
        return []
    for word in words:
        qs = qs.filter(search_text__contains=word)
    return list(qs[:limit])


def register_citizen(user, citizen):
    """Save a new citizen (a validated, unsaved instance) in the user's centre."""
    if user.centre_id is None:
        raise PermissionDenied(_("Сотрудник не привязан к центру занятости."))
    citizen.centre_id = user.centre_id
    citizen.full_clean()
    with transaction.atomic():
        citizen.save()
        log(citizen, "marshrut.citizen.create", user=user, title=f"Гражданин № {citizen.pk}")
    return citizen


def update_citizen(user, citizen, changed_fields):
    citizen.full_clean()
    with transaction.atomic():
        citizen.save()
        log(
            citizen,
            "marshrut.citizen.update",
            user=user,
            title=f"Гражданин № {citizen.pk}",
            data={"fields": sorted(changed_fields)},
        )
    return citizen


def open_case(user, citizen, life_situation):
    if citizen.centre_id != user.centre_id:
        raise PermissionDenied
    existing = Case.objects.filter(
        citizen=citizen, life_situation=life_situation, state__in=r.OPEN_STATES
    ).first()
    if existing:
        raise ValidationError(
            _("У гражданина уже есть открытый случай № %(number)s в этой жизненной ситуации.")
            % {"number": existing.number},
            code="duplicate_case",
            params={"case": existing.pk},
        )
    try:
        with transaction.atomic():
            case = Case.objects.create(
                citizen=citizen,
                life_situation=life_situation,
                centre_id=user.centre_id,
                route_revision=live_route_revision(life_situation),
            )
            TransitionLog.objects.create(
                case=case,
                user=user,
                transition="open",
                label=_("Случай открыт"),
                from_state="",
                to_state=case.state,
            )
            log(case, "marshrut.case.open", user=user, title=f"Случай № {case.number}")
    except IntegrityError:
        raise ValidationError(
            _("У гражданина уже есть открытый случай в этой жизненной ситуации."),
            code="duplicate_case",
        ) from None
    return case


# --- the individual employment plan ---------------------------------------------------------


def _editable(case):
    if not case.is_open:
        raise TransitionRefused(_("План закрытого случая не меняется."))


def add_plan_item(user, case, item):
    _editable(case)
    item.case = case
    item.sort_order = (
        case.plan_items.order_by("-sort_order").values_list("sort_order", flat=True).first() or 0
    ) + 1
    item.full_clean()
    with transaction.atomic():
        item.save()
        _log_case(case, "marshrut.plan.add", user, {"item": item.pk, "service": item.service_id})
    return item


def update_plan_item(user, item, changed_fields):
    _editable(item.case)
    item.full_clean()
    with transaction.atomic():
        item.save()
        _log_case(
            item.case,
            "marshrut.plan.change",
            user,
            {"item": item.pk, "fields": sorted(changed_fields)},
        )
    return item


PLAN_ACTIONS = {"start": (), "complete": ("result",), "refuse": ("reason",), "cancel": ("reason",)}


def change_plan_item_status(user, item, action, text=""):
    _editable(item.case)
    if action not in PLAN_ACTIONS:
        raise TransitionRefused(_("Неизвестное действие с пунктом плана."))
    text = (text or "").strip()
    if action in ("refuse", "cancel") and not text:
        raise ValidationError({"reason": _("Укажите причину.")})
    method = getattr(item, action)
    if not can_proceed(method):
        raise TransitionRefused(
            _("Пункт плана уже в статусе «%(s)s».") % {"s": item.get_status_display()}
        )
    with transaction.atomic():
        method(text) if PLAN_ACTIONS[action] else method()
        item.save()
        _log_case(item.case, "marshrut.plan.status", user, {"item": item.pk, "status": item.status})
    return item


# --- conversation scripts ------------------------------------------------------------------


def scripts_for(case, user):
    """Live scripts of the case's current stage (or any stage) for the user's roles."""
    return (
        Script.objects.filter(live=True, role_id__in=user_role_ids(user))
        .filter(Q(stage="") | Q(stage=case.state))
        .filter(Q(life_situation__isnull=True) | Q(life_situation_id=case.life_situation_id))
        .select_related("role", "service")
        .order_by("role__sort_order", "name")
    )


@functools.lru_cache(maxsize=256)
def _script_version(revision_id):
    """The published script a run follows; a revision never changes, so it is cached."""
    return Revision.objects.get(pk=revision_id).as_object()


def script_version(run):
    return _script_version(run.revision_id) if run.revision_id else run.script


def start_script(user, case, script):
    if not case.is_open:
        raise TransitionRefused(_("По закрытому случаю разговор не ведётся."))
    if not script.live or script.role_id not in user_role_ids(user):
        raise PermissionDenied(_("Этот скрипт предназначен для другой роли."))
    first = script.first_step
    if first is None:
        raise TransitionRefused(_("В скрипте нет шагов."))
    with transaction.atomic():
        run = ScriptRun.objects.create(
            case=case,
            script=script,
            revision_id=script.live_revision_id,
            user=user,
            current_step=first["code"],
        )
        _log_case(case, "marshrut.script.start", user, {"script": script.pk, "run": run.pk})
    return run


def answer_script(user, run, index):
    """Record the citizen's answer and move on; an answer with an outcome ends the talk."""
    if run.finished or run.user_id != user.pk:
        raise TransitionRefused(_("Этот разговор уже завершён."))
    version = script_version(run)
    step = version.step(run.current_step)
    answers = list(step["answers"]) if step else []
    if not 0 <= index < len(answers):
        raise ValidationError({"answer": _("Выберите один из ответов.")})
    answer = answers[index]
    run.path = [*run.path, {"step": step["code"], "says": step["says"], "answer": answer["text"]}]
    with transaction.atomic():
        if answer.get("outcome"):
            service = answer.get("suggest_service")
            run.finished_at = timezone.now()
            run.current_step = ""
            run.outcome = answer["outcome"]
            run.outcome_note = answer.get("outcome_note") or ""
            run.suggest_transition = answer.get("suggest_transition") or ""
            run.suggest_service_id = service.pk if service else None
            _log_case(
                run.case,
                "marshrut.script.finish",
                user,
                {"script": run.script_id, "run": run.pk, "outcome": run.outcome},
            )
        else:
            run.current_step = answer["next_step"]
        run.save()
    return run


# --- appointments ----------------------------------------------------------------------------


def book_appointment(data, source, staff=None, citizen=None, case=None):
    """Save a booking validated by a BookingForm (public or staff)."""
    with transaction.atomic():
        appointment = Appointment.objects.create(
            centre=data["centre"],
            starts_at=data["starts_at"],
            name=data["name"],
            phone=data["phone"],
            life_situation=data.get("life_situation"),
            needs_assistance=data.get("needs_assistance", False),
            comment=data.get("comment", ""),
            source=source,
            staff=staff,
            citizen=citizen,
            case=case,
        )
        log(
            appointment,
            "marshrut.appointment.change",
            user=staff,
            title=f"Запись № {appointment.pk}",
            data={"source": source},
        )
    return appointment


APPOINTMENT_STATUSES = {
    Appointment.ATTENDED,
    Appointment.NO_SHOW,
    Appointment.CANCELLED,
    Appointment.BOOKED,
}


def set_appointment_status(user, appointment, status):
    if status not in APPOINTMENT_STATUSES:
        raise ValidationError({"status": _("Неизвестный статус записи.")})
    with transaction.atomic():
        appointment.status = status
        appointment.save(update_fields=["status"])
        log(
            appointment,
            "marshrut.appointment.change",
            user=user,
            title=f"Запись № {appointment.pk}",
            data={"status": status},
        )
    return appointment


# --- surveys in the case ------------------------------------------------------------------------


class AlreadyAnswered(Exception):
    """The invitation has been used: one set of answers per invitation."""


def surveys_for(case):
    """Live surveys a specialist may take by phone on this case."""
    if not case.is_open and case.state not in (r.CLOSED, r.CLOSED_UNEMPLOYED):
        return []
    return list(
        SurveyPage.objects.live()
        .filter(phone_enabled=True, locale__language_code="ru")
        .filter(Q(life_situation__isnull=True) | Q(life_situation=case.life_situation_id))
        .order_by("title")
    )


def invitation_url(invitation):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("survey-invitation", args=[invitation.token])


def invite_to_survey(case, survey, user, transition=""):
    """Invite the case's citizen to a survey: by e-mail when they left one and consented to
    processing, otherwise the invitation waits on the case page for the specialist."""
    citizen = case.citizen
    by_email = bool(citizen.email and citizen.consent_given)
    invitation = SurveyInvitation.objects.create(
        case=case,
        survey=survey,
        transition=transition,
        delivery=SurveyInvitation.EMAIL if by_email else SurveyInvitation.STAFF,
        created_by=user,
    )
    _log_case(case, "marshrut.case.survey_invite", user, {"survey": survey.pk})
    if by_email:
        transaction.on_commit(lambda: send_invitation(invitation.pk))
    return invitation


def send_invitation(invitation_pk):
    """Send the invitation letter; a failure is recorded (and logged without any address)."""
    invitation = SurveyInvitation.objects.select_related("case__citizen", "case__centre").get(
        pk=invitation_pk
    )
    citizen = invitation.case.citizen
    body = _(
        "Здравствуйте, %(name)s!\n\n"
        "Спасибо, что обратились в %(centre)s. Оцените, пожалуйста, нашу работу — опрос "
        "анонимный и займёт несколько минут:\n%(url)s\n\n"
        "Ссылка действует для одного ответа."
    ) % {
        "name": " ".join(p for p in (citizen.first_name, citizen.patronymic) if p),
        "centre": invitation.case.centre.short_name,
        "url": invitation_url(invitation),
    }
    try:
        send_mail(
            _("Оцените работу центра занятости"),
            body,
            settings.DEFAULT_FROM_EMAIL,
            [citizen.email],
        )
    except Exception as exc:  # noqa: BLE001 — any mail failure leaves the invitation to staff
        logger.warning("survey invitation %s not delivered: %s", invitation.pk, type(exc).__name__)
        SurveyInvitation.objects.filter(pk=invitation.pk).update(delivery_failed=True)
        return False
    SurveyInvitation.objects.filter(pk=invitation.pk).update(delivered_at=timezone.now())
    return True


def answer_invitation(invitation, form):
    """The citizen's answers from an invitation link: saved once, anonymously."""
    with transaction.atomic():
        fresh = SurveyInvitation.objects.select_for_update().get(pk=invitation.pk)
        if fresh.answered:
            raise AlreadyAnswered
        content_services.submit_survey(
            fresh.survey.specific, form, "invitation", invitation.case.centre
        )
        fresh.answered_at = timezone.now()
        fresh.save(update_fields=["answered_at"])
    return fresh


def record_phone_survey(user, case, survey, form):
    """A specialist's phone survey of the case's citizen. A waiting invitation to the same
    survey is answered by it; otherwise a record of the call is made."""
    if not survey.phone_enabled:
        raise PermissionDenied(_("Этот опрос не проводится по телефону."))
    with transaction.atomic():
        invitation = (
            SurveyInvitation.objects.select_for_update()
            .filter(case=case, survey=survey, answered_at__isnull=True)
            .first()
        )
        if invitation is None:
            invitation = SurveyInvitation(
                case=case, survey=survey, delivery=SurveyInvitation.PHONE, created_by=user
            )
        content_services.submit_survey(survey, form, "phone", case.centre)
        invitation.answered_at = timezone.now()
        invitation.answered_by_phone = user
        invitation.save()
        _log_case(case, "marshrut.case.survey_phone", user, {"survey": survey.pk})
    return invitation
