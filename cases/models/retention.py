"""Retention checks (контроль закрепляемости): after the employment is recorded, the centre
checks that the citizen still works, after the months its route names (editors keep them on the
route, «1, 3, 6, 12» by default); each check has its outcome and a note, and the case closes
after the last one, or earlier with a reason."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.choices import RetentionOutcome


class RetentionCheck(models.Model):
    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("случай"),
        on_delete=models.CASCADE,
        related_name="retention_checks",
    )
    months = models.PositiveSmallIntegerField(_("через сколько месяцев"))
    due_on = models.DateField(_("срок проверки"), db_index=True)
    outcome = models.CharField(
        _("результат"), max_length=20, choices=RetentionOutcome.choices, blank=True
    )
    checked_on = models.DateField(_("дата проверки"), null=True, blank=True)
    left_reason = models.CharField(_("причина увольнения"), max_length=255, blank=True)
    note = models.TextField(_("комментарий"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("записал(а)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("записано"), null=True, blank=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["case", "months"]
        verbose_name = _("проверка закрепляемости")
        verbose_name_plural = _("проверки закрепляемости")
        constraints = [
            models.UniqueConstraint(fields=["case", "months"], name="one_check_per_month")
        ]
        indexes = [models.Index(fields=["outcome", "due_on"], name="retention_due_idx")]
        permissions = [("view_retention_report", _("Может смотреть отчёт о закрепляемости"))]

    def __str__(self):
        return f"Проверка через {self.months} мес."

    def get_additional_data(self):
        """Stored with each change-log entry: whose record and its version."""
        return {"citizen": self.case.citizen_id, "case": self.case_id, "version": self.version}

    @property
    def is_done(self):
        return bool(self.outcome)

    @property
    def title(self):
        return _("через %(n)s мес.") % {"n": self.months}
