"""gunicorn configuration of `make demo`: the background-task worker (`manage.py worker`) and the
notices' sweep (`manage.py schedule_notices --every 300`) start with the server and stop with
it, so the demo needs one command. In production each is a process or timer of its own, run and
restarted by the service manager (docs/configuration.md, "Background tasks", "Notices and SMS")."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {"worker": ["worker"], "sweep": ["schedule_notices", "--every", "300"]}
_children = {}
_worker = None  # the worker's process (tests look at it)


def on_starting(server):
    global _worker
    for name, args in COMMANDS.items():
        child = subprocess.Popen([sys.executable, str(ROOT / "manage.py"), *args], cwd=ROOT)  # noqa: S603
        _children[name] = child
        server.log.info("Background %s started (pid %s)", name, child.pid)
    _worker = _children["worker"]


def on_exit(server):
    for child in _children.values():
        if child.poll() is None:
            child.terminate()
    for child in _children.values():
        try:
            child.wait(timeout=15)
        except subprocess.TimeoutExpired:
            child.kill()
