"""Consultation bookings and their status."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from cases.choices import AppointmentStatus
from cases.models import Appointment
from cases.services.notices.planning import cancel_waiting, plan_appointment_reminder


def book_appointment(data, source, staff=None, citizen=None, case=None):
    """Save a booking validated by a BookingForm (public or staff)."""
    with transaction.atomic():
        appointment = Appointment.objects.create(
            centre=data["centre"],
            starts_at=data["starts_at"],
            name=data["name"],
            phone=data["phone"],
            life_situation=data.get("life_situation"),
            needs_assistance=data.get("needs_assistance", False),
            sms_consent=data.get("sms_consent", False),
            comment=data.get("comment", ""),
            source=source,
            staff=staff,
            citizen=citizen,
            case=case,
        )
        log(
            appointment,
            "marshrut.appointment.change",
            user=staff,
            title=f"Запись № {appointment.pk}",
            data={"source": source},
        )
        plan_appointment_reminder(appointment)
    return appointment


def set_appointment_status(user, appointment, status):
    if status not in AppointmentStatus.values:
        raise ValidationError({"status": _("Неизвестный статус записи.")})
    with transaction.atomic():
        appointment.status = status
        appointment.save(update_fields=["status"])
        log(
            appointment,
            "marshrut.appointment.change",
            user=user,
            title=f"Запись № {appointment.pk}",
            data={"status": status},
        )
        if status != AppointmentStatus.BOOKED:
            cancel_waiting(_("Запись отменена или уже состоялась."), appointment=appointment)
    return appointment
