"""The appointments journal (журнал записи на приём): by day, in the centre's time zone."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cases import services
from cases.choices import AccessAction, AccessObject, AppointmentSource, AppointmentStatus
from cases.forms_booking import StaffBookingForm
from cases.models import Appointment
from cases.views.common import staff_view

JOURNAL_YEARS = range(2000, 2101)  # days the journal can show; anything else is a typo


def _day(request):
    """The day asked for (`?day=YYYY-MM-DD`), or today, with a message when the day is not one."""
    raw = request.GET.get("day") or request.POST.get("day") or ""
    try:
        day = parse_date(raw)
    except ValueError:  # well-formed but not a date, e.g. 2026-02-30
        day = None
    if raw and (day is None or day.year not in JOURNAL_YEARS):
        messages.warning(
            request,
            _(
                "Дата «%(raw)s» не существует или вне журнала (%(a)s–%(b)s годы): "
                "показан сегодняшний день."
            )
            % {"raw": raw[:20], "a": JOURNAL_YEARS[0], "b": JOURNAL_YEARS[-1]},
        )
        day = None
    return day or timezone.localdate()


def _render(request, day, form=None, status=200, focus=None, focus_pk=None):
    start = datetime.datetime.combine(
        day, datetime.time.min, tzinfo=timezone.get_current_timezone()
    )
    appointments = (
        Appointment.objects.for_user(request.user)
        .filter(starts_at__gte=start, starts_at__lt=start + datetime.timedelta(days=1))
        .select_related("life_situation", "staff", "case")
        .prefetch_related("notices")  # the reminder's status, beside the visit's
        .order_by("starts_at")
    )
    form = form or StaffBookingForm(centre=request.user.centre, initial={"date": day})
    return render(
        request,
        "cases/appointments.html",
        {
            "day": day,
            "previous": day - datetime.timedelta(days=1),
            "next": day + datetime.timedelta(days=1),
            "appointments": appointments,
            "form": form,
            "statuses": AppointmentStatus.choices,
            "focus": focus,
            "focus_pk": focus_pk,
        },
        status=status,
    )


@staff_view("cases.view_appointment")
@require_http_methods(["GET", "POST"])
def journal(request):
    day = _day(request)
    if request.method == "POST":
        if not request.user.has_perm("cases.add_appointment"):
            return _render(request, day, status=403)
        form = StaffBookingForm(request.POST, centre=request.user.centre)
        if not form.is_valid():
            return _render(request, day, form=form, status=422, focus="form")
        appointment = services.book_appointment(
            form.cleaned_data, AppointmentSource.STAFF, staff=request.user
        )
        messages.success(
            request,
            _("Запись на %(t)s добавлена.")
            % {"t": timezone.localtime(appointment.starts_at).strftime("%d.%m.%Y %H:%M")},
        )
        return redirect(f"{request.path}?day={timezone.localtime(appointment.starts_at).date()}")
    # Logged whatever the headers (an htmx request gets the same names and phones).
    services.record_access(request, AccessObject.APPOINTMENTS, AccessAction.VIEW, str(day))
    return _render(request, day)


@staff_view("cases.change_appointment")
@require_POST
def appointment_status(request, pk):
    appointment = get_object_or_404(Appointment.objects.for_user(request.user), pk=pk)
    day = timezone.localtime(appointment.starts_at).date()
    try:
        services.set_appointment_status(request.user, appointment, request.POST.get("status", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        if request.htmx:
            return _render(request, day, status=422, focus="row", focus_pk=appointment.pk)
        return redirect(f"{reverse('cases:appointments')}?day={day}")
    messages.success(
        request,
        _("%(name)s: %(status)s.")
        % {"name": appointment.name, "status": appointment.get_status_display()},
    )
    if request.htmx:
        return _render(request, day, focus="row", focus_pk=appointment.pk)
    return redirect(f"{reverse('cases:appointments')}?day={day}")
