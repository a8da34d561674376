"""Conversation scripts followed with the citizen of a case."""

import functools

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Revision

from cases.models import ScriptRun
from cases.services.base import TransitionRefused, log_case
from cases.services.steps import user_role_ids
from content.models import Script


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
        log_case(case, "marshrut.script.start", user, {"script": script.pk, "run": run.pk})
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
            log_case(
                run.case,
                "marshrut.script.finish",
                user,
                {"script": run.script_id, "run": run.pk, "outcome": run.outcome},
            )
        else:
            run.current_step = answer["next_step"]
        run.save()
    return run
