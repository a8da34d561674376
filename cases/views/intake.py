"""Intake (приём): find the citizen by SNILS or name or register a new one, open a case."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cases import route_graph as r
from cases import services
from cases.choices import AccessAction, AccessObject
from cases.forms import CitizenForm, OpenCaseForm, SearchForm
from cases.models import Case, Citizen
from cases.views.common import staff_view


@staff_view("cases.add_case")
@require_http_methods(["GET", "POST"])
def intake(request):
    """Search and registration both POST, so names and SNILS never appear in a URL."""
    search_form, citizen_form, results, searched = SearchForm(), CitizenForm(), None, False
    status = 200
    action = request.POST.get("action")
    if action == "search":
        search_form = SearchForm(request.POST)
        searched = True
        if search_form.is_valid():
            query = search_form.cleaned_data["q"]
            results = services.find_citizens(request.user, query)
            services.record_access(
                request,
                AccessObject.CITIZEN_SEARCH,
                AccessAction.SEARCH,
                services.search_kind(query),
            )
        else:
            status = 422
    elif action == "create":
        citizen_form = CitizenForm(request.POST)
        if citizen_form.is_valid():
            try:
                citizen = services.register_citizen(request.user, citizen_form.save(commit=False))
            except ValidationError as exc:
                citizen_form.add_error(None, exc)
            else:
                messages.success(request, _("Гражданин зарегистрирован. Откройте случай."))
                return redirect("cases:open-case", pk=citizen.pk)
        status = 422
    open_cases = {}
    if results:
        for case in Case.objects.filter(
            citizen__in=results, state__in=r.OPEN_STATES
        ).select_related("life_situation"):
            open_cases.setdefault(case.citizen_id, []).append(case)
    for citizen in results or []:
        citizen.open_cases = open_cases.get(citizen.pk, [])
    template = "cases/intake.html"
    if request.htmx and action == "search":
        template = "cases/intake.html#search-results"
    return render(
        request,
        template,
        {
            "search_form": search_form,
            "citizen_form": citizen_form,
            "results": results,
            "searched": searched,
            "show_create": action == "create" or (searched and not results),
        },
        status=status,
    )


@staff_view("cases.add_case")
@require_http_methods(["GET", "POST"])
def open_case_view(request, pk):
    citizen = get_object_or_404(Citizen.objects.for_user(request.user), pk=pk)
    form = OpenCaseForm(
        request.POST if request.method == "POST" else None, centre=request.user.centre
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                case = services.open_case(
                    request.user, citizen, form.cleaned_data["life_situation"]
                )
            except ValidationError as exc:
                form.add_error("life_situation", exc)
                status = 422
            else:
                messages.success(request, _("Случай № %(n)s открыт.") % {"n": case.number})
                return redirect("cases:case-detail", pk=case.pk)
        else:
            status = 422
    cases = citizen.cases.select_related("life_situation").order_by("-opened_at")
    if request.method == "GET":
        services.record_access(request, citizen, AccessAction.VIEW)
    return render(
        request,
        "cases/open_case.html",
        {"citizen": citizen, "form": form, "cases": cases},
        status=status,
    )


@staff_view("cases.change_citizen")
@require_http_methods(["GET", "POST"])
def citizen_edit(request, pk):
    """Correct the citizen's card; every change is logged (field names only, no values)."""
    citizen = get_object_or_404(Citizen.objects.for_user(request.user), pk=pk)
    back = request.GET.get("case") or request.POST.get("case")
    case = (
        Case.objects.for_user(request.user).filter(pk=back, citizen=citizen).first()
        if back and back.isdigit()
        else None
    )
    form = CitizenForm(request.POST if request.method == "POST" else None, instance=citizen)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.update_citizen(
                    request.user, form.save(commit=False), form.changed_data, form.opened_version
                )
            except services.StaleEdit as stale:
                form.refused(stale)
                status = 409
            else:
                messages.success(request, _("Данные гражданина сохранены."))
                if case:
                    return redirect("cases:case-detail", pk=case.pk)
                return redirect("cases:open-case", pk=citizen.pk)
        else:
            status = 422
    else:
        status = 200
        services.record_access(request, citizen, AccessAction.VIEW, _("изменение карточки"))
    return render(
        request,
        "cases/citizen_edit.html",
        {
            "citizen": citizen,
            "form": form,
            "case": case,
            "history": services.citizen_history(citizen),
        },
        status=status,
    )
