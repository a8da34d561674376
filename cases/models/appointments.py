"""Consultation bookings: the appointments journal."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.choices import AppointmentSource, AppointmentStatus
from cases.models.base import CentreScopedQuerySet, centre_field
from cases.validators import validate_phone


class Appointment(models.Model):
    """A consultation slot: booked by a citizen on the public site or entered by staff."""

    centre = centre_field(related_name="appointments")
    starts_at = models.DateTimeField(_("дата и время"))
    duration_minutes = models.PositiveSmallIntegerField(_("длительность, мин"), default=30)
    name = models.CharField(_("как к вам обращаться"), max_length=200)
    phone = models.CharField(_("телефон"), max_length=30, validators=[validate_phone])
    life_situation = models.ForeignKey(
        "content.LifeSituationPage",
        verbose_name=_("жизненная ситуация"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    needs_assistance = models.BooleanField(_("нужна помощь при посещении"), default=False)
    comment = models.TextField(_("комментарий"), blank=True)
    # The visitor's own consent, given with the booking, to an SMS reminder the day before.
    sms_consent = models.BooleanField(_("напомнить по СМС за день до приёма"), default=False)
    citizen = models.ForeignKey(
        "cases.Citizen",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appointments",
    )
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="appointments"
    )
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("специалист"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appointments",
    )
    source = models.CharField(
        _("источник"), max_length=10, choices=AppointmentSource, default=AppointmentSource.STAFF
    )
    status = models.CharField(
        _("статус"), max_length=10, choices=AppointmentStatus, default=AppointmentStatus.BOOKED
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CentreScopedQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("запись на приём")
        verbose_name_plural = _("журнал записи")
        indexes = [models.Index(fields=["centre", "starts_at"], name="appointment_day_idx")]

    def __str__(self):
        return f"{self.starts_at:%d.%m.%Y %H:%M} — {self.name}"

    def get_additional_data(self):
        """Stored with each change-log entry (django-auditlog): whose record, if known."""
        return {"citizen": self.citizen_id, "case": self.case_id}
