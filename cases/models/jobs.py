"""Job referrals (направление на работу) and the employment they lead to.

A job referral sends the citizen to a vacancy with a deadline for the employer's answer; the
employer-zone specialist records the answer (hired, refused with a reason, did not come). The
employment (трудоустройство) records employer, position, date, adapted workplace and through
which referral it came (or that the citizen found the work alone); the case's transition to
"employed" requires it (cases.services.employment)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.choices import JobReferralStatus


class JobReferral(models.Model):
    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("случай"),
        on_delete=models.CASCADE,
        related_name="job_referrals",
    )
    vacancy = models.ForeignKey(
        "cases.Vacancy",
        verbose_name=_("вакансия"),
        on_delete=models.PROTECT,
        related_name="job_referrals",
    )
    issued_on = models.DateField(_("дата выдачи"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("выдал(а)"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answer_due = models.DateField(_("срок ответа работодателя"))
    # A vacancy that conflicts with the IPRA's contraindications needs a stated reason.
    contraindication_note = models.TextField(
        _("почему направлен вопреки противопоказаниям"), blank=True
    )
    status = models.CharField(
        _("ответ работодателя"),
        max_length=10,
        choices=JobReferralStatus.choices,
        default=JobReferralStatus.ISSUED,
        db_index=True,
    )
    answered_on = models.DateField(_("дата ответа"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ответ записал(а)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    refusal_reason = models.TextField(_("причина отказа"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("направление на работу")
        verbose_name_plural = _("направления на работу")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "vacancy"],
                condition=models.Q(status="issued"),
                name="one_waiting_job_referral_per_vacancy",
                violation_error_message=_("На эту вакансию гражданин уже направлен."),
            )
        ]
        indexes = [models.Index(fields=["status", "answer_due"], name="jobref_due_idx")]
        permissions = [
            ("answer_jobreferral", _("Может записывать ответ работодателя")),
            ("view_employment_report", _("Может смотреть отчёты о направлениях")),
        ]

    def __str__(self):
        return f"Направление на работу № {self.pk}"

    def get_additional_data(self):
        return {"citizen": self.case.citizen_id, "case": self.case_id, "version": self.version}

    @property
    def number(self):
        return f"{self.issued_on:%Y}-{self.pk:05d}" if self.pk else "—"

    @property
    def is_waiting(self):
        return self.status == JobReferralStatus.ISSUED


class Employment(models.Model):
    case = models.OneToOneField(
        "cases.Case",
        verbose_name=_("случай"),
        on_delete=models.CASCADE,
        related_name="employment",
    )
    employer = models.ForeignKey(
        "cases.Employer",
        verbose_name=_("работодатель"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="employments",
    )
    employer_name = models.CharField(_("работодатель (наименование)"), max_length=255)
    position = models.CharField(_("должность"), max_length=255)
    started_on = models.DateField(_("дата трудоустройства"))
    adapted_workplace = models.BooleanField(
        _("оборудованное (специальное) рабочее место"), default=False
    )
    job_referral = models.OneToOneField(
        JobReferral,
        verbose_name=_("по направлению"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="employment",
    )
    self_found = models.BooleanField(_("нашёл работу самостоятельно"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("записал(а)"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("записано"), auto_now_add=True)

    class Meta:
        verbose_name = _("трудоустройство")
        verbose_name_plural = _("трудоустройства")
        indexes = [models.Index(fields=["started_on"], name="employment_started_idx")]

    def __str__(self):
        return f"{self.position}, {self.employer_name}"

    def get_additional_data(self):
        return {"citizen": self.case.citizen_id, "case": self.case_id}
