"""Every dependency is pinned and locked, and the environment holds exactly the locked set."""

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def locked(path):
    pins = {}
    for line in (ROOT / path).read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)", line)
        if match:
            pins[canonicalize_name(match.group(1))] = match.group(2)
    return pins


def test_direct_dependencies_are_pinned_exactly():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = project["dependencies"] + project["optional-dependencies"]["dev"]
    for spec in specs:
        assert re.match(r"^[A-Za-z0-9_.\-\[\]]+==[0-9][^,;]*$", spec), spec


def test_lock_files_have_hashes_and_agree():
    base, dev = locked("requirements/base.lock"), locked("requirements/dev.lock")
    assert base and dev
    for name, version in base.items():
        assert dev[name] == version, name
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
