"""The individual employment plan: adding, changing and closing its items."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_fsm import ConcurrentTransition, can_proceed

from cases.services.base import TransitionRefused, log_case
from cases.services.versions import StaleEdit, claim_version


def _editable(case):
    if not case.is_open:
        raise TransitionRefused(_("План закрытого случая не меняется."))


def add_plan_item(user, case, item):
    """Add the item; with no executor named, the service's responsible role delivers it."""
    _editable(case)
    item.case = case
    if item.executor_id is None and item.executor_role_id is None:
        item.executor_role_id = item.service.responsible_role_id
    item.sort_order = (
        case.plan_items.order_by("-sort_order").values_list("sort_order", flat=True).first() or 0
    ) + 1
    item.full_clean()
    with transaction.atomic():
        item.save()
        log_case(case, "marshrut.plan.add", user, {"item": item.pk, "service": item.service_id})
    return item


def _changed_meanwhile(item):
    fresh = type(item).objects.get(pk=item.pk)
    return TransitionRefused(
        _("Пункт плана только что изменил другой сотрудник: теперь он «%(s)s». Обновите план.")
        % {"s": fresh.get_status_display()}
    )


def _save(item, version=None):
    try:
        with transaction.atomic():
            claim_version(item, item.version if version is None else version, _("пункт плана"))
            item.save()
    except ConcurrentTransition:
        raise _changed_meanwhile(item) from None


def update_plan_item(user, item, changed_fields, version=None):
    """Save the edited item if it is still `version` (as update_citizen), else StaleEdit."""
    _editable(item.case)
    item.full_clean()
    with transaction.atomic():
        _save(item, version)
        log_case(
            item.case,
            "marshrut.plan.change",
            user,
            {"item": item.pk, "fields": sorted(changed_fields)},
        )
    return item


PLAN_ACTIONS = {"start": (), "complete": ("result",), "refuse": ("reason",), "cancel": ("reason",)}
# Called as hook(user, item) inside the status change's transaction: other modules follow a plan
# item's outcome (an IPRA measure is executed when its plan item is; cases.services.ipra.plan).
STATUS_HOOKS = []


def change_plan_item_status(user, item, action, text=""):
    _editable(item.case)
    if action not in PLAN_ACTIONS:
        raise TransitionRefused(_("Неизвестное действие с пунктом плана."))
    text = (text or "").strip()
    if action in ("refuse", "cancel") and not text:
        raise ValidationError({"reason": _("Укажите причину.")})
    method = getattr(item, action)
    if not can_proceed(method):
        raise TransitionRefused(
            _("Пункт плана уже в статусе «%(s)s».") % {"s": item.get_status_display()}
        )
    with transaction.atomic():
        method(text) if PLAN_ACTIONS[action] else method()
        try:
            _save(item)
        except StaleEdit:  # saved by a colleague since it was read: as a status change would be
            raise _changed_meanwhile(item) from None
        log_case(item.case, "marshrut.plan.status", user, {"item": item.pk, "status": item.status})
        for hook in STATUS_HOOKS:
            hook(user, item)
    return item
