"""The route as configured by editors: the steps a case's pinned route version enables,
who may take them, the stage deadline and the documents asked for."""

import functools
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from wagtail.models import Revision

from cases import route_graph as r
from cases.models import Case
from cases.services.base import log_case
from content.choices import DeadlineUnit
from content.models import Role, Route
from portal.calendar import calendar_for


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
    deadline_unit: str = DeadlineUnit.CALENDAR


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
            deadline_unit=step.deadline_unit,
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


def stage_deadline(case, calendar=None):
    """The date by which the current stage should end, from the step that led into it: so many
    calendar days after the stage began, or business days of the centre's production calendar
    (portal/calendar.py) when the route counts that step in business days."""
    for step in route_steps(case).values():
        if step.target == case.state and step.deadline_days:
            began = timezone.localdate(case.state_changed_at)
            if step.deadline_unit == DeadlineUnit.BUSINESS:
                calendar = calendar or calendar_for(case.centre)
                return calendar.add_business_days(began, step.deadline_days)
            return began + timezone.timedelta(days=step.deadline_days)
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
        log_case(case, "marshrut.case.documents", user, {"received": len(ticked)})
    return case
