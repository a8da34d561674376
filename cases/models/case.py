"""A case: the citizen's route through the centre (the FSM), and its transition log."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import GET_STATE, ConcurrentTransitionMixin, FSMField, transition

from cases import states as r
from cases.choices import PlanItemStatus
from cases.models.base import CentreScopedQuerySet, centre_field
from cases.models.jobs import Employment


def case_transition(source, target, label, *, needs_reason=False, conditions=()):
    """A transition of the case's route. Its label and whether it needs a reason travel in
    django-fsm's `custom=`, where cases.route_graph reads the whole graph back from."""
    return transition(
        "state",
        source=source,
        target=target,
        conditions=list(conditions),
        custom={"label": label, "needs_reason": needs_reason},
    )


class Case(ConcurrentTransitionMixin, models.Model):
    """A citizen's route through the centre in one life situation."""

    citizen = models.ForeignKey(
        "cases.Citizen", verbose_name=_("гражданин"), on_delete=models.PROTECT, related_name="cases"
    )
    life_situation = models.ForeignKey(
        "content.LifeSituationPage",
        verbose_name=_("жизненная ситуация"),
        on_delete=models.PROTECT,
        related_name="cases",
    )
    centre = centre_field(related_name="cases")
    curator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("куратор"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="curated_cases",
    )
    # The last handover to another curator (cases.services.handover): why, by whom and when;
    # every earlier one is in the change log.
    handover_note = models.TextField(_("комментарий при передаче"), blank=True)
    handed_over_at = models.DateTimeField(_("передан"), null=True, blank=True)
    handed_over_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("передал(а)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
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
        permissions = [
            ("transition_case", _("Может переводить случай по маршруту")),
            ("handover_case", _("Может передавать случай другому куратору")),
        ]

    def __str__(self):
        return f"№ {self.number} — {self.citizen}"

    def get_additional_data(self):
        """Stored with each change-log entry (django-auditlog): whose record."""
        return {"citizen": self.citizen_id, "case": self.pk}

    @property
    def number(self):
        return f"{self.opened_at:%Y}-{self.pk:06d}" if self.pk else "—"

    @property
    def is_open(self):
        return self.state in r.OPEN_STATES

    @property
    def is_suspended(self):
        return self.state == r.SUSPENDED

    # --- conditions ----------------------------------------------------------------------------
    def has_plan_items(self):
        return self.plan_items.exclude(status__in=PlanItemStatus.dropped()).exists()

    def has_curator(self):
        return self.curator_id is not None

    def has_employment(self):
        """The employment is recorded first (cases.services.employment.record_employment)."""
        return Employment.objects.filter(case_id=self.pk).exists()

    # --- transitions (called through cases.services.run_transition only) ------------------------
    @case_transition(r.REGISTERED, r.RECEPTION, _("Начать первичный приём"))
    def start_reception(self):
        pass

    @case_transition(
        r.RECEPTION, r.CURATOR_ASSIGNED, _("Передать куратору"), conditions=[has_curator]
    )
    def assign_curator(self):
        pass

    @case_transition(r.CURATOR_ASSIGNED, r.PROFILING, _("Начать профилирование"))
    def start_profiling(self):
        pass

    @case_transition(
        [r.CURATOR_ASSIGNED, r.PROFILING],
        r.PLAN_AGREED,
        _("Согласовать план"),
        conditions=[has_plan_items],
    )
    def agree_plan(self):
        self.plan_agreed_on = timezone.localdate()

    @case_transition(r.PLAN_AGREED, r.IN_SERVICE, _("Начать оказание услуг"))
    def start_services(self):
        pass

    @case_transition(
        [r.PLAN_AGREED, r.IN_SERVICE],
        r.EMPLOYED,
        _("Зафиксировать трудоустройство"),
        conditions=[has_employment],
    )
    def record_employment(self):
        employment = Employment.objects.get(case_id=self.pk)
        self.employed_on = employment.started_on
        self.employer = employment.employer_name

    @case_transition(r.EMPLOYED, r.RETENTION_CHECK, _("Начать контроль закрепляемости"))
    def start_retention_check(self):
        pass

    @case_transition([r.EMPLOYED, r.RETENTION_CHECK], r.CLOSED, _("Закрыть случай"))
    def close(self):
        self.closed_at = timezone.now()

    @case_transition(r.ACTIVE, r.SUSPENDED, _("Приостановить"), needs_reason=True)
    def suspend(self, reason):
        self.suspended_from = self.state
        self.suspension_reason = reason

    @case_transition(
        r.SUSPENDED,
        GET_STATE(lambda case: case.suspended_from, states=list(r.ACTIVE)),
        _("Возобновить"),
    )
    def resume(self):
        pass

    @case_transition(
        [*r.ACTIVE, r.REGISTERED, r.SUSPENDED],
        r.WITHDRAWN,
        _("Отказ гражданина"),
        needs_reason=True,
    )
    def withdraw(self, reason):
        self.withdrawal_reason = reason
        self.closed_at = timezone.now()

    @case_transition(
        [*r.ACTIVE, r.SUSPENDED],
        r.CLOSED_UNEMPLOYED,
        _("Закрыть без трудоустройства"),
        needs_reason=True,
    )
    def close_without_employment(self, reason):
        self.closing_reason = reason
        self.closed_at = timezone.now()


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
