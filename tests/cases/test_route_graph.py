"""The route graph has one source: the @transition decorators of Case. The table the services,
the views and the editors' route snippets use is read back from django-fsm."""

import inspect

from django.db import models
from django.test.utils import isolate_apps
from django_fsm import FSMField, transition

from cases import route_graph as r
from cases.models import Case
from content import route_graph as registry


def fsm_transitions(model=Case):
    return list(model._meta.get_field("state").get_all_transitions(model))


def test_every_edge_of_the_decorators_is_in_the_table_and_nothing_else():
    edges = {(t.name, t.source) for t in fsm_transitions()}
    table = {(spec.name, source) for spec in r.TRANSITIONS for source in spec.sources}
    assert table == edges
    for t in fsm_transitions():
        spec = r.TRANSITION_SPECS[t.name]
        assert spec.target == (t.target if isinstance(t.target, str) else r.PREVIOUS)
        assert spec.label == t.custom["label"]


def test_labels_and_reasons_live_in_the_decorators():
    for t in fsm_transitions():
        assert str(t.custom["label"]), t.name
        # run_transition passes the comment as the reason exactly when needs_reason is set
        takes_reason = "reason" in inspect.signature(t.method).parameters
        assert t.custom["needs_reason"] is takes_reason, t.name


def test_the_table_keeps_the_order_the_transitions_are_declared_in():
    names = [spec.name for spec in r.TRANSITIONS]
    assert names[:2] == ["start_reception", "assign_curator"]
    assert names[-1] == "close_without_employment"
    assert r.TRANSITION_SPECS["resume"].target == r.PREVIOUS
    assert r.TRANSITION_SPECS["suspend"].sources == r.ACTIVE


def test_the_content_registry_holds_the_same_graph():
    graph = registry.graph()
    assert graph.transitions == r.TRANSITION_SPECS
    assert graph.initial == r.REGISTERED
    assert graph.terminal == frozenset(r.TERMINAL)
    assert registry.transition_choices() == [(s.name, s.label) for s in r.TRANSITIONS]


@isolate_apps("cases")
def test_a_transition_declared_only_in_a_decorator_reaches_the_table():
    class Machine(models.Model):
        state = FSMField(default="a")

        class Meta:
            app_label = "cases"

        def __str__(self):
            return self.state

        @transition(state, source="a", target="b", custom={"label": "Дальше"})
        def forward(self):
            pass

        @transition(
            state, source=["a", "b"], target="c", custom={"label": "Стоп", "needs_reason": True}
        )
        def stop(self, reason):
            pass

    specs = r.transitions_of(Machine)
    assert [(s.name, s.sources, s.target, s.needs_reason) for s in specs] == [
        ("forward", ("a",), "b", False),
        ("stop", ("a", "b"), "c", True),
    ]
