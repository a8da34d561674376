"""Citizens: the people a centre serves, with their consent and contacts."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cases.choices import ContactChannel, DisabilityGroup
from cases.models.base import CentreScopedQuerySet, PersonMixin, centre_field, fold
from cases.validators import snils_digits, validate_phone, validate_snils

# Unique per centre, not across centres: the same person may be served by several centres, each
# with its own record, and one centre never learns of another's (docs/security.md, "Citizens
# across centres"). The message is the same whoever else holds the SNILS.
SNILS_TAKEN = _("Гражданин с таким СНИЛС уже зарегистрирован в этом центре.")


def years_text(age):
    """An age with its Russian plural (three forms in the ru catalogue): «21 год», «34 года»."""
    return ngettext("%(n)s год", "%(n)s лет", age) % {"n": age}


class Citizen(PersonMixin, models.Model):
    DISABILITY_GROUPS = [("", _("нет")), *DisabilityGroup.choices]
    LANGUAGES = [("ru", _("русский")), ("tt", _("татарский")), ("en", _("английский"))]

    centre = centre_field(related_name="citizens")
    last_name = models.CharField(_("фамилия"), max_length=100)
    first_name = models.CharField(_("имя"), max_length=100)
    patronymic = models.CharField(_("отчество"), max_length=100, blank=True)
    birth_date = models.DateField(_("дата рождения"))
    snils = models.CharField(
        _("СНИЛС"),
        max_length=11,
        validators=[validate_snils],
    )
    phone = models.CharField(_("телефон"), max_length=30, blank=True, validators=[validate_phone])
    phone_extra = models.CharField(
        _("дополнительный телефон"), max_length=30, blank=True, validators=[validate_phone]
    )
    email = models.EmailField(_("электронная почта"), blank=True)
    address = models.CharField(_("адрес регистрации"), max_length=255, blank=True)
    disability_group = models.CharField(
        _("группа инвалидности"), max_length=1, choices=DISABILITY_GROUPS, blank=True
    )
    preferred_channel = models.CharField(
        _("удобный способ связи"),
        max_length=10,
        choices=ContactChannel,
        default=ContactChannel.VISIT,
    )
    preferred_language = models.CharField(
        _("язык общения"), max_length=2, choices=LANGUAGES, default="ru"
    )
    consent_given = models.BooleanField(_("согласие на обработку персональных данных"))
    consent_date = models.DateField(_("дата согласия"), null=True, blank=True)
    # Consent to notices per channel (reminders, results, invitations; cases.services.notices):
    # nothing is sent by a channel the citizen has not agreed to.
    sms_consent = models.BooleanField(_("согласие на СМС-уведомления"), default=False)
    email_consent = models.BooleanField(
        _("согласие на уведомления по электронной почте"), default=False
    )
    search_text = models.CharField(max_length=400, editable=False, db_index=True)
    # Set when the personal data were erased after the retention period (cases.services.erasure).
    erased_at = models.DateTimeField(_("данные удалены"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Raised by every save through cases.services (a conditional UPDATE): an edit made on an
    # older version is refused instead of overwriting a colleague's (docs/security.md).
    version = models.PositiveIntegerField(default=0, editable=False)

    objects = CentreScopedQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name", "patronymic"]
        verbose_name = _("гражданин")
        verbose_name_plural = _("граждане")
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "snils"],
                condition=~models.Q(snils=""),  # erased records keep no SNILS
                name="unique_snils_per_centre",
                violation_error_message=SNILS_TAKEN,
            )
        ]
        permissions = [
            ("view_snils", _("Может видеть СНИЛС полностью")),
            ("export_registry", _("Может выгружать реестр получателей")),
        ]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.snils = snils_digits(self.snils)
        self.search_text = fold(f"{self.full_name} {self.snils}")
        super().save(*args, **kwargs)

    def get_additional_data(self):
        """Stored with each change-log entry (django-auditlog): whose record and its version."""
        return {"citizen": self.pk, "version": self.version}

    @property
    def age(self):
        today = timezone.localdate()
        b = self.birth_date
        return today.year - b.year - ((today.month, today.day) < (b.month, b.day))

    @property
    def age_display(self):
        """«34 года», «21 год», «45 лет»."""
        return years_text(self.age)

    def clean(self):
        self.snils = snils_digits(self.snils)
        errors = {}
        if self.birth_date:
            today = timezone.localdate()
            if self.birth_date > today:
                errors["birth_date"] = _("Дата рождения не может быть в будущем.")
            elif self.birth_date < datetime.date(1900, 1, 1):
                errors["birth_date"] = _("Проверьте год рождения.")
        if not self.consent_given:
            errors["consent_given"] = _(
                "Без согласия на обработку персональных данных гражданина нельзя зарегистрировать."
            )
        elif not self.consent_date:
            self.consent_date = timezone.localdate()
        if self.sms_consent and not self.phone:
            errors["phone"] = _("Для СМС-уведомлений укажите телефон.")
        if self.email_consent and not self.email:
            errors["email"] = _("Для уведомлений по электронной почте укажите адрес.")
        if self.snils and self.centre_id and self.snils_taken():
            errors["snils"] = SNILS_TAKEN
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude=None):
        """The per-centre SNILS uniqueness (the only constraint) is reported on the SNILS field,
        also when a colleague saved the same SNILS between clean() and this check."""
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError:
            raise ValidationError({"snils": SNILS_TAKEN}) from None

    def snils_taken(self):
        """Another record of this centre has the SNILS (other centres' records are not asked)."""
        same = Citizen.objects.filter(centre_id=self.centre_id, snils=self.snils)
        return same.exclude(pk=self.pk).exists()
