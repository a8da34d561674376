"""gunicorn configuration of `make demo`: the background-task worker (`manage.py worker`) starts
with the server and stops with it, so the demo needs one command. In production the worker is a
process of its own, run and restarted by the service manager (docs/configuration.md,
"Background tasks")."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_worker = None


def on_starting(server):
    global _worker
    _worker = subprocess.Popen([sys.executable, str(ROOT / "manage.py"), "worker"], cwd=ROOT)  # noqa: S603
    server.log.info("Background-task worker started (pid %s)", _worker.pid)


def on_exit(server):
    if _worker is not None and _worker.poll() is None:
        _worker.terminate()
        try:
            _worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            _worker.kill()
