"""Two members of staff sending the same transition at the same moment, for real.

Two threads, each with its own database connection and transaction, read the case and wait
at a barrier, so both have seen the same state before either writes; then both run the
transition. Exactly one succeeds; the other gets the conflict (not a refusal, not a second
success) and the log has one entry.

Only PostgreSQL can show this: SQLite lets one writer at a time hold the database for its
whole transaction, so two transactions never interleave and the test would prove nothing.
The last test checks the model's optimistic lock on its own, on any database.
"""

import threading

import pytest
from django.db import connection, transaction

from cases import route_graph as r
from cases import services
from cases.models import Case, TransitionLog
from tests.factories import CaseFactory


def run_both_at_once(case_pk, act):
    """Run `act(case)` in two threads, each in its own transaction, after both have read."""
    barrier = threading.Barrier(2)
    outcomes = []

    def thread():
        try:
            with transaction.atomic():
                case = Case.objects.get(pk=case_pk)  # what this member of staff saw
                barrier.wait(timeout=10)  # both have read before either writes
                act(case)
            outcomes.append(("ok", None))
        except services.Conflict as exc:
            outcomes.append(("conflict", exc.case.state))
        except Exception as exc:  # anything else is a wrong answer, kept to be reported
            outcomes.append((type(exc).__name__, str(exc)))
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=thread) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not any(t.is_alive() for t in threads), "a writer is stuck"
    return sorted(outcomes)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="not applicable on SQLite: one writer holds the whole database for its transaction, "
    "so two transactions cannot interleave; runs on PostgreSQL (DATABASE_URL=postgres://…)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_staff_sending_the_same_transition_at_once(users, situation):
    case = CaseFactory(opened_by=users["reception"], life_situation=situation)
    case = services.run_transition(case, "start_reception", users["reception"])

    def assign(seen):
        services.run_transition(
            seen,
            "assign_curator",
            users["reception"],
            curator=users["curator"],
            expected_state=seen.state,
        )

    outcomes = run_both_at_once(case.pk, assign)
    assert outcomes == [("conflict", r.CURATOR_ASSIGNED), ("ok", None)]
    assert TransitionLog.objects.filter(case_id=case.pk, transition="assign_curator").count() == 1
    assert Case.objects.get(pk=case.pk).state == r.CURATOR_ASSIGNED


def test_a_stale_copy_cannot_save_over_a_transition(users, situation):
    """The optimistic lock of the model on its own (ConcurrentTransitionMixin): a copy read
    before someone else's transition cannot save its own transition over it."""
    from django_fsm import ConcurrentTransition

    case = CaseFactory(opened_by=users["reception"], life_situation=situation)
    stale = Case.objects.get(pk=case.pk)
    services.run_transition(case, "start_reception", users["reception"])
    stale.start_reception()  # from the state it read, which is no longer there
    with pytest.raises(ConcurrentTransition), transaction.atomic():
        stale.save()
    assert Case.objects.get(pk=case.pk).state == r.RECEPTION
    assert TransitionLog.objects.filter(case_id=case.pk, transition="start_reception").count() == 1
