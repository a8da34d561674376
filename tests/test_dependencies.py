"""Every dependency is pinned and locked, and the environment holds exactly the locked set."""

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)(?:\s*;\s*([^\\]+?))?\s*\\?$")


def pins(path):
    """(name, version, marker) for every pin of a universal lock file; marker is None or text."""
    for line in (ROOT / path).read_text().splitlines():
        match = PIN.match(line)
        if match:
            yield canonicalize_name(match.group(1)), match.group(2), match.group(3)


def locked(path):
    """The pins that apply to the running interpreter (markers evaluated here)."""
    return {
        name: version
        for name, version, marker in pins(path)
        if marker is None or Marker(marker).evaluate()
    }


def test_direct_dependencies_are_pinned_exactly():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = project["dependencies"] + project["optional-dependencies"]["dev"]
    for spec in specs:
        assert re.match(r"^[A-Za-z0-9_.\-\[\]]+==[0-9][^,;]*$", spec), spec


def test_lock_files_have_hashes_and_agree():
    base, dev = set(pins("requirements/base.lock")), set(pins("requirements/dev.lock"))
    assert base and dev
    assert base <= dev, sorted(base - dev)
    for path in ("requirements/base.lock", "requirements/dev.lock"):
        text = (ROOT / path).read_text()
        blocks = re.split(r"\n(?=[A-Za-z0-9_.\-]+==)", text)
        for block in blocks:
            if "==" in block.splitlines()[0]:
                assert "--hash=sha256:" in block, block.splitlines()[0]


def test_the_stack_is_the_chosen_one():
    base = locked("requirements/base.lock")
    assert base["django"].startswith("5.2.")
    assert base["wagtail"].startswith("7.4.")
    for name in ("django-fsm-2", "django-tables2", "django-filter", "django-htmx"):
        assert name in base
    assert "pytest-django" in locked("requirements/dev.lock")


def test_installed_environment_is_exactly_the_locked_set():
    dev = locked("requirements/dev.lock")
    installed = {
        canonicalize_name(dist.metadata["Name"]): dist.version for dist in metadata.distributions()
    }
    tooling = {"pip", "setuptools", "wheel"}
    for name, version in dev.items():
        assert installed.get(name) == version, (
            f"{name}: locked {version}, installed {installed.get(name)}"
        )
    extra = set(installed) - set(dev) - tooling
    assert not extra, f"installed but not locked: {sorted(extra)}"


def test_one_universal_lock_serves_every_supported_python():
    """requires-python, the Makefile's list and the lock's markers name the same versions."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["requires-python"] == ">=3.11,<3.14"
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^SUPPORTED := 3\.13 3\.12 3\.11$", makefile, re.M)
    assert "--universal" in makefile
    for version in ("3.11.0", "3.12.0", "3.13.0"):
        env = {"python_version": version[:4], "python_full_version": version}
        chosen = {}
        for name, pinned, marker in pins("requirements/dev.lock"):
            if marker is None or Marker(marker).evaluate(env):
                assert name not in chosen, f"{name} pinned twice for Python {version}"
                chosen[name] = pinned
        assert {"django", "wagtail", "psycopg-binary", "pytest"} <= set(chosen), version
