"""Handing a case over to another curator, from the case page's stage section."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases import services
from cases.forms_handover import HandoverForm
from cases.views.case_sections import section_context
from cases.views.common import get_case, staff_view


def _page(request, case, status, **extra):
    context = section_context(request, case, **extra)
    return render(request, "cases/case_detail.html", context, status=status)


@staff_view("cases.handover_case")
@require_POST
def case_handover(request, pk):
    case = get_case(request, pk)
    if not services.may_hand_over(request.user, case):
        raise PermissionDenied
    form = HandoverForm(request.POST, case=case)
    if not form.is_valid():
        return _page(request, case, 422, handover_form=form)
    data = form.cleaned_data
    try:
        case = services.hand_over_case(
            request.user, case, data["curator"], data["comment"], data["expected_curator"]
        )
    except ValidationError as exc:
        for field, errors in exc.message_dict.items():
            for error in errors:
                form.add_error(field if field in form.fields else None, error)
        return _page(request, case, 422, handover_form=form)
    except services.Conflict as exc:
        messages.error(request, exc.message, extra_tags="conflict")
        return _page(request, get_case(request, pk), 409)
    messages.success(
        request,
        _("Случай передан куратору %(name)s.") % {"name": case.curator.get_full_name()},
    )
    if request.htmx:
        return _page(request, case, 200)
    return redirect("cases:case-detail", pk=case.pk)
