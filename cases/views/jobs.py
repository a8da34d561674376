"""The employer side of a case: a job referral to a vacancy, its print for the citizen, the
employer's answer, and the employment (which moves the case to "employed")."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cases import services
from cases.choices import AccessAction
from cases.forms_jobs import AnswerForm, EmploymentForm, JobReferralForm
from cases.models import Vacancy
from cases.services import jobs
from cases.views.common import get_case, staff_view


def _job_referral(case, pk):
    referral = get_object_or_404(
        case.job_referrals.select_related("vacancy__employer", "issued_by", "answered_by"), pk=pk
    )
    referral.case = case
    return referral


def _case_jobs_url(case):
    return reverse("cases:case-detail", args=[case.pk]) + "#jobs-h"


@staff_view("cases.add_jobreferral")
@require_http_methods(["GET", "POST"])
def job_referral_issue(request, pk, vacancy):
    """GET: the vacancy and, if the IPRA contraindicates it, the reason asked for; POST: issue."""
    case = get_case(request, pk)
    vacancy = get_object_or_404(
        Vacancy.objects.filter(centre=case.centre).select_related("employer"), pk=vacancy
    )
    conflicts = jobs.vacancy_conflicts(case, vacancy)
    form = JobReferralForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                referral = jobs.issue_job_referral(
                    request.user,
                    case,
                    vacancy,
                    contraindication_note=form.cleaned_data["contraindication_note"],
                )
            except ValidationError as error:
                form.refuse(error)
            except services.TransitionRefused as refused:
                form.add_error(None, str(refused))
                status = 409
            else:
                messages.success(
                    request,
                    _("Направление на работу № %(n)s выдано: ответ работодателя до %(d)s.")
                    % {"n": referral.number, "d": referral.answer_due.strftime("%d.%m.%Y")},
                )
                return redirect(_case_jobs_url(case))
    return render(
        request,
        "cases/jobs/issue.html",
        {"case": case, "vacancy": vacancy, "conflicts": conflicts, "form": form},
        status=status,
    )


@staff_view("cases.view_jobreferral")
def job_referral_print(request, pk, jobref):
    case = get_case(request, pk)
    referral = _job_referral(case, jobref)
    services.record_access(request, referral, AccessAction.PRINT)
    return render(request, "cases/jobs/print.html", {"case": case, "referral": referral})


@staff_view("cases.answer_jobreferral")
@require_http_methods(["GET", "POST"])
def job_referral_answer(request, pk, jobref):
    case = get_case(request, pk)
    referral = _job_referral(case, jobref)
    form = AnswerForm(request.POST or None, initial={"version": referral.version})
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                jobs.record_answer(request.user, referral, **form.cleaned_data)
            except ValidationError as error:
                form.refuse(error)
            except (services.StaleEdit, services.TransitionRefused) as refused:
                form.add_error(None, getattr(refused, "message", None) or str(refused))
                status = 409
            else:
                messages.success(request, _("Ответ работодателя записан."))
                return redirect(_case_jobs_url(case))
    else:
        services.record_access(request, referral, AccessAction.VIEW)
    return render(
        request,
        "cases/jobs/answer.html",
        {"case": case, "referral": referral, "form": form},
        status=status,
    )


@staff_view("cases.add_employment")
@require_http_methods(["GET", "POST"])
def employment(request, pk):
    case = get_case(request, pk)
    hired = jobs.hired_referrals(case)
    form = EmploymentForm(request.POST or None, case=case, hired=hired)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                jobs.record_employment(request.user, case, **form.cleaned_data)
            except ValidationError as error:
                form.refuse(error)
            except PermissionDenied as denied:
                form.add_error(None, str(denied))
                status = 403
            except (services.TransitionRefused, services.Conflict) as refused:
                form.add_error(None, getattr(refused, "message", None) or str(refused))
                status = 409
            else:
                messages.success(
                    request, _("Трудоустройство записано, случай переведён на этап «Трудоустроен».")
                )
                return redirect(reverse("cases:case-detail", args=[case.pk]))
    return render(
        request,
        "cases/jobs/employment.html",
        {"case": case, "form": form, "hired": hired},
        status=status,
    )
