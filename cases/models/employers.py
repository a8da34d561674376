"""Employers and their vacancies, kept by each centre (the employer-zone specialist, curators):
an employer's INN is checked by its check digits; a vacancy names the working conditions it
involves from the same vocabulary as the IPRA's contraindications (content.WorkingCondition), so
matching can tell a vacancy the citizen must not take (cases.services.matching)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.choices import VacancyStatus, WorkSchedule
from cases.models.base import CentreScopedQuerySet, centre_field, fold
from cases.validators import validate_inn


class Employer(models.Model):
    centre = centre_field(related_name="employers")
    name = models.CharField(_("наименование"), max_length=255)
    inn = models.CharField(_("ИНН"), max_length=12, validators=[validate_inn])
    contact_person = models.CharField(_("контактное лицо"), max_length=255, blank=True)
    phone = models.CharField(_("телефон"), max_length=40, blank=True)
    email = models.EmailField(_("электронная почта"), blank=True)
    address = models.CharField(_("адрес"), max_length=255, blank=True)
    accessible = models.BooleanField(
        _("рабочие места доступны для маломобильных граждан"), default=False
    )
    accessibility_note = models.TextField(
        _("доступность рабочих мест"),
        blank=True,
        help_text=_("Пандус, лифт, оборудованное место, сопровождение наставником…"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CentreScopedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("работодатель")
        verbose_name_plural = _("работодатели")
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "inn"],
                name="one_employer_per_inn",
                violation_error_message=_("Работодатель с таким ИНН уже есть в центре."),
            )
        ]

    def __str__(self):
        return self.name


class Vacancy(models.Model):
    centre = centre_field(related_name="vacancies")
    employer = models.ForeignKey(
        Employer, verbose_name=_("работодатель"), on_delete=models.PROTECT, related_name="vacancies"
    )
    position = models.CharField(_("должность, профессия"), max_length=255)
    salary_from = models.PositiveIntegerField(_("зарплата от, ₽"), null=True, blank=True)
    salary_to = models.PositiveIntegerField(_("зарплата до, ₽"), null=True, blank=True)
    schedule = models.CharField(
        _("график"), max_length=10, choices=WorkSchedule.choices, default=WorkSchedule.FULL
    )
    place = models.CharField(
        _("место работы"), max_length=255, help_text=_("Населённый пункт, район, адрес.")
    )
    posts = models.PositiveSmallIntegerField(_("количество мест"), default=1)
    posts_free = models.PositiveSmallIntegerField(_("свободных мест"), default=1)
    quota = models.BooleanField(_("в счёт квоты для инвалидов"), default=False)
    special_workplace = models.BooleanField(_("специальное рабочее место"), default=False)
    working_conditions = models.ManyToManyField(
        "content.WorkingCondition",
        verbose_name=_("условия труда"),
        blank=True,
        related_name="vacancies",
        help_text=_("Из того же перечня, что противопоказания ИПРА."),
    )
    requirements = models.TextField(_("требования и пояснения"), blank=True)
    status = models.CharField(
        _("состояние"),
        max_length=10,
        choices=VacancyStatus.choices,
        default=VacancyStatus.OPEN,
        db_index=True,
    )
    external_id = models.CharField(
        _("номер на «Работе в России»"), max_length=64, blank=True, db_index=True
    )
    search_text = models.CharField(max_length=400, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    objects = CentreScopedQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("вакансия")
        verbose_name_plural = _("вакансии")
        indexes = [models.Index(fields=["centre", "status"], name="vacancy_open_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(posts_free__lte=models.F("posts")),
                name="vacancy_free_posts_within_posts",
            )
        ]
        permissions = [("import_vacancy", _("Может загружать вакансии из файла"))]

    def __str__(self):
        return f"{self.position} — {self.employer}"

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.position} {self.place}")[:400]
        super().save(*args, **kwargs)

    def sync_status(self):
        """An open vacancy without free posts is filled; a filled one with a post free again
        (a post added, a hire undone) opens; a closed one stays closed."""
        if self.status == VacancyStatus.OPEN and self.posts_free == 0:
            self.status = VacancyStatus.FILLED
        elif self.status == VacancyStatus.FILLED and self.posts_free > 0:
            self.status = VacancyStatus.OPEN

    @property
    def salary(self):
        low, high = self.salary_from, self.salary_to
        if low and high:
            return f"{low:,}–{high:,} ₽".replace(",", " ")
        if low or high:
            return (_("от %s ₽") if low else _("до %s ₽")) % f"{low or high:,}".replace(",", " ")
        return ""
