"""The registry of recipients. Filters are posted and kept in the session (post/redirect/get),
so names and SNILS never appear in a URL; the URL carries only the page and the sort."""

from django.db.models import Exists
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_tables2 import RequestConfig

from cases import export, services
from cases.choices import AccessAction, AccessObject
from cases.filters import RegistryFilter, overdue_items
from cases.models import Case
from cases.tables import DeferredJoinPaginator, RegistryTable
from cases.views.common import keep_filters, staff_view

SESSION_KEY = "registry_filters"
PER_PAGE = 25


def _filterset(request, data=None):
    if data is None:
        stored = request.session.get(SESSION_KEY, "")
        data = QueryDict(stored) if stored else None
    queryset = (
        Case.objects.for_user(request.user)
        .select_related("citizen", "life_situation", "curator")
        .annotate(has_overdue=Exists(overdue_items(request.user.centre)))
    )
    return RegistryFilter(data, queryset=queryset, centre=request.user.centre)


@staff_view("cases.view_case")
@require_http_methods(["GET", "POST"])
def registry(request):
    if request.method == "POST":
        keep_filters(request, SESSION_KEY)
        if "reset" not in request.POST:
            # A filter by name or SNILS is a search of personal data: its kind is logged, never
            # its text (as at intake).
            query = request.POST.get("q", "").strip()
            detail = services.search_kind(query) if query else _("фильтр")
            services.record_access(request, AccessObject.REGISTRY, AccessAction.SEARCH, detail)
        if not request.htmx:
            return redirect("cases:registry")
    filterset = _filterset(request)
    if request.method == "GET":
        # Every page of the registry shown is a view, whatever its headers say.
        services.record_access(request, AccessObject.REGISTRY, AccessAction.VIEW)
    status = 200 if filterset.is_bound is False or filterset.is_valid() else 422
    table = RegistryTable(
        filterset.qs if filterset.is_valid() or not filterset.is_bound else Case.objects.none()
    )
    RequestConfig(
        request, paginate={"per_page": PER_PAGE, "paginator_class": DeferredJoinPaginator}
    ).configure(table)
    page = table.page
    shown = len(page.object_list)
    first = (page.number - 1) * PER_PAGE + 1
    template = "cases/registry.html"
    if request.htmx and request.method == "POST":
        template = "cases/registry.html#results"
    return render(
        request,
        template,
        {
            "filter": filterset,
            "table": table,
            "shown": shown,
            "first": first,
            "last": first + shown - 1,
        },
        status=status,
    )


@staff_view("cases.export_registry")
def registry_export(request, fmt):
    filterset = _filterset(request)
    cases = filterset.qs if not filterset.is_bound or filterset.is_valid() else Case.objects.none()
    cases = cases.order_by("-opened_at", "-pk")
    full_snils = request.user.has_perm("cases.view_snils")
    services.record_access(request, AccessObject.REGISTRY, AccessAction.EXPORT, fmt)
    if fmt == "xlsx":
        return export.xlsx_response(cases, full_snils)
    return export.csv_response(cases, full_snils)
