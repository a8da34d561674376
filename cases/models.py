"""Citizens, their cases and routes, plan items, appointments and the transition log."""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import GET_STATE, ConcurrentTransitionMixin, FSMField, transition

from cases import route as r
from cases.validators import format_snils, snils_digits, validate_phone, validate_snils
from content.text import normalise_search_text

# Case-folded text for searching Cyrillic regardless of case on SQLite and PostgreSQL alike
# (SQLite's LOWER() and LIKE fold ASCII only); shared with the public catalogue's search.
fold = normalise_search_text


class CentreScopedQuerySet(models.QuerySet):
    def for_user(self, user):
        """Only the records of the user's own centre; nothing for a user without a centre."""
        if not user.is_authenticated or user.centre_id is None:
            return self.none()
        return self.filter(centre_id=user.centre_id)


class Citizen(models.Model):
    DISABILITY_GROUPS = [
        ("", _("нет")),
        ("1", _("I группа")),
        ("2", _("II группа")),
        ("3", _("III группа")),
    ]
    CHANNELS = [
        ("visit", _("Личный визит")),
        ("phone", _("Телефон")),
        ("sms", _("СМС")),
        ("email", _("Электронная почта")),
        ("portal", _("Портал «Работа в России»")),
    ]
    LANGUAGES = [("ru", _("русский")), ("tt", _("татарский")), ("en", _("английский"))]

    centre = models.ForeignKey(
        "portal.Centre",
        verbose_name=_("центр занятости"),
        on_delete=models.PROTECT,
        related_name="citizens",
    )
    last_name = models.CharField(_("фамилия"), max_length=100)
    first_name = models.CharField(_("имя"), max_length=100)
    patronymic = models.CharField(_("отчество"), max_length=100, blank=True)
    birth_date = models.DateField(_("дата рождения"))
    snils = models.CharField(
        _("СНИЛС"),
        max_length=11,
        unique=True,
        validators=[validate_snils],
        error_messages={"unique": _("Гражданин с таким СНИЛС уже зарегистрирован.")},
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
        _("удобный способ связи"), max_length=10, choices=CHANNELS, default="visit"
    )
    preferred_language = models.CharField(
        _("язык общения"), max_length=2, choices=LANGUAGES, default="ru"
    )
    consent_given = models.BooleanField(_("согласие на обработку персональных данных"))
    consent_date = models.DateField(_("дата согласия"), null=True, blank=True)
    search_text = models.CharField(max_length=400, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CentreScopedQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name", "patronymic"]
        verbose_name = _("гражданин")
        verbose_name_plural = _("граждане")

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.snils = snils_digits(self.snils)
        self.search_text = fold(f"{self.full_name} {self.snils}")
        super().save(*args, **kwargs)

    @property
    def full_name(self):
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)

    @property
    def snils_display(self):
        return format_snils(self.snils)

    @property
    def age(self):
        today = timezone.localdate()
        b = self.birth_date
        return today.year - b.year - ((today.month, today.day) < (b.month, b.day))

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
        if errors:
            raise ValidationError(errors)


class Case(ConcurrentTransitionMixin, models.Model):
    """A citizen's route through the centre in one life situation."""

    citizen = models.ForeignKey(
        Citizen, verbose_name=_("гражданин"), on_delete=models.PROTECT, related_name="cases"
    )
    life_situation = models.ForeignKey(
        "content.LifeSituationPage",
        verbose_name=_("жизненная ситуация"),
        on_delete=models.PROTECT,
        related_name="cases",
    )
    centre = models.ForeignKey(
        "portal.Centre",
        verbose_name=_("центр занятости"),
        on_delete=models.PROTECT,
        related_name="cases",
    )
    curator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("куратор"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="curated_cases",
    )
    state = FSMField(
        _("этап"), default=r.REGISTERED, choices=r.STATES, protected=True, db_index=True
    )
    route_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("версия маршрута"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    state_changed_at = models.DateTimeField(_("этап начат"), default=timezone.now)
    suspended_from = models.CharField(max_length=30, blank=True, editable=False)
    suspension_reason = models.TextField(_("причина приостановки"), blank=True)
    withdrawal_reason = models.TextField(_("причина отказа"), blank=True)
    closing_reason = models.TextField(_("причина закрытия без трудоустройства"), blank=True)
    opened_at = models.DateTimeField(_("открыт"), default=timezone.now)
    closed_at = models.DateTimeField(_("закрыт"), null=True, blank=True)
    plan_agreed_on = models.DateField(_("план согласован"), null=True, blank=True)
    employed_on = models.DateField(_("дата трудоустройства"), null=True, blank=True)
    employer = models.CharField(_("работодатель"), max_length=255, blank=True)
    received_documents = models.JSONField(_("полученные документы"), default=list, blank=True)

    objects = CentreScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("случай")
        verbose_name_plural = _("случаи")
        constraints = [
            models.UniqueConstraint(
                fields=["citizen", "life_situation"],
                condition=Q(state__in=r.OPEN_STATES),
                name="one_open_case_per_situation",
                violation_error_message=_(
                    "У гражданина уже есть открытый случай в этой жизненной ситуации."
                ),
            )
        ]
        indexes = [
            models.Index(fields=["centre", "state", "-opened_at"], name="case_registry_idx"),
            models.Index(fields=["centre", "-opened_at"], name="case_centre_opened_idx"),
            models.Index(fields=["centre", "curator", "state"], name="case_curator_idx"),
        ]
        permissions = [("transition_case", _("Может переводить случай по маршруту"))]

    def __str__(self):
        return f"№ {self.number} — {self.citizen}"

    @property
    def number(self):
        return f"{self.opened_at:%Y}-{self.pk:06d}" if self.pk else "—"

    @property
    def is_open(self):
        return self.state in r.OPEN_STATES

    # --- conditions ----------------------------------------------------------------------------
    def has_plan_items(self):
        return self.plan_items.exclude(status__in=PlanItem.DROPPED).exists()

    def has_curator(self):
        return self.curator_id is not None

    # --- transitions (called through cases.services.run_transition only) ------------------------
    @transition(state, source=r.REGISTERED, target=r.RECEPTION)
    def start_reception(self):
        pass

    @transition(state, source=r.RECEPTION, target=r.CURATOR_ASSIGNED, conditions=[has_curator])
    def assign_curator(self):
        pass

    @transition(state, source=r.CURATOR_ASSIGNED, target=r.PROFILING)
    def start_profiling(self):
        pass

    @transition(
        state,
        source=[r.CURATOR_ASSIGNED, r.PROFILING],
        target=r.PLAN_AGREED,
        conditions=[has_plan_items],
    )
    def agree_plan(self):
        self.plan_agreed_on = timezone.localdate()

    @transition(state, source=r.PLAN_AGREED, target=r.IN_SERVICE)
    def start_services(self):
        pass

    @transition(state, source=[r.PLAN_AGREED, r.IN_SERVICE], target=r.EMPLOYED)
    def record_employment(self):
        self.employed_on = self.employed_on or timezone.localdate()

    @transition(state, source=r.EMPLOYED, target=r.RETENTION_CHECK)
    def start_retention_check(self):
        pass

    @transition(state, source=[r.EMPLOYED, r.RETENTION_CHECK], target=r.CLOSED)
    def close(self):
        self.closed_at = timezone.now()

    @transition(state, source=r.ACTIVE, target=r.SUSPENDED)
    def suspend(self, reason):
        self.suspended_from = self.state
        self.suspension_reason = reason

    @transition(
        state,
        source=r.SUSPENDED,
        target=GET_STATE(lambda case: case.suspended_from, states=list(r.ACTIVE)),
    )
    def resume(self):
        pass

    @transition(state, source=[*r.ACTIVE, r.REGISTERED, r.SUSPENDED], target=r.WITHDRAWN)
    def withdraw(self, reason):
        self.withdrawal_reason = reason
        self.closed_at = timezone.now()

    @transition(state, source=[*r.ACTIVE, r.SUSPENDED], target=r.CLOSED_UNEMPLOYED)
    def close_without_employment(self, reason):
        self.closing_reason = reason
        self.closed_at = timezone.now()


class PlanItem(models.Model):
    """A line of the individual employment plan (индивидуальный план трудоустройства)."""

    PLANNED, IN_PROGRESS, DONE, REFUSED, CANCELLED = (
        "planned",
        "in_progress",
        "done",
        "refused",
        "cancelled",
    )
    STATUSES = [
        (PLANNED, _("Запланировано")),
        (IN_PROGRESS, _("Выполняется")),
        (DONE, _("Выполнено")),
        (REFUSED, _("Отказ гражданина")),
        (CANCELLED, _("Отменено")),
    ]
    DROPPED = (REFUSED, CANCELLED)
    FINISHED = (DONE, REFUSED, CANCELLED)

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="plan_items")
    service = models.ForeignKey(
        "content.ServicePage",
        verbose_name=_("услуга"),
        on_delete=models.PROTECT,
        related_name="plan_items",
    )
    from_life_situation = models.BooleanField(_("из жизненной ситуации"), default=True)
    from_profiling = models.BooleanField(_("по результатам профилирования"), default=False)
    from_ipra = models.BooleanField(_("по ИПРА"), default=False)
    need_determined_on = models.DateField(_("потребность определена"), default=timezone.localdate)
    due_date = models.DateField(_("срок исполнения"))
    status = FSMField(_("статус"), default=PLANNED, choices=STATUSES)
    result = models.TextField(_("результат"), blank=True)
    note = models.TextField(_("примечание"), blank=True)
    reason = models.TextField(_("причина отказа или отмены"), blank=True)
    completed_on = models.DateField(_("выполнено"), null=True, blank=True)
    sort_order = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["sort_order", "due_date", "pk"]
        verbose_name = _("пункт плана")
        verbose_name_plural = _("индивидуальный план")
        indexes = [models.Index(fields=["status", "due_date"], name="planitem_due_idx")]

    def __str__(self):
        return self.service.title

    @property
    def is_overdue(self):
        """Derived, never stored: unfinished and past its due date."""
        return self.status not in self.FINISHED and self.due_date < timezone.localdate()

    def clean(self):
        if self.due_date and self.need_determined_on and self.due_date < self.need_determined_on:
            raise ValidationError(
                {
                    "due_date": _(
                        "Срок исполнения не может быть раньше даты определения потребности."
                    )
                }
            )

    @transition(status, source=PLANNED, target=IN_PROGRESS)
    def start(self):
        pass

    @transition(status, source=[PLANNED, IN_PROGRESS], target=DONE)
    def complete(self, result=""):
        self.result = result or self.result
        self.completed_on = timezone.localdate()

    @transition(status, source=[PLANNED, IN_PROGRESS], target=REFUSED)
    def refuse(self, reason):
        self.reason = reason

    @transition(status, source=[PLANNED, IN_PROGRESS], target=CANCELLED)
    def cancel(self, reason):
        self.reason = reason


class Appointment(models.Model):
    """A consultation slot: booked by a citizen on the public site or entered by staff."""

    PUBLIC, STAFF = "public", "staff"
    SOURCES = [(PUBLIC, _("Запись на сайте")), (STAFF, _("Запись сотрудником"))]
    BOOKED, ATTENDED, NO_SHOW, CANCELLED = "booked", "attended", "no_show", "cancelled"
    STATUSES = [
        (BOOKED, _("Записан")),
        (ATTENDED, _("Пришёл")),
        (NO_SHOW, _("Не пришёл")),
        (CANCELLED, _("Отменена")),
    ]

    centre = models.ForeignKey(
        "portal.Centre",
        verbose_name=_("центр занятости"),
        on_delete=models.PROTECT,
        related_name="appointments",
    )
    starts_at = models.DateTimeField(_("дата и время"))
    duration_minutes = models.PositiveSmallIntegerField(_("длительность, мин"), default=30)
    name = models.CharField(_("как к вам обращаться"), max_length=200)
    phone = models.CharField(_("телефон"), max_length=30, validators=[validate_phone])
    life_situation = models.ForeignKey(
        "content.LifeSituationPage",
        verbose_name=_("жизненная ситуация"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    needs_assistance = models.BooleanField(_("нужна помощь при посещении"), default=False)
    comment = models.TextField(_("комментарий"), blank=True)
    citizen = models.ForeignKey(
        Citizen, null=True, blank=True, on_delete=models.SET_NULL, related_name="appointments"
    )
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="appointments"
    )
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("специалист"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appointments",
    )
    source = models.CharField(_("источник"), max_length=10, choices=SOURCES, default=STAFF)
    status = models.CharField(_("статус"), max_length=10, choices=STATUSES, default=BOOKED)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CentreScopedQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("запись на приём")
        verbose_name_plural = _("журнал записи")
        indexes = [models.Index(fields=["centre", "starts_at"], name="appointment_day_idx")]

    def __str__(self):
        return f"{self.starts_at:%d.%m.%Y %H:%M} — {self.name}"


class TransitionLog(models.Model):
    """Who moved a case, when, from which stage to which, and why."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="transitions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    transition = models.CharField(max_length=40)
    label = models.CharField(max_length=200)
    from_state = models.CharField(max_length=30, choices=r.STATES)
    to_state = models.CharField(max_length=30, choices=r.STATES)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("запись журнала переходов")
        verbose_name_plural = _("журнал переходов")

    def __str__(self):
        return f"{self.at:%d.%m.%Y %H:%M} {self.from_state} → {self.to_state}"


class ScriptRun(models.Model):
    """A conversation script followed with the citizen: the path taken and how it ended."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="script_runs")
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


def _invitation_token():
    return secrets.token_urlsafe(24)


class SurveyInvitation(models.Model):
    """A survey offered to the citizen of a case: after a transition configured in the route,
    or asked by phone. It records only that the citizen was asked and whether they answered:
    the answers themselves (content.SurveySubmission) stay anonymous and are not linked here."""

    EMAIL = "email"
    STAFF = "staff"
    PHONE = "phone"
    DELIVERY = [
        (EMAIL, _("ссылка отправлена на электронную почту")),
        (STAFF, _("передать ссылку лично или провести опрос по телефону")),
        (PHONE, _("опрос по телефону")),
    ]

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="survey_invitations")
    survey = models.ForeignKey(
        "content.SurveyPage", verbose_name=_("опрос"), on_delete=models.CASCADE, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    transition = models.CharField(_("после перехода"), max_length=40, blank=True)
    delivery = models.CharField(_("как передано"), max_length=10, choices=DELIVERY)
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
    def answered(self):
        return self.answered_at is not None
