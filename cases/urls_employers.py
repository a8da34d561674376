"""Staff screens of referrals to partners and of the employer side (included by cases/urls.py)."""

from django.urls import path, re_path

from cases.views import employers, jobs, referrals

urlpatterns = [
    path("cases/<int:pk>/referrals/new/", referrals.referral_new, name="referral-new"),
    path(
        "cases/<int:pk>/referrals/<int:referral>/",
        referrals.referral_detail,
        name="referral-detail",
    ),
    path(
        "cases/<int:pk>/referrals/<int:referral>/edit/",
        referrals.referral_edit,
        name="referral-edit",
    ),
    path(
        "cases/<int:pk>/referrals/<int:referral>/offer/",
        referrals.referral_offer,
        name="referral-offer",
    ),
    path(
        "cases/<int:pk>/referrals/<int:referral>/<slug:action>/",
        referrals.referral_action,
        name="referral-action",
    ),
    path("referrals/journal/", referrals.referral_journal, name="referral-journal"),
    path(
        "referrals/journal/print/",
        referrals.referral_journal_print,
        name="referral-journal-print",
    ),
    re_path(
        r"^referrals/journal/export\.(?P<fmt>csv|xlsx)$",
        referrals.referral_journal_export,
        name="referral-journal-export",
    ),
    path("cases/<int:pk>/jobs/<int:vacancy>/refer/", jobs.job_referral_issue, name="job-referral"),
    path(
        "cases/<int:pk>/job-referrals/<int:jobref>/print/",
        jobs.job_referral_print,
        name="job-referral-print",
    ),
    path(
        "cases/<int:pk>/job-referrals/<int:jobref>/answer/",
        jobs.job_referral_answer,
        name="job-referral-answer",
    ),
    path("cases/<int:pk>/employment/", jobs.employment, name="case-employment"),
    path("vacancies/", employers.vacancies, name="vacancies"),
    path("vacancies/new/", employers.vacancy_new, name="vacancy-new"),
    path("vacancies/<int:pk>/", employers.vacancy_edit, name="vacancy-edit"),
    path("vacancies/import/", employers.vacancy_import, name="vacancy-import"),
    path("employers/", employers.employers, name="employers"),
    path("employers/new/", employers.employer_new, name="employer-new"),
    path("employers/<int:pk>/", employers.employer_edit, name="employer-edit"),
    path("reports/employment/", employers.employment_report, name="employment-report"),
    re_path(
        r"^reports/employment/(?P<part>partners|employers)\.(?P<fmt>csv|xlsx)$",
        employers.employment_report_export,
        name="employment-report-export",
    ),
]
