"""The measures an IPRA assigns to the employment service (with their execution), and the reports
of execution sent back."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.choices import MeasureOutcome, ReportMethod
from cases.models.base import centre_field


class IpraMeasure(models.Model):
    """A measure the IPRA assigns to the employment service: its period, its executor, and
    whether it was carried out (the execution report reads these)."""

    ipra = models.ForeignKey("cases.Ipra", on_delete=models.CASCADE, related_name="measures")
    name = models.CharField(_("мероприятие"), max_length=255)
    measure = models.ForeignKey(
        "content.RehabilitationMeasure",
        verbose_name=_("мероприятие по справочнику"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,  # the registry's measure filter goes through the IPRA's own measures
    )
    starts_on = models.DateField(_("дата начала"), null=True, blank=True)
    ends_on = models.DateField(_("дата окончания"), null=True, blank=True)
    executor = models.CharField(_("исполнитель"), max_length=255, blank=True)
    outcome = models.CharField(
        _("исполнение"), max_length=10, choices=MeasureOutcome, default=MeasureOutcome.PENDING
    )
    executed_on = models.DateField(_("дата исполнения"), null=True, blank=True)
    result = models.TextField(_("результат"), blank=True)
    reason = models.TextField(_("причина неисполнения"), blank=True)
    plan_item = models.ForeignKey(
        "cases.PlanItem",
        verbose_name=_("пункт плана"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ipra_measures",
    )
    sort_order = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=0, editable=False)  # as Citizen.version

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("мероприятие ИПРА")
        verbose_name_plural = _("мероприятия ИПРА")

    def __str__(self):
        return self.name

    def get_additional_data(self):
        """Stored with each change-log entry: whose record and the measure's version."""
        return {"citizen": self.ipra.citizen_id, "ipra": self.ipra_id, "version": self.version}

    @property
    def service(self):
        """The catalogue's service that carries the measure out (the editors' mapping)."""
        return self.measure.service if self.measure_id and self.measure else None

    @property
    def is_pending(self):
        return self.outcome == MeasureOutcome.PENDING


class IpraReport(models.Model):
    """A report of execution sent to the bureau: for one IPRA, or for the IPRA whose deadline
    falls in a period. Which IPRA it covered: `Ipra.report`."""

    centre = centre_field(related_name="ipra_reports")
    period_from = models.DateField(_("период с"), null=True, blank=True)
    period_to = models.DateField(_("период по"), null=True, blank=True)
    sent_on = models.DateField(_("дата направления"), default=timezone.localdate)
    method = models.CharField(_("способ направления"), max_length=10, choices=ReportMethod)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("направил"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_on", "-pk"]
        verbose_name = _("отчёт об исполнении ИПРА")
        verbose_name_plural = _("отчёты об исполнении ИПРА")

    def __str__(self):
        return f"Отчёт № {self.pk} от {self.sent_on:%d.%m.%Y}"
