"""The IPRA registry's screens, under /staff/ipra/ (and the case page's «to the plan» action)."""

from django.urls import path, re_path

from cases.views import case, ipra, ipra_imports, ipra_reports

FMT = r"export\.(?P<fmt>csv|xlsx)$"

urlpatterns = [
    path("ipra/", ipra.registry, name="ipra-registry"),
    re_path(rf"^ipra/{FMT}", ipra.registry_export, name="ipra-export"),
    path("ipra/<int:pk>/", ipra.detail, name="ipra-detail"),
    path("ipra/<int:pk>/print/", ipra.print_view, name="ipra-print"),
    path("ipra/<int:pk>/transition/<slug:name>/", ipra.transition, name="ipra-transition"),
    path("ipra/<int:pk>/measures/", ipra.measure_add, name="ipra-measure-add"),
    path("ipra/<int:pk>/measures/<int:measure>/", ipra.measure, name="ipra-measure"),
    path(
        "ipra/<int:pk>/measures/<int:measure>/remove/",
        ipra.measure_remove,
        name="ipra-measure-remove",
    ),
    path("ipra/<int:pk>/report/", ipra_reports.report, name="ipra-report"),
    re_path(
        rf"^ipra/(?P<pk>[0-9]+)/report/{FMT}", ipra_reports.report_export, name="ipra-report-export"
    ),
    path("ipra/<int:pk>/report/sent/", ipra.report_sent, name="ipra-report-sent"),
    path("ipra/journal/", ipra_reports.journal, name="ipra-journal"),
    path("ipra/journal/print/", ipra_reports.journal_print, name="ipra-journal-print"),
    re_path(rf"^ipra/journal/{FMT}", ipra_reports.journal_export, name="ipra-journal-export"),
    path("ipra/reports/", ipra_reports.period_reports, name="ipra-reports"),
    path("ipra/reports/print/", ipra_reports.period_reports_print, name="ipra-reports-print"),
    re_path(
        rf"^ipra/reports/{FMT}", ipra_reports.period_reports_export, name="ipra-reports-export"
    ),
    path("ipra/imports/", ipra_imports.imports, name="ipra-imports"),
    path("ipra/imports/<int:pk>/", ipra_imports.import_detail, name="ipra-import"),
    re_path(
        r"^ipra/imports/(?P<pk>[0-9]+)/rejected\.(?P<fmt>csv|xlsx)$",
        ipra_imports.import_rejected,
        name="ipra-import-rejected",
    ),
    path("cases/<int:pk>/ipra/plan/", case.ipra_to_plan, name="case-ipra-plan"),
]
