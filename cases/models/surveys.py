"""Survey invitations of a case (the answers themselves stay anonymous in content)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.choices import InvitationDelivery


def _invitation_token():
    return secrets.token_urlsafe(24)


class SurveyInvitation(models.Model):
    """A survey offered to the citizen of a case: after a transition configured in the route,
    or asked by phone. It records only that the citizen was asked and whether they answered:
    the answers themselves (content.SurveySubmission) stay anonymous and are not linked here."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="survey_invitations"
    )
    survey = models.ForeignKey(
        "content.SurveyPage", verbose_name=_("опрос"), on_delete=models.CASCADE, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    transition = models.CharField(_("после перехода"), max_length=40, blank=True)
    delivery = models.CharField(_("как передано"), max_length=10, choices=InvitationDelivery)
    delivered_at = models.DateTimeField(_("письмо отправлено"), null=True, blank=True)
    delivery_failed = models.BooleanField(_("письмо не удалось отправить"), default=False)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("ответ получен"), null=True, blank=True)
    answered_by_phone = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("опрос провёл"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("приглашение в опрос")
        verbose_name_plural = _("приглашения в опросы")

    def __str__(self):
        return f"{self.survey} — {self.created_at:%d.%m.%Y}"

    @property
    def sent_by_email(self):
        return self.delivery == InvitationDelivery.EMAIL

    @property
    def answered(self):
        return self.answered_at is not None
