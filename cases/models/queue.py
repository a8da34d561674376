"""The hall queue (электронная очередь): tickets issued by the hall administrator, called by
specialists, shown by number on the hall board.

A ticket's number restarts each day in the centre's time zone: `day` is the centre's local date
and `seq` counts within it. A redirect («перенаправление талона») keeps the number: the ticket
ends as `redirected` and a new row with the same `seq` (`redirected_from` naming the previous
one) waits for the other specialist or role; the chain is the ticket's history.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cases.choices import QueuePurpose, TicketState
from cases.models.base import CentreScopedQuerySet, centre_field


class QueueTicket(models.Model):
    centre = centre_field("queue_tickets")
    day = models.DateField(_("день"))
    seq = models.PositiveIntegerField(_("порядковый номер"))
    purpose = models.CharField(_("цель обращения"), max_length=20, choices=QueuePurpose.choices)
    disability = models.BooleanField(_("инвалидность"), default=False)
    with_companion = models.BooleanField(_("с сопровождающим"), default=False)
    priority = models.BooleanField(_("приоритет"), default=False, editable=False)
    separate_window = models.BooleanField(_("отдельное окно"), default=False)
    state = models.CharField(
        _("состояние"), max_length=20, choices=TicketState.choices, default=TicketState.WAITING
    )
    addressee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("к специалисту"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    addressee_role = models.ForeignKey(
        "content.Role",
        verbose_name=_("к роли"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("выдал(а)"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    queued_at = models.DateTimeField(_("в очереди с"))
    called_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("вызвал(а)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    called_at = models.DateTimeField(_("вызван"), null=True, blank=True)
    window = models.CharField(_("окно, кабинет"), max_length=20, blank=True)
    served_started_at = models.DateTimeField(_("начало обслуживания"), null=True, blank=True)
    served_ended_at = models.DateTimeField(_("конец обслуживания"), null=True, blank=True)
    redirected_from = models.OneToOneField(
        "self",
        verbose_name=_("перенаправлен из"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="redirected_to",
    )
    comment = models.CharField(_("комментарий"), max_length=255, blank=True)
    citizen = models.ForeignKey(
        "cases.Citizen",
        verbose_name=_("гражданин"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="queue_tickets",
    )
    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("случай"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="queue_tickets",
    )

    objects = CentreScopedQuerySet.as_manager()

    class Meta:
        ordering = ["day", "seq", "queued_at"]
        verbose_name = _("талон электронной очереди")
        verbose_name_plural = _("электронная очередь")
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "day", "seq"],
                condition=Q(redirected_from__isnull=True),
                name="one_ticket_number_per_centre_day",
            )
        ]
        indexes = [models.Index(fields=["centre", "day", "state"], name="queue_day_state_idx")]
        permissions = [
            ("issue_ticket", _("Может выдавать талоны электронной очереди")),
            ("call_ticket", _("Может вызывать талоны электронной очереди")),
            ("view_queue_board", _("Может открывать табло электронной очереди")),
            ("view_queue_report", _("Может смотреть отчёт электронной очереди")),
        ]

    def __str__(self):
        return self.number

    def save(self, *args, **kwargs):
        self.priority = self.disability or self.with_companion
        super().save(*args, **kwargs)

    @property
    def number(self):
        return f"{QueuePurpose.letter(self.purpose)}-{self.seq:03d}"

    @property
    def is_called(self):
        """Called to a window, not yet served: the specialist may start or mark a no-show."""
        return self.state == TicketState.CALLED

    def get_additional_data(self):
        """Stored with each change-log entry: whose record, if known."""
        return {"citizen": self.citizen_id, "case": self.case_id}
