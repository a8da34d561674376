"""The superset route graph in code, as one table. Editors choose per life situation which of
these transitions a route uses (content.Route); the invariants and side effects live in the
@transition methods of cases.models.Case.

The decorators are the single source: every transition's sources, target, label and whether it
needs a reason (`custom=`) are read back from django-fsm, never written a second time here.
The stage names are re-exported from cases.states, so `from cases import route_graph as r`
gives both.
"""

from django_fsm import State

from cases.models import Case
from cases.states import (
    ACTIVE,
    CLOSED,
    CLOSED_UNEMPLOYED,
    CURATOR_ASSIGNED,
    EMPLOYED,
    IN_SERVICE,
    OPEN_STATES,
    PLAN_AGREED,
    PREVIOUS,
    PROFILING,
    RECEPTION,
    REGISTERED,
    RETENTION_CHECK,
    STATE_LABELS,
    STATES,
    SUSPENDED,
    TERMINAL,
    WITHDRAWN,
)
from content.route_graph import TransitionSpec

__all__ = [
    "ACTIVE",
    "CLOSED",
    "CLOSED_UNEMPLOYED",
    "CURATOR_ASSIGNED",
    "EMPLOYED",
    "IN_SERVICE",
    "OPEN_STATES",
    "PLAN_AGREED",
    "PREVIOUS",
    "PROFILING",
    "RECEPTION",
    "REGISTERED",
    "RETENTION_CHECK",
    "STATE_LABELS",
    "STATES",
    "SUSPENDED",
    "TERMINAL",
    "TRANSITIONS",
    "TRANSITION_LABELS",
    "TRANSITION_SPECS",
    "WITHDRAWN",
    "transitions_of",
]


def _target(transition):
    """A computed target (GET_STATE / RETURN_VALUE: back where the case came from) is PREVIOUS."""
    if isinstance(transition.target, State):
        return PREVIOUS
    return transition.target


def transitions_of(model, field_name="state"):
    """TransitionSpecs of a model's FSM field, in the order the methods are declared."""
    by_name = {}
    for transition in model._meta.get_field(field_name).get_all_transitions(model):
        by_name.setdefault(transition.name, []).append(transition)
    specs = []
    for name, group in by_name.items():
        first = group[0]
        specs.append(
            TransitionSpec(
                name=name,
                label=first.custom["label"],
                sources=tuple(t.source for t in group),
                target=_target(first),
                needs_reason=first.custom.get("needs_reason", False),
            )
        )
    order = {name: group[0].method.__code__.co_firstlineno for name, group in by_name.items()}
    return sorted(specs, key=lambda spec: order[spec.name])


TRANSITIONS = transitions_of(Case)
TRANSITION_SPECS = {spec.name: spec for spec in TRANSITIONS}
TRANSITION_LABELS = {spec.name: spec.label for spec in TRANSITIONS}
