"""Settings come from the environment, in one place, with safe defaults."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


SETUP = (
    "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'portal.settings'; "
    "import django; django.setup()"
)


def clean_env(**env):
    """This process's environment without any project setting, plus the given ones."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "MARSHRUT_"))}
    base.pop("DATABASE_URL", None)
    base.pop("REDIS_URL", None)
    base.update(env)
    return base


def run_python(code, **env):
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean_env(**env), capture_output=True, text=True
    )


def settings_value(expr, **env):
    code = (
        "import os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'portal.settings');"
        "from django.conf import settings; print(" + expr + ")"
    )
    result = run_python(code, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def production_env(tmp_path):
    return {
        "MARSHRUT_ENV": "production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "marshrut.example.org",
        "MARSHRUT_VAR_DIR": str(tmp_path),
    }


def test_check_deploy_prints_no_warnings_with_production_environment(tmp_path):
    env = production_env(tmp_path)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=clean_env(**env),
        capture_output=True,
        text=True,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output.upper()
    assert "System check identified no issues" in output


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = production_env(tmp_path)
    del env["DJANGO_SECRET_KEY"]
    result = run_python(
        SETUP,
        **env,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set in production" in result.stderr


def test_production_requires_allowed_hosts(tmp_path):
    env = production_env(tmp_path)
    del env["DJANGO_ALLOWED_HOSTS"]
    result = run_python(
        SETUP,
        **env,
    )
    assert "DJANGO_ALLOWED_HOSTS must be set in production" in result.stderr


def test_debug_is_off_unless_asked(tmp_path):
    env = production_env(tmp_path)
    assert settings_value("settings.DEBUG", **env) == "False"
    assert (
        settings_value("settings.DEBUG", MARSHRUT_ENV="demo", MARSHRUT_VAR_DIR=str(tmp_path))
        == "False"
    )
    assert settings_value("settings.DEBUG", **env, DJANGO_DEBUG="1") == "True"


def test_sqlite_file_by_default_and_database_url_switches_to_postgresql(tmp_path):
    env = production_env(tmp_path)
    engine = "settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME']"
    assert settings_value(engine, **env) == (
        f"django.db.backends.sqlite3 {tmp_path / 'marshrut.sqlite3'}"
    )
    pg = settings_value(
        engine, **env, DATABASE_URL="postgres://marshrut:secret@db.internal:5432/marshrut"
    )
    assert pg == "django.db.backends.postgresql marshrut"


def test_demo_generates_and_keeps_its_own_secret_key(tmp_path):
    env = {"MARSHRUT_ENV": "demo", "MARSHRUT_VAR_DIR": str(tmp_path)}
    first = settings_value("settings.SECRET_KEY", **env)
    second = settings_value("settings.SECRET_KEY", **env)
    assert first == second
    assert len(first) >= 50
    assert (tmp_path / "secret_key").read_text().strip() == first
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"


def test_redis_url_switches_the_cache(tmp_path):
    env = production_env(tmp_path)
    backend = "settings.CACHES['default']['BACKEND']"
    assert settings_value(backend, **env).endswith("LocMemCache")
    assert settings_value(backend, **env, REDIS_URL="redis://127.0.0.1:6379/0").endswith(
        "RedisCache"
    )


def test_unknown_environment_name_is_refused():
    result = run_python(
        SETUP,
        MARSHRUT_ENV="staging",
    )
    assert "MARSHRUT_ENV must be one of" in result.stderr


@pytest.mark.parametrize(
    "setting", ["SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_SSL_REDIRECT"]
)
def test_production_cookies_and_redirects_are_secure(tmp_path, setting):
    assert settings_value(f"settings.{setting}", **production_env(tmp_path)) == "True"


def test_manage_py_runs_in_development_without_any_setting(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=clean_env(MARSHRUT_VAR_DIR=str(tmp_path)),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "secret_key").exists()


def test_the_wsgi_entry_point_defaults_to_production(tmp_path):
    result = run_python(
        "import portal.wsgi", MARSHRUT_VAR_DIR=str(tmp_path), DJANGO_ALLOWED_HOSTS="x.example"
    )
    assert "DJANGO_SECRET_KEY must be set in production" in result.stderr
