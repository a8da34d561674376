"""The stages (states) of a case. A leaf module: the Case model and its transitions use these
names; the transitions themselves and the graph table are in cases.models.case and
cases.route_graph."""

from django.utils.translation import gettext_lazy as _

REGISTERED = "registered"
RECEPTION = "reception"
CURATOR_ASSIGNED = "curator_assigned"
PROFILING = "profiling"
PLAN_AGREED = "plan_agreed"
IN_SERVICE = "in_service"
EMPLOYED = "employed"
RETENTION_CHECK = "retention_check"
CLOSED = "closed"
SUSPENDED = "suspended"
WITHDRAWN = "withdrawn"
CLOSED_UNEMPLOYED = "closed_unemployed"

STATES = [
    (REGISTERED, _("Зарегистрирован")),
    (RECEPTION, _("Первичный приём")),
    (CURATOR_ASSIGNED, _("Назначен куратор")),
    (PROFILING, _("Профилирование")),
    (PLAN_AGREED, _("План согласован")),
    (IN_SERVICE, _("Оказание услуг")),
    (EMPLOYED, _("Трудоустроен")),
    (RETENTION_CHECK, _("Контроль закрепляемости")),
    (CLOSED, _("Закрыт")),
    (SUSPENDED, _("Приостановлен")),
    (WITHDRAWN, _("Отказ гражданина")),
    (CLOSED_UNEMPLOYED, _("Закрыт без трудоустройства")),
]
STATE_LABELS = dict(STATES)
TERMINAL = (CLOSED, WITHDRAWN, CLOSED_UNEMPLOYED)
OPEN_STATES = tuple(code for code, _label in STATES if code not in TERMINAL)
ACTIVE = (RECEPTION, CURATOR_ASSIGNED, PROFILING, PLAN_AGREED, IN_SERVICE)
# The target of a transition back to the stage the case came from (resume after suspension).
PREVIOUS = "previous"
