"""Two specialists calling «Вызвать следующего» at once never get the same ticket.

Each thread has its own database connection; a barrier releases them together. Only PostgreSQL
truly runs the claims side by side (SQLite serialises every write), so the test runs there
(CI's PostgreSQL lane).
"""

import pytest
from django.db import connection

from cases.choices import QueuePurpose, TicketState
from cases.models import QueueTicket
from cases.services import queue as q
from tests.cases.test_races import race

CALLERS = 8
TICKETS = 5

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite serialises writes, so the claims never interleave",
)


def call_at_once(callers):
    """Every caller presses «Вызвать следующего» at the same moment; the tickets or errors."""
    return race(lambda i, _: q.call_next(callers[i % len(callers)], str(i)), attempts=CALLERS)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_callers_at_once_never_get_the_same_ticket(users):
    callers = [users[name] for name in ("reception", "curator")]
    for _ in range(TICKETS):
        q.issue_ticket(users["hall"], QueueTicket(purpose=QueuePurpose.CONSULTATION))
    for _round in range(3):
        QueueTicket.objects.update(state=TicketState.WAITING, called_by=None, called_at=None)
        results = call_at_once(callers)
        got = [r for r in results if isinstance(r, QueueTicket)]
        assert not [r for r in results if isinstance(r, Exception)], results
        assert len({t.pk for t in got}) == len(got) == TICKETS, results
        assert results.count(None) == CALLERS - TICKETS
        # Each ticket names the one window that called it.
        windows = dict(QueueTicket.objects.values_list("pk", "window"))
        assert sorted(windows[t.pk] for t in got) == sorted(t.window for t in got)
