"""The centre's employers and vacancies (the employer-zone specialist, curators): lists with
search, forms, and the import of vacancies from a file; the employer side's reports."""

import tempfile
from pathlib import Path

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cases.forms_ipra import PeriodForm
from cases.forms_jobs import EmployerForm, VacancyFilterForm, VacancyForm, VacancyImportForm
from cases.models import Employer, Vacancy, fold
from cases.services import employment_reports as reports
from cases.services.ipra.reading import ImportFileError
from cases.services.ipra.reports import download
from cases.services.vacancy_import import TooManyRows, import_vacancies
from cases.views.common import staff_view

PAGE = 50


@staff_view("cases.view_vacancy")
def vacancies(request):
    form = VacancyFilterForm(request.GET or None)
    rows = (
        Vacancy.objects.for_user(request.user)
        .select_related("employer")
        .prefetch_related("working_conditions")
        .order_by("status", "position", "pk")
    )
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            rows = rows.filter(search_text__contains=fold(data["q"]))
        if data["status"]:
            rows = rows.filter(status=data["status"])
        if data["quota"]:
            rows = rows.filter(Q(quota=True) | Q(special_workplace=True))
    page = Paginator(rows, PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "cases/employers/vacancies.html",
        {"form": form, "page": page, "query": "?" + query.urlencode()},
    )


def _save_form(request, form_class, instance, template, done, back):
    form = form_class(request.POST or None, instance=instance, centre=request.user.centre)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            form.save()
            messages.success(request, done)
            return redirect(back)
    return render(request, template, {"form": form, "object": instance}, status=status)


@staff_view("cases.add_vacancy")
@require_http_methods(["GET", "POST"])
def vacancy_new(request):
    return _save_form(
        request,
        VacancyForm,
        None,
        "cases/employers/vacancy_form.html",
        _("Вакансия добавлена."),
        reverse("cases:vacancies"),
    )


@staff_view("cases.change_vacancy")
@require_http_methods(["GET", "POST"])
def vacancy_edit(request, pk):
    vacancy = get_object_or_404(Vacancy.objects.for_user(request.user), pk=pk)
    return _save_form(
        request,
        VacancyForm,
        vacancy,
        "cases/employers/vacancy_form.html",
        _("Вакансия сохранена."),
        reverse("cases:vacancies"),
    )


@staff_view("cases.view_employer")
def employers(request):
    rows = Employer.objects.for_user(request.user).prefetch_related("vacancies")
    return render(request, "cases/employers/employers.html", {"employers": rows})


@staff_view("cases.add_employer")
@require_http_methods(["GET", "POST"])
def employer_new(request):
    return _save_form(
        request,
        EmployerForm,
        None,
        "cases/employers/employer_form.html",
        _("Работодатель добавлен."),
        reverse("cases:employers"),
    )


@staff_view("cases.change_employer")
@require_http_methods(["GET", "POST"])
def employer_edit(request, pk):
    employer = get_object_or_404(Employer.objects.for_user(request.user), pk=pk)
    return _save_form(
        request,
        EmployerForm,
        employer,
        "cases/employers/employer_form.html",
        _("Работодатель сохранён."),
        reverse("cases:employers"),
    )


@staff_view("cases.import_vacancy")
@require_http_methods(["GET", "POST"])
def vacancy_import(request):
    form = VacancyImportForm(request.POST or None, request.FILES or None)
    outcome, status = None, 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            upload = form.cleaned_data["file"]
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "upload"
                with open(path, "wb") as fh:
                    for chunk in upload.chunks():
                        fh.write(chunk)
                try:
                    outcome = import_vacancies(request.user.centre, path)
                except (ImportFileError, TooManyRows) as error:
                    form.add_error("file", str(error))
            if outcome is not None and outcome.saved:
                messages.success(
                    request,
                    _(
                        "Загружено: новых вакансий %(c)s, обновлено %(u)s, новых работодателей "
                        "%(e)s."
                    )
                    % {"c": outcome.created, "u": outcome.updated, "e": outcome.employers_created},
                )
                return redirect(reverse("cases:vacancies"))
            if outcome is not None and not outcome.rows:
                form.add_error("file", _("В файле нет ни одной строки с вакансией."))
    return render(
        request,
        "cases/employers/import.html",
        {"form": form, "outcome": outcome},
        status=status,
    )


def _period(request):
    today = timezone.localdate()
    return PeriodForm.read(request.GET, today.replace(month=1, day=1), today)


@staff_view("cases.view_employment_report")
def employment_report(request):
    form, start, end = _period(request)
    context = {"form": form, "start": start, "end": end, "query": PeriodForm.query(start, end)}
    if start:
        centre = request.user.centre
        partner = reports.partner_rows(centre, start, end)
        employer = reports.employer_rows(centre, start, end)
        context.update(
            partner_rows=partner,
            employer_rows=employer,
            shares=reports.shares(centre, start, end, partner, employer),
        )
    return render(request, "cases/employers/report.html", context, status=200 if start else 422)


@staff_view("cases.view_employment_report")
def employment_report_export(request, part, fmt):
    form, start, end = _period(request)
    if not start:
        return redirect(reverse("cases:employment-report") + "?" + request.GET.urlencode())
    centre = request.user.centre
    if part == "partners":
        rows = [r.cells() for r in reports.partner_rows(centre, start, end)]
        return download(fmt, reports.PARTNER_HEADER, rows, "napravleniya-partneram", "Партнёры")
    rows = [r.cells() for r in reports.employer_rows(centre, start, end)]
    return download(fmt, reports.EMPLOYER_HEADER, rows, "napravleniya-na-rabotu", "Работодатели")
