"""Notices to citizens and staff (reminders, results, invitations) and their delivery log.

A notice is planned with the moment it may go (`send_after`: never in the night of the centre's
time zone) and a key naming its reason (`key`, unique): planning the same reminder twice finds
the notice already there, and the key goes to the SMS gateway as its idempotency key, so a
worker that dies between the gateway's answer and the database's commit cannot make the citizen
receive it twice. A worker takes a notice by a conditional UPDATE (planned or retry → sending):
of two workers, one gets it. Sending and its outcome: cases.services.notices.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.choices import NoticeChannel, NoticeKind, NoticeStatus
from cases.models.base import CentreScopedQuerySet, centre_field


class Notice(models.Model):
    centre = centre_field(related_name="notices")
    kind = models.CharField(_("уведомление"), max_length=20, choices=NoticeKind.choices)
    channel = models.CharField(_("канал"), max_length=10, choices=NoticeChannel.choices)
    key = models.CharField(_("ключ идемпотентности"), max_length=120, unique=True)
    # Whose notice it is: the citizen (and the case, for the delivery log on the case page) or
    # a member of staff (deadline reminders).
    citizen = models.ForeignKey(
        "cases.Citizen", null=True, blank=True, on_delete=models.CASCADE, related_name="notices"
    )
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.CASCADE, related_name="notices"
    )
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notices",
    )
    # What it is about: checked again just before sending (a cancelled appointment or a check
    # already held sends nothing).
    appointment = models.ForeignKey(
        "cases.Appointment",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notices",
    )
    plan_item = models.ForeignKey(
        "cases.PlanItem", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    retention_check = models.ForeignKey(
        "cases.RetentionCheck", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    for_date = models.DateField(_("на дату"), null=True, blank=True)  # staff reminders' day
    recipient = models.CharField(_("адресат"), max_length=254, blank=True)
    text = models.TextField(_("текст"), blank=True)  # as sent
    status = models.CharField(
        _("статус"), max_length=10, choices=NoticeStatus.choices, default=NoticeStatus.PLANNED
    )
    send_after = models.DateTimeField(_("отправить не раньше"))
    attempts = models.PositiveSmallIntegerField(_("попыток"), default=0)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    task_id = models.CharField(max_length=64, blank=True, editable=False)  # its worker task
    sent_at = models.DateTimeField(_("отправлено"), null=True, blank=True)
    # Why a notice failed or was cancelled: a plain message, never the gateway's answer (which
    # may quote the number or the text).
    reason = models.CharField(_("причина"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CentreScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-send_after", "-pk"]
        verbose_name = _("уведомление")
        verbose_name_plural = _("уведомления")
        indexes = [models.Index(fields=["status", "send_after"], name="notice_due_idx")]

    def __str__(self):
        return f"{self.get_kind_display()} № {self.pk}"

    def get_additional_data(self):
        """Stored with each change-log entry: whose notice."""
        return {"citizen": self.citizen_id, "case": self.case_id}

    @property
    def is_planned(self):
        return self.status == NoticeStatus.PLANNED

    @property
    def recipient_masked(self):
        """«+7 *** ***-45-67», «i***@mail.ru»: enough to tell which contact, not the contact."""
        value = self.recipient
        if not value:
            return "—"
        if self.channel == NoticeChannel.SMS:
            digits = "".join(c for c in value if c.isdigit())
            return f"*** ***-{digits[-4:-2]}-{digits[-2:]}" if len(digits) >= 4 else "***"
        name, _at, domain = value.partition("@")
        return f"{name[:1]}***@{domain}" if domain else "***"
