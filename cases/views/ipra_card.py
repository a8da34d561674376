"""The IPRA card's context, section by section (themes/templates/cases/ipra/card_*.html): the
document, the citizen as the IPRA states them, the conditions of work, the measures, the actions
this user may take, the report and the history."""

from django.utils import timezone

from cases import services
from cases.choices import AcquaintanceMethod, IpraState
from cases.forms_ipra import MeasureAddForm, ReportSentForm
from cases.models import Ipra


def card_context(request, ipra, **extra):
    user = request.user
    measures = list(
        ipra.measures.select_related("measure__service", "plan_item").order_by("sort_order", "pk")
    )
    may_change = user.has_perm("cases.change_ipra")
    open_ = ipra.state in IpraState.open()
    context = {
        "ipra": ipra,
        "today": timezone.localdate(),
        "full_snils": user.has_perm("cases.view_snils"),
        "may_view_case": ipra.case_id is not None and user.has_perm("cases.view_case"),
        "newer": ipra.superseded_by,
        "older": list(Ipra.objects.filter(superseded_by=ipra).only("pk", "number", "issued_on")),
        "lines": services.ipra.condition_lines(ipra),
        "measures": measures,
        "may_change": may_change and ipra.is_current,
        "may_execute": user.has_perm("cases.execute_ipra") and open_,
        "may_export": user.has_perm("cases.export_ipra"),
        "list_editable": may_change and ipra.state in (IpraState.RECEIVED, IpraState.ACQUAINTED),
        "actions": services.ipra.available_transitions(ipra) if may_change else [],
        "add_form": extra.pop("add_form", None) or MeasureAddForm(),
        "report_form": extra.pop("report_form", None) or ReportSentForm(),
        "not_reportable": services.ipra.reportable(ipra) if may_change else "",
        "transitions": ipra.transitions.select_related("user")[:100],
        "changes": services.ipra_history(ipra),
        "action_errors": {},
        "acquaint_methods": AcquaintanceMethod.choices,
    }
    context.update(extra)
    failed = context.get("failed")
    context["action_errors"] = {
        ("general" if key == "__all__" else key): value
        for key, value in dict(context["action_errors"]).items()
    }
    context["actions"] = [
        {"name": n, "label": label, "needs_reason": reason, "open": n == failed}
        for n, label, reason in context["actions"]
    ]
    return context
