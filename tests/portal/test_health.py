from unittest import mock

from django.db import OperationalError
from django.urls import reverse


def test_health_answers_200_after_a_database_round_trip(client, db, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_answers_503_when_the_database_is_unreachable(client, db):
    with mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.cursor",
        side_effect=OperationalError("connection refused"),
    ):
        response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_health_answers_503_for_a_real_unreachable_database(settings, tmp_path):
    """A real connection failure, not a mock: a PostgreSQL port where nothing listens."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    code = (
        "import os, django; os.environ['DJANGO_SETTINGS_MODULE']='tests.settings';"
        "django.setup();"
        "from django.test import Client; r = Client().get('/healthz'); print(r.status_code)"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "MARSHRUT_ENV": "test",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/nowhere?connect_timeout=2",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True
    )
    assert result.stdout.strip() == "503", result.stderr
