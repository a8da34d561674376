"""Staff screens of the case module, under /staff/."""

from django.urls import include, path, re_path

from cases.views import case, handover, intake, overdue, reception, retention, surveys, work

app_name = "cases"

urlpatterns = [
    path("", work.my_work, name="my-work"),
    path("intake/", intake.intake, name="intake"),
    path("intake/citizen/<int:pk>/open/", intake.open_case_view, name="open-case"),
    path("citizens/<int:pk>/edit/", intake.citizen_edit, name="citizen-edit"),
    path("cases/<int:pk>/", case.case_detail, name="case-detail"),
    path("cases/<int:pk>/transition/<slug:name>/", case.transition, name="case-transition"),
    path("cases/<int:pk>/route-version/", case.move_route_version, name="case-route-version"),
    path("cases/<int:pk>/handover/", handover.case_handover, name="case-handover"),
    path("cases/<int:pk>/documents/", case.documents, name="case-documents"),
    path("overdue/", overdue.overdue, name="overdue"),
    path("reports/retention/", retention.retention_report, name="retention-report"),
    re_path(
        r"^reports/retention/export\.(?P<fmt>csv|xlsx)$",
        retention.retention_report_export,
        name="retention-report-export",
    ),
    path("cases/<int:pk>/reception/", reception.reception_edit, name="case-reception"),
    path(
        "cases/<int:pk>/retention/<int:check>/",
        retention.retention_check,
        name="case-retention-check",
    ),
    path("cases/<int:pk>/scripts/<int:script>/start/", case.script_start, name="script-start"),
    path("cases/<int:pk>/scripts/runs/<int:run>/answer/", case.script_answer, name="script-answer"),
    path("cases/<int:pk>/surveys/<int:survey>/", surveys.phone_survey, name="phone-survey"),
    path("cases/<int:pk>/plan/", case.plan_add, name="plan-add"),
    path("cases/<int:pk>/plan/print/", case.plan_print, name="plan-print"),
    path("cases/<int:pk>/plan/<int:item>/", case.plan_item, name="plan-item"),
    path("cases/<int:pk>/plan/<int:item>/status/", case.plan_item_status, name="plan-item-status"),
    # Registry of recipients and the appointments journal (cases/urls_journals.py).
    path("", include("cases.urls_journals")),
    # The IPRA registry, its card, journal, reports and imports (cases/urls_ipra.py).
    path("", include("cases.urls_ipra")),
    # The hall queue: issuing, the specialist's panel, the hall board (cases/urls_queue.py).
    path("", include("cases.urls_queue")),
    # Referrals to partners, employers, vacancies, job referrals (cases/urls_employers.py).
    path("", include("cases.urls_employers")),
    # The access and change logs for the data-protection officer (cases/urls_audit.py).
    path("", include("cases.urls_audit")),
]
