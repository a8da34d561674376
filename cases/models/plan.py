"""The individual employment plan (индивидуальный план трудоустройства)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from cases.choices import PlanItemStatus


class PlanItem(ConcurrentTransitionMixin, models.Model):
    """A line of the individual employment plan (индивидуальный план трудоустройства).

    Saved only if its status is still the one it was read with (django-fsm's optimistic lock):
    of two staff completing the same item at once, one succeeds and the other is told.
    """

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="plan_items")
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
    status = FSMField(_("статус"), default=PlanItemStatus.PLANNED, choices=PlanItemStatus)
    result = models.TextField(_("результат"), blank=True)
    note = models.TextField(_("примечание"), blank=True)
    reason = models.TextField(_("причина отказа или отмены"), blank=True)
    completed_on = models.DateField(_("выполнено"), null=True, blank=True)
    # A service involving a condition the citizen's IPRA contraindicates: the IPRA line that
    # warned, and why the item was added all the same (cases.services.ipra.plan).
    contraindication = models.CharField(
        _("противопоказание по ИПРА"), max_length=500, blank=True, editable=False
    )
    contraindication_reason = models.TextField(
        _("обоснование вопреки противопоказанию"), blank=True, editable=False
    )
    # Who delivers the item: a specialist of the centre, or any holder of a role (the
    # psychologist, the career consultant …) until someone takes it (issue 12, «Моя работа»).
    executor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("исполнитель"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan_items_to_deliver",
    )
    executor_role = models.ForeignKey(
        "content.Role",
        verbose_name=_("роль исполнителя"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handover_note = models.TextField(
        _("комментарий при передаче"),
        blank=True,
        help_text=_("Что важно знать новому исполнителю."),
    )
    sort_order = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=0, editable=False)  # as Citizen.version

    class Meta:
        ordering = ["sort_order", "due_date", "pk"]
        verbose_name = _("пункт плана")
        verbose_name_plural = _("индивидуальный план")
        indexes = [
            models.Index(fields=["status", "due_date"], name="planitem_due_idx"),
            # «Моя работа»: the items of a role (or of a specialist), pending, soonest first.
            models.Index(
                fields=["executor_role", "status", "due_date"], name="planitem_role_due_idx"
            ),
            models.Index(
                fields=["executor", "status", "due_date"], name="planitem_executor_due_idx"
            ),
        ]
        permissions = [("view_overdue", _("Может видеть всё просроченное в центре"))]

    def __str__(self):
        return self.service.title

    def get_additional_data(self):
        """Stored with each change-log entry: whose record and the item's version."""
        return {"citizen": self.case.citizen_id, "case": self.case_id, "version": self.version}

    @property
    def is_planned(self):
        return self.status == PlanItemStatus.PLANNED

    @property
    def is_pending(self):
        """Planned or in progress: the plan's actions (start, change, finish) apply."""
        return self.status in PlanItemStatus.pending()

    def overdue_days(self, calendar, today):
        """Derived, never stored: business days past the due date by the centre's production
        calendar (portal/calendar.py), 0 when finished or not overdue. A due date on a day off
        moves to the next business day."""
        if self.status in PlanItemStatus.finished():
            return 0
        return calendar.days_late(self.due_date, today)

    @property
    def executor_display(self):
        """«Иванова А. П.» or «роль: Психолог», or "" when nobody is named."""
        if self.executor_id:
            return self.executor.get_short_name() or self.executor.get_username()
        if self.executor_role_id:
            return _("роль: %(role)s") % {"role": self.executor_role.name}
        return ""

    def clean(self):
        errors = {}
        if self.due_date and self.need_determined_on and self.due_date < self.need_determined_on:
            errors["due_date"] = _(
                "Срок исполнения не может быть раньше даты определения потребности."
            )
        if self.executor_id and self.executor_role_id:
            errors["executor_role"] = _(
                "Укажите либо сотрудника, либо роль: пункт выполняет кто-то один."
            )
        if self.executor_id and self.case_id and self.executor.centre_id != self.case.centre_id:
            errors["executor"] = _("Исполнитель должен работать в том же центре.")
        if errors:
            raise ValidationError(errors)

    @transition(status, source=PlanItemStatus.PLANNED, target=PlanItemStatus.IN_PROGRESS)
    def start(self):
        pass

    @transition(status, source=PlanItemStatus.pending(), target=PlanItemStatus.DONE)
    def complete(self, result=""):
        self.result = result or self.result
        self.completed_on = timezone.localdate()

    @transition(status, source=PlanItemStatus.pending(), target=PlanItemStatus.REFUSED)
    def refuse(self, reason):
        self.reason = reason

    @transition(status, source=PlanItemStatus.pending(), target=PlanItemStatus.CANCELLED)
    def cancel(self, reason):
        self.reason = reason
