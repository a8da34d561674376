"""Test settings: the project's settings in the "test" environment (see portal/settings.py)."""

import os
import tempfile

os.environ.setdefault("MARSHRUT_ENV", "test")

from portal.settings import *  # noqa: E402,F403

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not an in-memory database: the browser tests' live server then runs with its
    # own connection and sees exactly what the tests committed.
    # MARSHRUT_TEST_SQLITE names a fixed file instead, for runs with --reuse-db (`make mutation`
    # starts hundreds of short test sessions and must not migrate for each of them).
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.environ.get("MARSHRUT_TEST_SQLITE")
        or os.path.join(tempfile.gettempdir(), f"marshrut-test-{os.getpid()}.sqlite3")
    }

# Uploaded IPRA files wait for the worker in a directory of the test run's own.
IPRA_UPLOAD_DIR = os.path.join(tempfile.gettempdir(), f"marshrut-test-uploads-{os.getpid()}")

# SMS stay in memory (portal.sms.outbox); a test that wants files sets SMS_BACKEND itself.
SMS_BACKEND = "portal.sms.backends.locmem.SmsBackend"
