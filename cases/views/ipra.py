"""The IPRA registry and the IPRA card: filters posted and kept in the session (nothing typed
reaches a URL), the card's actions (the route, the list of measures, their execution, the
report sent), each a POST answered with the whole card (htmx swaps #ipra)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_tables2 import RequestConfig

from cases import services
from cases.choices import AccessAction, AccessObject
from cases.filters_ipra import IpraFilter
from cases.forms_ipra import IpraTransitionForm, MeasureAddForm, MeasureForm, ReportSentForm
from cases.models import Ipra
from cases.services.ipra import reports
from cases.tables import DeferredJoinPaginator
from cases.tables_ipra import IpraTable
from cases.views.common import get_ipra, keep_filters, staff_view
from cases.views.ipra_card import card_context

SESSION_KEY = "ipra_registry_filters"
PER_PAGE = 25


def _filterset(request):
    stored = request.session.get(SESSION_KEY, "")
    data = QueryDict(stored) if stored else None
    return IpraFilter(
        data, queryset=Ipra.objects.for_user(request.user), centre=request.user.centre
    )


@staff_view("cases.view_ipra")
@require_http_methods(["GET", "POST"])
def registry(request):
    if request.method == "POST":
        data = keep_filters(request, SESSION_KEY)
        if data and data.get("q", "").strip():
            services.record_access(
                request,
                AccessObject.IPRA_REGISTRY,
                AccessAction.SEARCH,
                services.search_kind(data["q"]),
            )
        if not request.htmx:
            return redirect("cases:ipra-registry")
    filterset = _filterset(request)
    if request.method == "GET":  # every page shown is a view, whatever its headers say
        services.record_access(request, AccessObject.IPRA_REGISTRY, AccessAction.VIEW)
    valid = not filterset.is_bound or filterset.is_valid()
    table = IpraTable(filterset.qs if valid else Ipra.objects.none())
    RequestConfig(
        request, paginate={"per_page": PER_PAGE, "paginator_class": DeferredJoinPaginator}
    ).configure(table)
    shown = len(table.page.object_list)
    first = (table.page.number - 1) * PER_PAGE + 1
    template = "cases/ipra/registry.html"
    if request.htmx and request.method == "POST":
        template = "cases/ipra/registry.html#results"
    context = {
        "filter": filterset,
        "table": table,
        "shown": shown,
        "first": first,
        "last": first + shown - 1,
    }
    return render(request, template, context, status=200 if valid else 422)


@staff_view("cases.export_ipra")
def registry_export(request, fmt):
    filterset = _filterset(request)
    valid = not filterset.is_bound or filterset.is_valid()
    ipras = (filterset.qs if valid else Ipra.objects.none()).order_by("-issued_on", "-pk")
    services.record_access(request, AccessObject.IPRA_REGISTRY, AccessAction.EXPORT, fmt)
    rows = reports.registry_rows(ipras, request.user.has_perm("cases.view_snils"))
    return reports.download(fmt, reports.REGISTRY_HEADER, rows, "reestr-ipra", "Реестр ИПРА")


def _render(request, ipra, status=200, **extra):
    return render(
        request, "cases/ipra/detail.html", card_context(request, ipra, **extra), status=status
    )


def _done(request, ipra, message):
    messages.success(request, message)
    if request.htmx:
        return _render(request, get_ipra(request, ipra.pk))
    return redirect("cases:ipra-detail", pk=ipra.pk)


def _refused(request, ipra, exc, status=409):
    messages.error(request, getattr(exc, "message", None) or str(exc))
    return _render(request, get_ipra(request, ipra.pk), status=status)


@staff_view("cases.view_ipra")
def detail(request, pk):
    ipra = get_ipra(request, pk)
    services.record_access(request, ipra, AccessAction.VIEW)  # whatever its headers say
    return _render(request, ipra)


@staff_view("cases.view_ipra")
def print_view(request, pk):
    """The list of measures as the seed's paper form («Перечень мероприятий»), with the
    recommendations and contraindications: the sheet a specialist takes to an employer."""
    ipra = get_ipra(request, pk)
    services.record_access(request, ipra, AccessAction.PRINT, _("перечень мероприятий"))
    context = card_context(request, ipra)
    return render(request, "cases/ipra/print.html", context)


@staff_view("cases.change_ipra")
@require_POST
def transition(request, pk, name):
    ipra = get_ipra(request, pk)
    form = IpraTransitionForm(request.POST)
    if not form.is_valid():
        return _render(request, ipra, status=422, failed=name, action_errors=form.errors)
    data = form.cleaned_data
    try:
        ipra = services.ipra.run_ipra_transition(
            request.user,
            ipra,
            name,
            expected_state=data["expected_state"],
            comment=data["comment"],
            on=data["on"],
            method=data["method"],
        )
    except services.ipra.IpraConflict as exc:
        return _refused(request, exc.ipra, exc)
    except services.TransitionRefused as exc:
        return _refused(request, ipra, exc)
    except ValidationError as exc:
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        return _render(request, ipra, status=422, failed=name, action_errors=errors, posted=data)
    return _done(request, ipra, _("Готово: ИПРА — «%(s)s».") % {"s": ipra.get_state_display()})


@staff_view("cases.change_ipra")
@require_POST
def measure_add(request, pk):
    ipra = get_ipra(request, pk)
    form = MeasureAddForm(request.POST)
    if form.is_valid():
        try:
            services.ipra.add_measure(request.user, ipra, form.save())
        except ValidationError as exc:
            form.add_error(None, exc)
        except services.TransitionRefused as exc:
            return _refused(request, ipra, exc)
        else:
            return _done(request, ipra, _("Мероприятие добавлено в перечень."))
    return _render(request, ipra, status=422, add_form=form, focus="add-measure")


@staff_view("cases.execute_ipra")
@require_http_methods(["GET", "POST"])
def measure(request, pk, measure):
    """Edit one measure inline: GET opens its row's form, POST saves it."""
    ipra = get_ipra(request, pk)
    obj = get_object_or_404(ipra.measures.select_related("ipra"), pk=measure)
    may_change = request.user.has_perm("cases.change_ipra")
    prefix = f"m{obj.pk}"
    if request.method == "GET":
        form = MeasureForm(instance=obj, prefix=prefix, may_change_period=may_change)
        return _render(request, ipra, edit_measure=obj.pk, edit_form=form)
    form = MeasureForm(request.POST, instance=obj, prefix=prefix, may_change_period=may_change)
    if form.is_valid():
        try:
            services.ipra.update_measure(
                request.user, form.save(commit=False), form.changed_data, form.opened_version
            )
        except services.StaleEdit as stale:
            form.refused(stale)
            return _render(request, ipra, status=409, edit_measure=obj.pk, edit_form=form)
        except ValidationError as exc:
            form.add_error(None, exc) if not hasattr(exc, "error_dict") else _add(form, exc)
        except services.TransitionRefused as exc:
            return _refused(request, ipra, exc)
        else:
            return _done(request, ipra, _("Мероприятие «%(m)s» сохранено.") % {"m": obj.name})
    return _render(request, ipra, status=422, edit_measure=obj.pk, edit_form=form)


def _add(form, exc):
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@staff_view("cases.change_ipra")
@require_POST
def measure_remove(request, pk, measure):
    ipra = get_ipra(request, pk)
    obj = get_object_or_404(ipra.measures, pk=measure)
    try:
        services.ipra.remove_measure(request.user, obj)
    except services.TransitionRefused as exc:
        return _refused(request, ipra, exc)
    return _done(request, ipra, _("Мероприятие «%(m)s» удалено из перечня.") % {"m": obj.name})


@staff_view("cases.change_ipra")
@require_POST
def report_sent(request, pk):
    """Record that this IPRA's execution report went to the bureau."""
    ipra = get_ipra(request, pk)
    form = ReportSentForm(request.POST)
    if not form.is_valid():
        return _render(request, ipra, status=422, report_form=form, focus="report")
    try:
        report, done, skipped = services.ipra.record_report(
            request.user,
            [ipra],
            sent_on=form.cleaned_data["sent_on"],
            method=form.cleaned_data["method"],
        )
    except ValidationError as exc:
        _add(form, exc)
        return _render(request, ipra, status=422, report_form=form, focus="report")
    if not done:
        form.add_error(None, _("Отчёт не отмечен: %(why)s.") % {"why": skipped[0][1]})
        return _render(request, ipra, status=422, report_form=form, focus="report")
    return _done(request, ipra, _("Отмечено: отчёт об исполнении направлен в бюро МСЭ."))
