"""Importing IPRA files from the staff screen: the upload enqueues a background task (queue
"imports"); the job's page shows its progress — htmx polls it every second while it runs, and a
plain link refreshes it without JavaScript — then the counts and the rejected rows."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cases import services
from cases.choices import AccessAction, AccessObject
from cases.forms_ipra import UploadForm
from cases.models import IpraImport
from cases.services.ipra import reports
from cases.views.common import staff_view

SHOWN_ERRORS = 200


@staff_view("cases.import_ipra")
@require_http_methods(["GET", "POST"])
def imports(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = services.ipra.start_import(request.user, form.cleaned_data["file"])
        messages.success(
            request, _("Файл «%(f)s» принят и поставлен в очередь.") % {"f": job.filename}
        )
        return redirect("cases:ipra-import", pk=job.pk)
    jobs = IpraImport.objects.for_user(request.user).select_related("user")[:20]
    return render(
        request,
        "cases/ipra/imports.html",
        {"form": form, "jobs": jobs},
        status=422 if form.is_bound else 200,
    )


def _job(request, pk):
    return get_object_or_404(
        IpraImport.objects.for_user(request.user).select_related("user"), pk=pk
    )


@staff_view("cases.import_ipra")
def import_detail(request, pk):
    job = _job(request, pk)
    context = {"job": job, "errors": job.errors.all()[:SHOWN_ERRORS], "shown_errors": SHOWN_ERRORS}
    if request.htmx:
        return render(request, "cases/ipra/import_progress.html", context)
    services.record_access(request, AccessObject.IPRA_IMPORT, AccessAction.VIEW, f"№ {job.pk}")
    return render(request, "cases/ipra/import.html", context)


@staff_view("cases.import_ipra")
def import_rejected(request, pk, fmt):
    job = _job(request, pk)
    services.record_access(
        request, AccessObject.IPRA_IMPORT, AccessAction.EXPORT, f"№ {job.pk} {fmt}"
    )
    return reports.download(
        fmt,
        reports.REJECTED_HEADER,
        reports.rejected_rows(job),
        f"ipra-import-{job.pk}-otkloneno",
        "Отклонённые строки",
    )
