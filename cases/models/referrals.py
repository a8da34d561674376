"""Referrals to partners (направление к партнёру): the centre sends a citizen to a partner such
as ЦРИ «Изгелек» with the signed offer and a document package; the partner returns a conclusion
whose recommendations may become plan items. All referred citizens are kept in the journal of
referred citizens (cases.services.referrals.journal_rows)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.choices import OfferAnswer, ReferralStatus


class Referral(models.Model):
    case = models.ForeignKey(
        "cases.Case", verbose_name=_("случай"), on_delete=models.CASCADE, related_name="referrals"
    )
    plan_item = models.ForeignKey(
        "cases.PlanItem",
        verbose_name=_("пункт плана"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals",
    )
    partner = models.ForeignKey(
        "content.Partner",
        verbose_name=_("партнёр"),
        on_delete=models.PROTECT,
        related_name="referrals",
    )
    reason = models.TextField(_("основание направления"))
    # The partner's documents as they were when the referral was drafted, and those collected.
    documents_required = models.JSONField(_("пакет документов"), default=list, blank=True)
    documents_collected = models.JSONField(_("собранные документы"), default=list, blank=True)
    offer_answer = models.CharField(
        _("ответ на предложение"), max_length=10, choices=OfferAnswer.choices, blank=True
    )
    offer_on = models.DateField(_("дата предложения"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("предложение выдал(а)"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("состояние"),
        max_length=10,
        choices=ReferralStatus.choices,
        default=ReferralStatus.DRAFT,
        db_index=True,
    )
    sent_on = models.DateField(_("дата направления"), null=True, blank=True)
    conclusion_due = models.DateField(_("срок заключения"), null=True, blank=True)
    conclusion_on = models.DateField(_("дата заключения"), null=True, blank=True)
    partner_specialist = models.CharField(
        _("специалист партнёра (должность, Ф.И.О.)"), max_length=255, blank=True
    )
    recommendations = models.TextField(_("рекомендации"), blank=True)
    acknowledged = models.BooleanField(_("гражданин ознакомлен с заключением"), default=False)
    closing_reason = models.TextField(_("причина отказа или истечения"), blank=True)
    closed_on = models.DateField(_("закрыто"), null=True, blank=True)
    planned_at = models.DateTimeField(
        _("рекомендации внесены в план"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-offer_on", "-pk"]
        verbose_name = _("направление к партнёру")
        verbose_name_plural = _("направления к партнёрам")
        indexes = [
            models.Index(fields=["partner", "offer_on"], name="referral_journal_idx"),
            models.Index(fields=["status", "conclusion_due"], name="referral_due_idx"),
        ]

    def __str__(self):
        return f"Направление № {self.pk}"

    def get_additional_data(self):
        """Stored with each change-log entry: whose record and its version."""
        return {"citizen": self.case.citizen_id, "case": self.case_id, "version": self.version}

    @property
    def is_draft(self):
        return self.status == ReferralStatus.DRAFT

    @property
    def is_sent(self):
        return self.status == ReferralStatus.SENT

    @property
    def is_concluded(self):
        return self.status == ReferralStatus.CONCLUDED

    @property
    def citizen_agrees(self):
        return self.offer_answer == OfferAnswer.AGREES

    @property
    def citizen_disagrees(self):
        return self.offer_answer == OfferAnswer.DISAGREES

    @property
    def is_open(self):
        return self.status in ReferralStatus.open()

    @property
    def documents_missing(self):
        return [d for d in self.documents_required if d not in self.documents_collected]
