"""Public consultation booking («Предварительная запись на консультацию»)."""

from zoneinfo import ZoneInfo

from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cases import services
from cases.choices import AppointmentSource
from cases.forms_booking import PublicBookingForm, working_days_text
from cases.models import Appointment
from portal import spamguard

SESSION_KEY = "booking_done"
RATE_LIMIT = 5  # bookings per address
RATE_WINDOW = 600  # seconds


@never_cache
@require_http_methods(["GET", "POST"])
def booking(request):
    form = PublicBookingForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        verdict = spamguard.check(
            request,
            form,
            "booking",
            limit=RATE_LIMIT,
            window=RATE_WINDOW,
            message=_(
                "Слишком много записей с этого устройства. Позвоните нам или попробуйте позже."
            ),
        )
        if verdict is spamguard.BOT:
            return redirect("booking-done")  # answer as if all went well, save nothing
        if verdict is spamguard.LIMITED:
            status = 429
        elif form.is_valid():
            appointment = services.book_appointment(form.cleaned_data, AppointmentSource.PUBLIC)
            request.session[SESSION_KEY] = appointment.pk
            return redirect("booking-done")
        else:
            status = 422
    return render(request, "cases/booking.html", {"form": form}, status=status)


@never_cache
def booking_done(request):
    pk = request.session.get(SESSION_KEY)
    appointment = (
        Appointment.objects.select_related("centre", "life_situation").filter(pk=pk).first()
        if pk
        else None
    )
    # The confirmation reads the time on the centre's clock, not the server's.
    zone = ZoneInfo(appointment.centre.timezone) if appointment else None
    with timezone.override(zone):
        return render(
            request,
            "cases/booking_done.html",
            {
                "appointment": appointment,
                "working_days": working_days_text(appointment.centre) if appointment else "",
            },
        )
