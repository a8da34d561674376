"""Rate limits and lockouts hold across app processes (issue 10, point 8): what one process
counted, another one refuses. Each "process" is a real Python process with the project's
settings, on the test database (and, for the Redis test, on Redis)."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import redis
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("MARSHRUT_TEST_REDIS_URL") or "redis://127.0.0.1:6379/1"


def database_url():
    """The test database, as DATABASE_URL for another process."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def run(*args, **env):
    """One worker process; its answers (a JSON list)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "MARSHRUT_"))}
    clean.pop("REDIS_URL", None)
    clean.update(MARSHRUT_ENV="test", DATABASE_URL=database_url(), **env)
    result = subprocess.run(
        [sys.executable, "-m", "tests.portal.shared_limits_worker", *map(str, args)],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_second_process_refuses_once_the_first_used_up_the_rate_limit():
    scope = f"booking-{uuid.uuid4().hex[:8]}"
    assert run("hits", scope, 3, 3, "198.51.100.30") == [False, False, False]
    assert run("hits", scope, 3, 2, "198.51.100.30") == [True, True]
    assert run("hits", scope, 3, 1, "198.51.100.31") == [False]  # another address


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_second_process_refuses_the_right_password_after_the_first_locked_the_account():
    assert run("signin", "curator", "wrong", 5, "198.51.100.40") == [200, 200, 200, 200, 429]
    assert run("signin", "curator", "marshrut-demo", 1, "192.0.2.41") == [429]


@pytest.fixture
def redis_url():
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        if os.environ.get("MARSHRUT_TEST_REDIS_URL"):
            pytest.fail(f"MARSHRUT_TEST_REDIS_URL={REDIS_URL} is set but unreachable: {error}")
        pytest.skip(f"no Redis at {REDIS_URL} (set MARSHRUT_TEST_REDIS_URL to require it)")
    return REDIS_URL


def test_on_redis_the_rate_limit_is_shared_too(redis_url):
    scope = f"booking-{uuid.uuid4().hex[:8]}"
    try:
        assert run("hits", scope, 2, 2, "198.51.100.50", REDIS_URL=redis_url) == [False, False]
        assert run("hits", scope, 2, 1, "198.51.100.50", REDIS_URL=redis_url) == [True]
    finally:
        client = redis.Redis.from_url(redis_url)
        for key in client.scan_iter(f"*rate:{scope}:*"):
            client.delete(key)
