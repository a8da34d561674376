"""From the IPRA to the individual plan: the IPRA's measures become plan items (marked "from the
IPRA", due within its deadline, each the catalogue service the editors mapped the measure to),
and a plan item whose service involves a condition the IPRA contraindicates is added only with
a reason, the IPRA line that warned and the reason kept on the item (its change log) and in the
case's audit log. A plan item carried out, refused or cancelled marks its measure executed or
not."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.choices import IpraState, MeasureOutcome, PlanItemStatus
from cases.models import Ipra, PlanItem
from cases.services.base import TransitionRefused, log_case
from cases.services.ipra.conditions import contraindicated_lines
from cases.services.ipra.records import log_ipra, run_ipra_transition
from cases.services.plan import STATUS_HOOKS, add_plan_item, update_plan_item
from cases.services.versions import claim_version


class ContraindicationWarning(Exception):
    """The service involves a working condition the citizen's IPRA contraindicates."""

    def __init__(self, ipra, lines):
        self.ipra = ipra
        self.lines = lines
        self.message = _(
            "Услуга связана с условиями труда, противопоказанными гражданину: %(lines)s. "
            "Если услугу всё же нужно включить в план, укажите обоснование."
        ) % {"lines": warning_text(ipra, lines)}
        super().__init__(self.message)


def current_ipra(citizen):
    """The citizen's IPRA in force (the newest not superseded), or None."""
    return (
        Ipra.objects.current()
        .filter(citizen=citizen, centre_id=citizen.centre_id)
        .order_by("-issued_on", "-pk")
        .first()
    )


def warning_text(ipra, lines):
    """«ИПРА № 177.37.16/2023 от 01.03.2023, противопоказания: «работа на высоте»»."""
    quoted = "; ".join(dict.fromkeys(f"«{line.text}»" for line in lines))
    return _("%(ipra)s, противопоказания: %(lines)s") % {"ipra": ipra.title, "lines": quoted}


def add_plan_item_checked(user, case, item, reason=""):
    """add_plan_item, refused with ContraindicationWarning when the service involves a condition
    the IPRA contraindicates and no reason is given; with a reason, both are kept."""
    ipra = current_ipra(case.citizen)
    lines = contraindicated_lines(ipra, [item.service_id]).get(item.service_id, [])
    reason = (reason or "").strip()
    if not lines:
        return add_plan_item(user, case, item)
    if not reason:
        raise ContraindicationWarning(ipra, lines)
    with transaction.atomic():
        item.contraindication = warning_text(ipra, lines)[:500]
        item.contraindication_reason = reason
        item = add_plan_item(user, case, item)
        log_case(case, "marshrut.plan.contraindication", user, {"item": item.pk, "ipra": ipra.pk})
    return item


def _due(measure, ipra, today):
    """Within the IPRA's deadline (the measure's own end first); today when that has passed."""
    due = measure.ends_on or ipra.deadline or today + datetime.timedelta(days=30)
    return max(due, today)


def add_measures_to_plan(user, case, ipra, reason=""):
    """Add the IPRA's measures not yet in the plan; returns (items added, measures linked to an
    item already there, names of measures no service is mapped to)."""
    if ipra.citizen_id != case.citizen_id or ipra.centre_id != case.centre_id:
        raise PermissionDenied
    if ipra.state not in (IpraState.MEASURES_FORMED, IpraState.IN_EXECUTION):
        raise TransitionRefused(
            _("Сначала ознакомьте гражданина с ИПРА и сформируйте перечень мероприятий.")
        )
    measures = list(
        ipra.measures.filter(plan_item__isnull=True, outcome=MeasureOutcome.PENDING)
        .select_related("measure__service")
        .order_by("sort_order", "pk")
    )
    unmapped = [m.name for m in measures if m.service is None]
    mapped = [m for m in measures if m.service is not None]
    conflicts = contraindicated_lines(ipra, {m.service.pk for m in mapped})
    lines = [line for found in conflicts.values() for line in found]
    reason = (reason or "").strip()
    if lines and not reason:
        raise ContraindicationWarning(ipra, lines)
    today = timezone.localdate()
    added, linked = [], []
    with transaction.atomic():
        pending = {
            i.service_id: i for i in case.plan_items.filter(status__in=PlanItemStatus.pending())
        }
        for measure in mapped:
            item = pending.get(measure.service.pk)
            if item is None:
                item = PlanItem(
                    service=measure.service,
                    from_ipra=True,
                    from_life_situation=False,
                    due_date=_due(measure, ipra, today),
                    note=_("По ИПРА: %(m)s") % {"m": measure.name},
                )
                found = conflicts.get(measure.service.pk)
                if found:
                    item.contraindication = warning_text(ipra, found)[:500]
                    item.contraindication_reason = reason
                item = add_plan_item(user, case, item)
                pending[item.service_id] = item
                added.append(item)
            else:
                if not item.from_ipra:
                    item.from_ipra = True
                    update_plan_item(user, item, ["from_ipra"])
                linked.append(measure)
            claim_version(measure, measure.version, _("мероприятие ИПРА"))
            measure.plan_item = item
            measure.save()
        if lines:
            log_case(case, "marshrut.plan.contraindication", user, {"ipra": ipra.pk})
        log_ipra(ipra, "marshrut.ipra.to_plan", user, {"case": case.pk, "items": len(added)})
        if ipra.state == IpraState.MEASURES_FORMED and (added or linked):
            run_ipra_transition(user, ipra, "start_execution")
    return added, linked, unmapped


def measure_follows_item(user, item):
    """A plan item done, refused or cancelled: its IPRA measures executed or not (a STATUS_HOOK
    of cases.services.plan)."""
    if item.status not in PlanItemStatus.finished():
        return
    for measure in item.ipra_measures.select_related("ipra").filter(
        outcome=MeasureOutcome.PENDING, ipra__state__in=IpraState.open()
    ):
        if item.status == PlanItemStatus.DONE:
            measure.outcome = MeasureOutcome.DONE
            measure.result = item.result
        else:
            measure.outcome = MeasureOutcome.NOT_DONE
            measure.reason = f"{item.get_status_display()}: {item.reason}".strip(": ")
        measure.executed_on = item.completed_on or timezone.localdate()
        claim_version(measure, measure.version, _("мероприятие ИПРА"))
        measure.save()
        log_ipra(measure.ipra, "marshrut.ipra.measure_change", user, {"measure": measure.pk})


STATUS_HOOKS.append(measure_follows_item)
