"""The data-protection officer's screens: the access log of the centre, per record (a citizen
with their cases: who opened them and what was changed) and per staff member; filtered,
paginated, exported — and each export is itself an entry of the log."""

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, render
from django_tables2 import RequestConfig

from cases import export, services
from cases.choices import AccessAction, AccessObject
from cases.filters import AccessLogFilter
from cases.models import AccessLog, Citizen
from cases.tables import AccessLogTable, DeferredJoinPaginator
from cases.views.common import staff_view

PER_PAGE = 50
PERMISSION = "cases.view_accesslog"


def _filtered(request, base):
    filterset = AccessLogFilter(
        request.GET or None, queryset=base.select_related("user"), centre=request.user.centre
    )
    valid = not filterset.is_bound or filterset.is_valid()
    return filterset, (filterset.qs if valid else base.none()), valid


def _page(request, base, template, status=200, **context):
    filterset, entries, valid = _filtered(request, base)
    table = AccessLogTable(entries)
    RequestConfig(
        request, paginate={"per_page": PER_PAGE, "paginator_class": DeferredJoinPaginator}
    ).configure(table)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        template,
        {"filter": filterset, "table": table, "query": query.urlencode(), **context},
        status=200 if valid else 422,
    )


def _export(request, base, fmt, label):
    _filterset, entries, _valid = _filtered(request, base)
    services.record_access(request, AccessObject.ACCESS_LOG, AccessAction.EXPORT, f"{label} {fmt}")
    return export.access_log_response(entries.order_by("-at", "-pk"), fmt)


def _centre_log(request):
    return AccessLog.objects.for_user(request.user)


def _citizen(request, pk):
    return get_object_or_404(Citizen.objects.for_user(request.user), pk=pk)


def _colleague(request, pk):
    return get_object_or_404(get_user_model(), pk=pk, centre_id=request.user.centre_id)


@staff_view(PERMISSION)
def access_log(request):
    return _page(request, _centre_log(request), "cases/audit/log.html")


@staff_view(PERMISSION)
def access_log_export(request, fmt):
    return _export(request, _centre_log(request), fmt, "весь журнал")


@staff_view(PERMISSION)
def citizen_log(request, pk):
    """All accesses to one citizen and their cases, and every change of their records."""
    citizen = _citizen(request, pk)
    services.record_access(request, citizen, AccessAction.VIEW, "журнал гражданина")
    return _page(
        request,
        _centre_log(request).filter(citizen=citizen),
        "cases/audit/citizen.html",
        record=citizen,
        history=services.record_history(citizen),
    )


@staff_view(PERMISSION)
def citizen_log_export(request, pk, fmt):
    citizen = _citizen(request, pk)
    base = _centre_log(request).filter(citizen=citizen)
    return _export(request, base, fmt, f"гражданин № {citizen.pk}")


@staff_view(PERMISSION)
def user_log(request, pk):
    """Everything one staff member of the centre opened, printed, exported or searched."""
    colleague = _colleague(request, pk)
    return _page(
        request,
        _centre_log(request).filter(user=colleague),
        "cases/audit/user.html",
        colleague=colleague,
    )


@staff_view(PERMISSION)
def user_log_export(request, pk, fmt):
    colleague = _colleague(request, pk)
    base = _centre_log(request).filter(user=colleague)
    return _export(request, base, fmt, f"сотрудник № {colleague.pk}")
