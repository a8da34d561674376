"""Conversation scripts as followed in a case."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ScriptRun(models.Model):
    """A conversation script followed with the citizen: the path taken and how it ended."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="script_runs")
    script = models.ForeignKey(
        "content.Script", verbose_name=_("скрипт"), on_delete=models.PROTECT, related_name="+"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    current_step = models.CharField(max_length=40, blank=True)
    path = models.JSONField(default=list, blank=True)
    outcome = models.CharField(max_length=20, blank=True)
    outcome_note = models.CharField(max_length=255, blank=True)
    suggest_transition = models.CharField(max_length=40, blank=True)
    suggest_service = models.ForeignKey(
        "content.ServicePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("проход по скрипту")
        verbose_name_plural = _("проходы по скриптам")

    def __str__(self):
        return f"{self.script} — {self.started_at:%d.%m.%Y %H:%M}"

    @property
    def finished(self):
        return self.finished_at is not None
