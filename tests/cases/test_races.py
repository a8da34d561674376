"""Many staff at once: ten registrations of one SNILS, ten completions of one plan item.

Each thread has its own database connection; a barrier releases them together. On SQLite the
writes are serialised by the database, on PostgreSQL they truly interleave; on both exactly
one succeeds and the others get a clear message, never a 500 or a lost result.
"""

import datetime
import threading

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection

from cases import route_graph as r
from cases import services
from cases.choices import PlanItemStatus
from cases.models import Case, Citizen, PlanItem
from cases.models.citizens import SNILS_TAKEN

ATTEMPTS = 10


def race(work, prepare=lambda i: None, attempts=ATTEMPTS):
    """Run `work(i, prepared)` in `attempts` threads released at once, each after its own
    `prepare(i)` (what a colleague's open screen has already read); the results or exceptions.
    Shared by the other race tests (tests/cases/test_queue_races.py).
    """
    barrier = threading.Barrier(attempts)
    results = [None] * attempts

    def run(i):
        try:
            prepared = prepare(i)
            barrier.wait(timeout=30)
            results[i] = work(i, prepared)
        except Exception as exc:  # noqa: BLE001 — collected and checked below
            results[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(attempts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ten_registrations_of_one_snils_at_once_save_one_citizen(caplog):
    reception = get_user_model().objects.get(username="reception")
    snils = "11223344595"

    def register(i, _prepared):
        return services.register_citizen(
            reception,
            Citizen(
                last_name=f"Гонкин{i}",
                first_name="Пётр",
                birth_date=datetime.date(1970, 1, 1),
                snils=snils,
                consent_given=True,
            ),
        )

    results = race(register)
    saved = [r for r in results if isinstance(r, Citizen)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(saved) == 1, results
    assert len(refused) == ATTEMPTS - 1, results
    for exc in refused:
        assert exc.message_dict == {"snils": [str(SNILS_TAKEN)]}
        # Refused by the unique check, or by the database after it: then the IntegrityError
        # (whose text names the SNILS) is not chained into what may be logged.
        assert exc.__cause__ is None and (exc.__context__ is None or exc.__suppress_context__)
    assert Citizen.objects.filter(snils=snils).count() == 1
    assert "112-233-445 95" not in caplog.text and snils not in caplog.text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ten_staff_completing_one_plan_item_at_once_one_wins():
    curator = get_user_model().objects.get(username="curator")
    case = Case.objects.filter(
        centre=curator.centre, state__in=r.OPEN_STATES, plan_items__isnull=False
    ).first()
    item = case.plan_items.first()
    PlanItem.objects.filter(pk=item.pk).update(status=PlanItemStatus.IN_PROGRESS, result="")
    logged_before = case.transitions.count()
    from wagtail.models import ModelLogEntry

    entries_before = ModelLogEntry.objects.filter(action="marshrut.plan.status").count()

    def read(i):  # each colleague has the plan open: the item read before anyone acts
        return PlanItem.objects.select_related("case").get(pk=item.pk)

    def complete(i, mine):
        return services.change_plan_item_status(curator, mine, "complete", f"Результат {i}")

    results = race(complete, prepare=read)
    done = [r for r in results if isinstance(r, PlanItem)]
    refused = [r for r in results if isinstance(r, services.TransitionRefused)]
    assert len(done) == 1 and len(refused) == ATTEMPTS - 1, results
    item.refresh_from_db()
    assert item.status == PlanItemStatus.DONE
    assert item.result == done[0].result  # the winner's result, not overwritten by another
    assert ModelLogEntry.objects.filter(action="marshrut.plan.status").count() == entries_before + 1
    assert case.transitions.count() == logged_before
    assert all("только что изменил другой сотрудник" in str(r) for r in refused)
