"""What every domain operation of the case module shares: its errors and the audit log."""

from django.utils.translation import gettext as _
from wagtail.log_actions import log

from cases import route_graph as r


class Conflict(Exception):
    """Someone else changed the case first; carries the fresh case."""

    def __init__(self, case, message=None):
        self.case = case
        self.message = message or _(
            "Случай уже изменил другой сотрудник: сейчас он на этапе «%(state)s». "
            "Страница обновлена — проверьте и повторите действие, если оно ещё нужно."
        ) % {"state": r.STATE_LABELS[case.state]}
        super().__init__(self.message)


class TransitionRefused(Exception):
    """The transition is not possible for this case now (not in its route or not from here)."""


def log_case(case, action, user, data=None):
    """Wagtail's audit log, titled by the case number only: no personal data in the log."""
    log(case, action, user=user, title=f"Случай № {case.number}", data=data or {})
