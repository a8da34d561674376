"""The reception screen of a case (экран приёма): read on the case page, edited here."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cases import services
from cases.choices import AccessAction
from cases.forms_reception import ReceptionForm
from cases.views.common import get_case, staff_view


@staff_view("cases.change_receptionrecord")
@require_http_methods(["GET", "POST"])
def reception_edit(request, pk):
    case = get_case(request, pk)
    record = services.reception_of(case)
    posted = request.method == "POST"
    form = ReceptionForm(request.POST if posted else None, instance=record, user=request.user)
    status = 200
    if posted:
        if form.is_valid():
            try:
                services.save_reception(
                    request.user,
                    form.save(commit=False),
                    form.changed_data,
                    categories=form.categories,
                    version=form.opened_version,
                )
            except services.StaleEdit as stale:
                form.refused(stale)
                status = 409
            else:
                messages.success(request, _("Экран приёма сохранён."))
                return redirect(reverse("cases:case-detail", args=[case.pk]) + "#reception-h")
        else:
            status = 422
    else:
        services.record_access(request, case, AccessAction.VIEW, _("экран приёма"))
    return render(request, "cases/reception_edit.html", {"case": case, "form": form}, status=status)
