"""Shared test set-up: every test database starts with the reference and demo data."""

import pytest
from django.db import connections

from fixtures.cases_demo import load_demo_cases
from fixtures.employers_demo import load_demo_employers
from fixtures.ipra_demo import load_demo_ipra, load_ipra_vocabulary
from fixtures.loader import DemoLoader
from fixtures.referrals_demo import load_demo_referrals
from fixtures.scripts_demo import load_demo_scripts
from fixtures.surveys_demo import load_demo_surveys


def pytest_sessionstart(session):
    """A process may run several test sessions (mutmut does, one per mutant, with --reuse-db):
    the content types cached by the last one may be rows its tests rolled back."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        DemoLoader().run()
        load_demo_scripts()
        load_demo_surveys()
        load_ipra_vocabulary()
        load_demo_employers()
        load_demo_cases()
        load_demo_ipra()
        load_demo_referrals()
        # Transactional tests (the browser tests' live server) flush the database; with
        # serialized_rollback they get this snapshot, demo data included, back before each test.
        # Playwright's greenlets see their own connection objects, so the snapshot is put on the
        # backend class as well as on this connection.
        for alias in connections:
            connection = connections[alias]
            snapshot = connection.creation.serialize_db_to_string()
            connection._test_serialized_contents = snapshot
            type(connection)._test_serialized_contents = snapshot


@pytest.fixture(autouse=True)
def _fresh_revision_caches():
    """The transition service caches parsed route and script revisions by revision id. A
    test's revisions are rolled back and SQLite hands their ids out again, so a cache kept
    from an earlier test (or an earlier session in the same process) could answer for a
    revision it never saw."""
    from cases.services import retention_schedule, scripts, steps

    steps._steps_for_revision.cache_clear()
    retention_schedule._months_of_revision.cache_clear()
    scripts._script_version.cache_clear()
    yield


@pytest.fixture
def run_background_tasks():
    """Run every background task that is due, as the worker does (`manage.py worker --batch`):
    tests enqueue through the real database backend and then let the worker take the rows."""
    from django.core.management import call_command

    def run():
        call_command("worker", "--batch", verbosity=0)

    return run
