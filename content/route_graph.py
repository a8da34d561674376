"""The bridge between editor-configured routes (content) and the route graph in code (cases).

`content` never imports `cases`: the case module registers its state graph here when the app
is ready, and the route snippets validate themselves against whatever graph is registered.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TransitionSpec:
    name: str
    label: str
    sources: tuple
    target: str
    needs_reason: bool = False


@dataclass
class RouteGraph:
    initial: str = ""
    states: dict = field(default_factory=dict)  # code -> label
    terminal: frozenset = frozenset()
    transitions: dict = field(default_factory=dict)  # name -> TransitionSpec


_graph = RouteGraph()


def register_graph(*, initial, states, terminal, transitions):
    """Called by the case module in its AppConfig.ready()."""
    _graph.initial = initial
    _graph.states = dict(states)
    _graph.terminal = frozenset(terminal)
    _graph.transitions = {spec.name: spec for spec in transitions}


def graph():
    return _graph


def transition_choices():
    return [(spec.name, spec.label) for spec in _graph.transitions.values()]


def state_choices():
    return list(_graph.states.items())


def unreachable_terminal(enabled_names):
    """True when no terminal state can be reached from the initial one with these transitions."""
    enabled = [_graph.transitions[n] for n in enabled_names if n in _graph.transitions]
    seen, frontier = {_graph.initial}, [_graph.initial]
    while frontier:
        state = frontier.pop()
        for spec in enabled:
            if state in spec.sources and spec.target not in seen:
                seen.add(spec.target)
                frontier.append(spec.target)
    return not (seen & _graph.terminal)
