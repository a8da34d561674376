"""Recording a retention check of a case (контроль закрепляемости)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cases import services
from cases.choices import AccessAction
from cases.forms_ipra import PeriodForm
from cases.forms_retention import RetentionCheckForm
from cases.services import retention_report as retention_rows
from cases.services.ipra.reports import download
from cases.views.common import get_case, staff_view


@staff_view("cases.change_retentioncheck")
@require_http_methods(["GET", "POST"])
def retention_check(request, pk, check):
    case = get_case(request, pk)
    item = get_object_or_404(case.retention_checks.select_related("case__citizen"), pk=check)
    item.case = case
    initial = {
        "version": item.version,
        "checked_on": item.checked_on or timezone.localdate(),
        "outcome": item.outcome or None,
        "left_reason": item.left_reason,
        "note": item.note,
    }
    form = RetentionCheckForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            data = form.cleaned_data
            version = data["version"] if data["version"] is not None else item.version
            try:
                done = services.record_check(
                    request.user,
                    item,
                    outcome=data["outcome"],
                    checked_on=data["checked_on"],
                    left_reason=data["left_reason"],
                    note=data["note"],
                    close_reason=data["close_reason"],
                    version=version,
                )
            except ValidationError as error:
                form.refuse(error)
            except services.StaleEdit as stale:
                form.add_error(None, stale.message)
                status = 409
            else:
                messages.success(request, _("Проверка закрепляемости записана."))
                if done.closed:
                    messages.success(request, _("Случай закрыт."))
                elif done.close_role:
                    messages.info(
                        request,
                        _("Все проверки проведены: закрыть случай может роль «%(role)s».")
                        % {"role": done.close_role},
                    )
                return redirect(reverse("cases:case-detail", args=[case.pk]) + "#retention-h")
    else:
        services.record_access(request, case, AccessAction.VIEW, _("контроль закрепляемости"))
    return render(
        request,
        "cases/retention_check.html",
        {"case": case, "check": item, "form": form},
        status=status,
    )


def _year_period(request):
    """(form, start, end): this calendar year unless a period was asked for."""
    today = timezone.localdate()
    return PeriodForm.read(
        request.GET, today.replace(month=1, day=1), today.replace(month=12, day=31)
    )


@staff_view("cases.view_retention_report")
def retention_report(request):
    form, start, end = _year_period(request)
    rows = retention_rows.report(request.user.centre, start, end) if start else []
    query = PeriodForm.query(start, end)
    return render(
        request,
        "cases/retention_report.html",
        {"form": form, "rows": rows, "start": start, "end": end, "query": query},
        status=200 if start else 422,
    )


@staff_view("cases.view_retention_report")
def retention_report_export(request, fmt):
    form, start, end = _year_period(request)
    if not start:
        return redirect(reverse("cases:retention-report") + "?" + request.GET.urlencode())
    rows = [row.cells() for row in retention_rows.report(request.user.centre, start, end)]
    return download(fmt, retention_rows.HEADER, rows, "zakreplyaemost", "Закрепляемость")
