"""The reception screen (экран приёма): what the centre records of a citizen when they apply —
identity document, dependents, relation to employment, education, last job, length of service,
special and regional categories, the dates of the documents and of recognition as unemployed —
and the curator's profiling. One record a case (an application); the citizen's own card keeps
the name, SNILS, address and phones.

The rules between fields (a basis of non-employment only for a citizen who does not work, the
last job's date before today, recognition not before the documents were received …) live in
`clean()`, so the form, the services and the admin refuse the same things with the same words.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.choices import (
    Education,
    EmploymentRelation,
    IdentityDocument,
    NonEmploymentBasis,
    ProfilingOutcome,
)


class ReceptionRecord(models.Model):
    case = models.OneToOneField(
        "cases.Case", verbose_name=_("случай"), on_delete=models.CASCADE, related_name="reception"
    )
    # Identity document (удостоверение личности)
    document_kind = models.CharField(
        _("документ, удостоверяющий личность"),
        max_length=20,
        choices=IdentityDocument.choices,
        default=IdentityDocument.PASSPORT,
    )
    document_series = models.CharField(_("серия"), max_length=10, blank=True)
    document_number = models.CharField(_("номер"), max_length=20, blank=True)
    document_issued_by = models.CharField(_("кем выдан"), max_length=255, blank=True)
    document_issued_on = models.DateField(_("дата выдачи"), null=True, blank=True)
    # Household and employment
    dependents = models.PositiveSmallIntegerField(
        _("лиц на содержании"), default=0, validators=[MaxValueValidator(20)]
    )
    dependents_note = models.CharField(
        _("кто на содержании"),
        max_length=255,
        blank=True,
        help_text=_("Например: двое детей 7 и 12 лет."),
    )
    employment_relation = models.CharField(
        _("отношение к занятости"),
        max_length=20,
        choices=EmploymentRelation.choices,
        default=EmploymentRelation.NOT_EMPLOYED,
    )
    non_employment_basis = models.CharField(
        _("основание незанятости"),
        max_length=20,
        choices=NonEmploymentBasis.choices,
        blank=True,
    )
    education = models.CharField(
        _("образование"), max_length=20, choices=Education.choices, blank=True
    )
    # Last place of work (study, service)
    last_job_ended_on = models.DateField(_("дата увольнения"), null=True, blank=True)
    last_job_reason = models.CharField(
        _("причина увольнения"),
        max_length=255,
        blank=True,
        help_text=_(
            "Как в трудовой книжке, например: п. 3 ч. 1 ст. 77 ТК РФ, по собственному желанию."
        ),
    )
    last_employer = models.CharField(_("работодатель"), max_length=255, blank=True)
    last_position = models.CharField(_("должность"), max_length=255, blank=True)
    # What work the citizen looks for: read by the vacancy matching (cases.services.matching).
    desired_positions = models.CharField(
        _("желаемые должности, профессии"),
        max_length=255,
        blank=True,
        help_text=_("Через запятую, например: бухгалтер, оператор ЭВМ."),
    )
    desired_place = models.CharField(
        _("где хочет работать"),
        max_length=255,
        blank=True,
        help_text=_("Населённый пункт или район."),
    )
    service_months = models.PositiveSmallIntegerField(
        _("стаж за 12 месяцев: месяцев"), default=0, validators=[MaxValueValidator(12)]
    )
    service_days = models.PositiveSmallIntegerField(
        _("стаж за 12 месяцев: дней"), default=0, validators=[MaxValueValidator(30)]
    )
    categories = models.ManyToManyField(
        "content.ApplicantCategory",
        verbose_name=_("категории"),
        blank=True,
        related_name="+",
    )
    documents_received_on = models.DateField(_("комплект документов с"), null=True, blank=True)
    unemployed_since = models.DateField(_("признан безработным с"), null=True, blank=True)
    unemployed_order_on = models.DateField(_("приказ от"), null=True, blank=True)
    # The curator's profiling
    profiling_outcome = models.CharField(
        _("результат профилирования"),
        max_length=20,
        choices=ProfilingOutcome.choices,
        blank=True,
    )
    profiling_note = models.TextField(_("комментарий к профилированию"), blank=True)
    profiled_on = models.DateField(_("дата профилирования"), null=True, blank=True, editable=False)
    profiled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("профилирование провёл(а)"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Raised by every save through cases.services.versions.claim_version: no lost edits.
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("экран приёма")
        verbose_name_plural = _("экраны приёма")
        permissions = [("record_profiling", _("Может записывать результат профилирования"))]

    def __str__(self):
        return f"Экран приёма случая № {self.case_id}"

    def get_additional_data(self):
        """Stored with each change-log entry: whose record and its version."""
        return {"citizen": self.case.citizen_id, "case": self.case_id, "version": self.version}

    @property
    def service_display(self):
        """«6 мес. 3 дн.» as the seed writes «6/3»."""
        return f"{self.service_months} мес. {self.service_days} дн."

    def clean(self):
        super().clean()
        errors = {}
        today = timezone.localdate()
        birth = self.case.citizen.birth_date if self.case_id else None
        for name in (
            "document_issued_on",
            "last_job_ended_on",
            "documents_received_on",
            "unemployed_since",
            "unemployed_order_on",
        ):
            value = getattr(self, name)
            if value and value > today:
                errors[name] = _("Дата не может быть позже сегодняшней.")
            elif value and birth and value < birth:
                errors[name] = _("Дата раньше даты рождения гражданина.")
        passport = self.document_kind == IdentityDocument.PASSPORT
        if passport and self.document_series and not _digits(self.document_series, 4):
            errors["document_series"] = _("Серия паспорта РФ — 4 цифры, например 92 15.")
        if passport and self.document_number and not _digits(self.document_number, 6):
            errors["document_number"] = _("Номер паспорта РФ — 6 цифр.")
        if (
            self.document_number
            and not self.document_issued_on
            and "document_issued_on" not in errors
        ):
            errors["document_issued_on"] = _("Укажите дату выдачи документа.")
        not_working = self.employment_relation == EmploymentRelation.NOT_EMPLOYED
        if not_working and not self.non_employment_basis:
            errors["non_employment_basis"] = _("Для незанятого гражданина укажите основание.")
        if not not_working and self.non_employment_basis:
            errors["non_employment_basis"] = _(
                "Основание незанятости указывают только для незанятого гражданина."
            )
        job = (self.last_job_reason, self.last_employer, self.last_position)
        if any(job) and not self.last_job_ended_on and "last_job_ended_on" not in errors:
            errors["last_job_ended_on"] = _("Укажите дату увольнения с последнего места работы.")
        if self.last_job_ended_on and not self.last_employer:
            errors["last_employer"] = _("Укажите последнего работодателя.")
        if self.service_months == 12 and self.service_days:
            errors["service_days"] = _("Стаж за 12 месяцев не может быть больше 12 месяцев.")
        received, since, order = (
            self.documents_received_on,
            self.unemployed_since,
            self.unemployed_order_on,
        )
        if since and not received and "documents_received_on" not in errors:
            errors["documents_received_on"] = _(
                "Безработным признают по комплекту документов: укажите дату его приёма."
            )
        if since and received and since < received and "unemployed_since" not in errors:
            errors["unemployed_since"] = _(
                "Признать безработным можно не раньше, чем приняты документы (%(date)s)."
            ) % {"date": received.strftime("%d.%m.%Y")}
        if order and not since:
            errors["unemployed_since"] = _("Укажите, с какой даты гражданин признан безработным.")
        if order and since and order < since and "unemployed_order_on" not in errors:
            errors["unemployed_order_on"] = _("Приказ не может быть раньше даты признания.")
        if since and not not_working and "unemployed_since" not in errors:
            errors["unemployed_since"] = _(
                "Безработным признают только незанятого гражданина: "
                "проверьте отношение к занятости."
            )
        if errors:
            raise ValidationError(errors)


def _digits(value, count):
    digits = value.replace(" ", "")
    return digits.isdigit() and len(digits) == count
