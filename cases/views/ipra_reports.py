"""The journal of drawing up the list of measures for a period, and the execution reports to the
bureau (one IPRA, or a period): each a screen, a print view (A4, print.css) and CSV/XLSX, and the
report's sending recorded. Periods are dates only, so they travel in the URL."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cases import services
from cases.choices import AccessAction, AccessObject
from cases.forms_ipra import PeriodForm, ReportSentForm
from cases.services.ipra import reports
from cases.views.common import get_ipra, staff_view

PER_PAGE = 50


def _period(request):
    """(form, date_from, date_to): this month unless a period was asked for."""
    return PeriodForm.read(request.GET, *reports.month_bounds())


@staff_view("cases.view_ipra")
def journal(request):
    form, start, end = _period(request)
    services.record_access(request, AccessObject.IPRA_JOURNAL, AccessAction.VIEW)
    page = None
    if start:
        ipras = reports.journal(request.user.centre, start, end)
        page = Paginator(ipras, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "cases/ipra/journal.html",
        {
            "form": form,
            "page": page,
            "start": start,
            "end": end,
            "query": PeriodForm.query(start, end),
        },
        status=200 if start else 422,
    )


@staff_view("cases.export_ipra")
def journal_print(request):
    form, start, end = _period(request)
    if not start:
        return redirect(reverse("cases:ipra-journal") + "?" + request.GET.urlencode())
    services.record_access(request, AccessObject.IPRA_JOURNAL, AccessAction.PRINT)
    ipras = reports.journal(request.user.centre, start, end)
    return render(
        request,
        "cases/ipra/journal_print.html",
        {
            "ipras": ipras,
            "start": start,
            "end": end,
            "centre": request.user.centre,
            "full_snils": request.user.has_perm("cases.view_snils"),
        },
    )


@staff_view("cases.export_ipra")
def journal_export(request, fmt):
    form, start, end = _period(request)
    if not start:
        return redirect(reverse("cases:ipra-journal") + "?" + request.GET.urlencode())
    services.record_access(request, AccessObject.IPRA_JOURNAL, AccessAction.EXPORT, fmt)
    rows = reports.journal_rows(
        reports.journal(request.user.centre, start, end), request.user.has_perm("cases.view_snils")
    )
    return reports.download(fmt, reports.JOURNAL_HEADER, rows, "zhurnal-ipra", "Журнал ИПРА")


@staff_view("cases.export_ipra")
@require_http_methods(["GET", "POST"])
def period_reports(request):
    """The execution report for a period, and (POST) its sending recorded for every IPRA of the
    period that is ready."""
    form, start, end = _period(request)
    report_form = ReportSentForm(request.POST or None)
    status = 200 if start else 422
    if request.method == "POST" and start:
        if not request.user.has_perm("cases.change_ipra"):
            raise PermissionDenied("Отмечать отправку отчётов может куратор.")
        if report_form.is_valid():
            try:
                report, done, skipped = services.ipra.record_report(
                    request.user,
                    list(reports.period_report(request.user.centre, start, end)),
                    sent_on=report_form.cleaned_data["sent_on"],
                    method=report_form.cleaned_data["method"],
                    period=(start, end),
                )
            except ValidationError as exc:
                report_form.add_error(None, exc)
            else:
                if done:
                    messages.success(
                        request,
                        _("Отмечено: отчёт направлен по %(n)s ИПРА; не готовы — %(s)s.")
                        % {"n": len(done), "s": len(skipped)},
                    )
                else:
                    messages.error(request, _("Нет ИПРА, готовых к отчёту за этот период."))
                return redirect(reverse("cases:ipra-reports") + PeriodForm.query(start, end))
        status = 422
    elif request.method == "GET":
        services.record_access(request, AccessObject.IPRA_REPORT, AccessAction.VIEW)
    ipras = list(reports.period_report(request.user.centre, start, end)) if start else []
    for ipra in ipras:
        ipra.not_ready = services.ipra.reportable(ipra)
    return render(
        request,
        "cases/ipra/reports.html",
        {
            "form": form,
            "report_form": report_form,
            "ipras": ipras,
            "ready": sum(1 for i in ipras if not i.not_ready),
            "start": start,
            "end": end,
            "query": PeriodForm.query(start, end),
            "may_send": request.user.has_perm("cases.change_ipra"),
        },
        status=status,
    )


@staff_view("cases.export_ipra")
def period_reports_print(request):
    form, start, end = _period(request)
    if not start:
        return redirect(reverse("cases:ipra-reports") + "?" + request.GET.urlencode())
    services.record_access(request, AccessObject.IPRA_REPORT, AccessAction.PRINT)
    ipras = reports.with_report_lines(reports.period_report(request.user.centre, start, end))
    return render(
        request,
        "cases/ipra/report_print.html",
        {"ipras": ipras, "start": start, "end": end, "centre": request.user.centre},
    )


@staff_view("cases.export_ipra")
def period_reports_export(request, fmt):
    form, start, end = _period(request)
    if not start:
        return redirect(reverse("cases:ipra-reports") + "?" + request.GET.urlencode())
    services.record_access(request, AccessObject.IPRA_REPORT, AccessAction.EXPORT, fmt)
    rows = reports.report_rows(reports.period_report(request.user.centre, start, end))
    return reports.download(fmt, reports.REPORT_HEADER, rows, "otchet-ipra", "Отчёт ИПРА")


def _one(request, pk):
    ipra = get_ipra(request, pk)
    return reports.with_measures(
        type(ipra).objects.filter(pk=ipra.pk).select_related("report", "report__sent_by", "centre")
    )


@staff_view("cases.export_ipra")
def report(request, pk):
    """The execution report of one IPRA, for print."""
    ipras = reports.with_report_lines(_one(request, pk))
    ipra = ipras[0]
    services.record_access(request, ipra, AccessAction.PRINT, _("отчёт об исполнении"))
    return render(
        request,
        "cases/ipra/report_print.html",
        {"ipras": ipras, "one": ipra, "centre": ipra.centre},
    )


@staff_view("cases.export_ipra")
def report_export(request, pk, fmt):
    ipras = _one(request, pk)
    services.record_access(request, ipras[0], AccessAction.EXPORT, fmt)
    rows = reports.report_rows(ipras)
    return reports.download(fmt, reports.REPORT_HEADER, rows, "otchet-ipra", "Отчёт ИПРА")
