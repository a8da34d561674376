"""The superset route graph in code. Editors choose per life situation which of these
transitions a route uses (content.Route); the invariants and side effects live here."""

from django.utils.translation import gettext_lazy as _

from content.routes import TransitionSpec

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

TRANSITIONS = [
    TransitionSpec("start_reception", _("Начать первичный приём"), (REGISTERED,), RECEPTION),
    TransitionSpec("assign_curator", _("Передать куратору"), (RECEPTION,), CURATOR_ASSIGNED),
    TransitionSpec("start_profiling", _("Начать профилирование"), (CURATOR_ASSIGNED,), PROFILING),
    TransitionSpec("agree_plan", _("Согласовать план"), (CURATOR_ASSIGNED, PROFILING), PLAN_AGREED),
    TransitionSpec("start_services", _("Начать оказание услуг"), (PLAN_AGREED,), IN_SERVICE),
    TransitionSpec(
        "record_employment", _("Зафиксировать трудоустройство"), (PLAN_AGREED, IN_SERVICE), EMPLOYED
    ),
    TransitionSpec(
        "start_retention_check", _("Начать контроль закрепляемости"), (EMPLOYED,), RETENTION_CHECK
    ),
    TransitionSpec("close", _("Закрыть случай"), (EMPLOYED, RETENTION_CHECK), CLOSED),
    TransitionSpec("suspend", _("Приостановить"), ACTIVE, SUSPENDED, needs_reason=True),
    TransitionSpec("resume", _("Возобновить"), (SUSPENDED,), "previous"),
    TransitionSpec(
        "withdraw",
        _("Отказ гражданина"),
        (*ACTIVE, REGISTERED, SUSPENDED),
        WITHDRAWN,
        needs_reason=True,
    ),
    TransitionSpec(
        "close_without_employment",
        _("Закрыть без трудоустройства"),
        (*ACTIVE, SUSPENDED),
        CLOSED_UNEMPLOYED,
        needs_reason=True,
    ),
]
TRANSITION_SPECS = {spec.name: spec for spec in TRANSITIONS}
TRANSITION_LABELS = {spec.name: spec.label for spec in TRANSITIONS}
