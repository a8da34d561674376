"""Background tasks: enqueued work waits in the database until the worker takes it; Wagtail's own
tasks still run at once; `make demo`'s server starts and stops the worker."""

import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django_tasks import TaskResultStatus, task, task_backends

from portal.process_settings import BACKGROUND

ROOT = Path(__file__).resolve().parents[2]
DONE = []


@task(backend=BACKGROUND, queue_name="default")
def remember(value):
    DONE.append(value)
    return value * 2


@pytest.mark.django_db(transaction=True)
def test_a_background_task_waits_for_the_worker(run_background_tasks):
    DONE.clear()
    result = remember.enqueue(21)
    assert DONE == []
    assert task_backends[BACKGROUND].get_result(result.id).status == TaskResultStatus.READY
    run_background_tasks()
    assert DONE == [21]
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL and result.return_value == 42


def test_wagtails_own_tasks_still_run_at_once():
    assert type(task_backends["default"]).__name__ == "ImmediateBackend"
    assert settings.TASKS[BACKGROUND]["BACKEND"] == "django_tasks_db.DatabaseBackend"


def test_the_demo_server_starts_and_stops_the_worker(tmp_path):
    """gunicorn's hooks in portal/gunicorn_demo.py: the worker is a child of the server and
    is gone when the server stops. The worker gets a database of its own (a fresh clone has no
    var/ and the PostgreSQL lane's test database is not the worker's)."""
    env = {
        "MARSHRUT_ENV": "test",
        "PATH": "/usr/bin:/bin",
        "MARSHRUT_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'worker.sqlite3'}",
    }
    migrate = subprocess.run(
        [sys.executable, "manage.py", "migrate", "django_tasks_database", "--noinput"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert migrate.returncode == 0, migrate.stdout + migrate.stderr
    code = (
        f"import sys, time, types; sys.path.insert(0, {str(ROOT)!r});"
        "from portal import gunicorn_demo as g;"
        "log = types.SimpleNamespace(info=lambda *a: None);"
        "server = types.SimpleNamespace(log=log);"
        "g.on_starting(server); print(g._worker.pid, flush=True); time.sleep(2);"
        "alive = g._worker.poll() is None; g.on_exit(server);"
        "print(alive, g._worker.poll() is not None, flush=True)"
    )
    started = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    lines = out.stdout.split()
    assert lines[1:] == ["True", "True"], out.stdout + out.stderr
    assert time.monotonic() - started < 30
