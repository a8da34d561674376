"""The shape of the code a newcomer reads: no oversized module, no import cycle.

Every project module is parsed with `ast` (imports inside functions included, so a cycle cannot
hide behind a late import), its project-internal imports become edges of a module graph, and
the graph must have no cycle. `content` never imports `cases`: the dependency points one way.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("portal", "content", "cases", "themes", "fixtures")
MAX_LINES = 400


def project_modules(root=ROOT):
    """{dotted module name: path} for every non-migration Python module of the project."""
    modules = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            if "migrations" in parts:
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join(parts)] = path
    return modules


def _resolve(name, modules):
    """The longest prefix of a dotted name that is a project module (None when external)."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return None


def imports_of(module, path, modules):
    """Project modules imported anywhere in the module (top level and inside functions)."""
    is_package = path.name == "__init__.py"
    package = module if is_package else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                prefix = ".".join([*base, node.module] if node.module else base)
            else:
                prefix = node.module
            # `from pkg import name`: name is a submodule or an attribute of pkg.
            names = [f"{prefix}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            target = _resolve(name, modules)
            if target is not None and target != module:
                found.add(target)
    return found


def import_graph(root=ROOT):
    modules = project_modules(root)
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def find_cycles(graph):
    """Each strongly connected component of more than one module (Tarjan), as a sorted list."""
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for succ in sorted(graph.get(node, ())):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def describe(cycle, graph):
    members = set(cycle)
    edges = [f"  {a} -> {b}" for a in cycle for b in sorted(graph[a]) if b in members]
    return "import cycle among " + ", ".join(cycle) + ":\n" + "\n".join(edges)


def test_no_module_over_the_limit():
    too_long = {
        str(path.relative_to(ROOT)): n
        for path in project_modules().values()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not too_long, f"modules over {MAX_LINES} lines (split them by subject): {too_long}"


def test_no_import_cycle():
    graph = import_graph()
    cycles = find_cycles(graph)
    assert not cycles, "\n".join(describe(c, graph) for c in cycles)


def test_content_never_imports_cases():
    graph = import_graph()
    offenders = sorted(
        f"{module} -> {target}"
        for module, targets in graph.items()
        if module.split(".")[0] == "content"
        for target in targets
        if target.split(".")[0] == "cases"
    )
    assert not offenders, "content must not import cases: " + ", ".join(offenders)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("from . import b", {"pkg.b"}),
        ("from .b import thing", {"pkg.b"}),
        ("import pkg.b as b", {"pkg.b"}),
        ("def f():\n    from pkg import b", {"pkg.b"}),
        ("from pkg import thing", {"pkg"}),
        ("import os", set()),
    ],
)
def test_the_checker_sees_every_kind_of_import(tmp_path, code, expected):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "b.py").write_text("")
    (tmp_path / "pkg" / "a.py").write_text(code)
    modules = {"pkg": tmp_path / "pkg" / "__init__.py", "pkg.b": tmp_path / "pkg" / "b.py"}
    assert imports_of("pkg.a", tmp_path / "pkg" / "a.py", modules) == expected


def test_the_checker_finds_a_cycle_through_a_late_import():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycles(graph) == [["a", "b", "c"]]


def test_templates_compare_against_choices_not_literals():
    """A choice field is compared through the model (item.is_pending, case.is_suspended) or
    the choices class, never against a string literal copied into a template."""
    pattern = re.compile(
        r"""\.(status|state|delivery|source|channel|result_type|field_type|type)\s*[!=]=\s*["']"""
    )
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "themes" / "templates").rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]
    assert not offenders, "string literals compared with choice fields: " + ", ".join(offenders)
