"""Editor-configured routes: which transitions of the code's graph a life situation uses."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin

from content import route_graph
from content.choices import DeadlineUnit


def retention_months(text):
    """«1, 3, 6, 12» → [1, 3, 6, 12]; ValueError for anything else."""
    parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
    months = [int(p) for p in parts]
    if any(m < 1 or m > 36 for m in months) or months != sorted(set(months)) or len(months) > 8:
        raise ValueError(text)
    return months


def validate_retention_months(text):
    try:
        retention_months(text)
    except ValueError:
        raise ValidationError(
            _(
                "Укажите от одного до восьми чисел месяцев от 1 до 36 по возрастанию через "
                "запятую, например «1, 3, 6, 12»."
            )
        ) from None


class Route(DraftStateMixin, RevisionMixin, ClusterableModel):
    """The route (маршрут) of a life situation. Every publication is a new version: a case keeps
    the published revision it started with."""

    life_situation = models.OneToOneField(
        "content.LifeSituationPage",
        verbose_name=_("жизненная ситуация"),
        on_delete=models.CASCADE,
        related_name="case_route",
    )
    description = models.TextField(_("пояснение для сотрудников"), blank=True)
    retention_months = models.CharField(
        _("контроль закрепляемости, через сколько месяцев"),
        max_length=60,
        blank=True,
        default="1, 3, 6, 12",
        validators=[validate_retention_months],
        help_text=_(
            "Через сколько месяцев после трудоустройства проверять, работает ли гражданин: "
            "числа по возрастанию через запятую, например «1, 3, 6, 12». Пусто — без проверок."
        ),
    )

    panels = [
        FieldPanel("life_situation"),
        FieldPanel("description"),
        FieldPanel("retention_months"),
        InlinePanel("steps", heading=_("Переходы маршрута"), label=_("Переход"), min_num=1),
    ]

    class Meta:
        verbose_name = _("маршрут")
        verbose_name_plural = _("маршруты")

    def __str__(self):
        return f"Маршрут: {self.life_situation.title}" if self.life_situation_id else "Маршрут"

    def clean(self):
        super().clean()
        if getattr(self, "_steps_checked_by_form", False):
            return  # the admin form checks the steps being edited (RouteForm), not these
        steps = [s for s in self.steps.all() if not getattr(s, "DELETE", False)]
        validate_steps([(s.transition, s.enabled) for s in steps])


def validate_steps(steps):
    """Check (transition name, enabled) pairs against the route graph registered in code."""
    graph = route_graph.graph()
    names = [name for name, _enabled in steps]
    unknown = sorted({n for n in names if n not in graph.transitions})
    if unknown:
        raise ValidationError(
            _("В коде маршрута нет переходов: %(names)s."), params={"names": ", ".join(unknown)}
        )
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        labels = ", ".join(str(graph.transitions[n].label) for n in duplicates)
        raise ValidationError(
            _("Каждый переход можно указать один раз; повторяются: %(names)s."),
            params={"names": labels},
        )
    if route_graph.unreachable_terminal([name for name, enabled in steps if enabled]):
        raise ValidationError(
            _(
                "С включёнными переходами случай не может дойти до закрытия: включите "
                "переходы, ведущие от регистрации к закрытию."
            )
        )


class RouteForm(WagtailAdminModelForm):
    """Validates the steps being edited (the inline formset), not the ones saved before: the
    model's own clean() runs before the formset reaches the instance, so it would see the old
    steps (none at all for a new route)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance._steps_checked_by_form = True

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("steps")
        if formset is not None and all(f.is_valid() for f in formset.forms):
            steps = [
                (f.cleaned_data.get("transition"), f.cleaned_data.get("enabled", False))
                for f in formset.forms
                if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
            try:
                validate_steps(steps)
            except ValidationError as exc:
                self.add_error(None, exc)
        return cleaned


Route.base_form_class = RouteForm


class RouteStep(Orderable):
    """One transition of the code's graph, as this route uses it."""

    route = ParentalKey(Route, on_delete=models.CASCADE, related_name="steps")
    transition = models.CharField(
        _("переход"), max_length=40, choices=route_graph.transition_choices
    )
    enabled = models.BooleanField(_("включён"), default=True)
    label = models.CharField(
        _("надпись на кнопке"),
        max_length=120,
        blank=True,
        help_text=_("Оставьте пустым, чтобы использовать название перехода."),
    )
    responsible_role = models.ForeignKey(
        "content.Role",
        verbose_name=_("кто выполняет"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Пусто — любой сотрудник центра."),
    )
    documents_required = models.TextField(
        _("необходимые документы"), blank=True, help_text=_("По одному документу в строке.")
    )
    deadline_days = models.PositiveSmallIntegerField(
        _("срок этапа, дней"),
        null=True,
        blank=True,
        help_text=_("Сколько дней случай может находиться на этапе, в который ведёт переход."),
    )
    deadline_unit = models.CharField(
        _("срок считается в"),
        max_length=10,
        choices=DeadlineUnit.choices,
        default=DeadlineUnit.CALENDAR,
        help_text=_(
            "Рабочие дни — по производственному календарю с переносами и региональными "
            "праздниками центра."
        ),
    )
    requires_comment = models.BooleanField(_("требовать комментарий"), default=False)
    survey = models.ForeignKey(
        "content.SurveyPage",
        verbose_name=_("после перехода пригласить гражданина в опрос"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Ссылка на опрос уходит на электронную почту гражданина, если он её оставил и дал "
            "согласие; иначе специалист видит приглашение в случае и может провести опрос по "
            "телефону."
        ),
    )

    panels = [
        FieldPanel("transition"),
        FieldPanel("enabled"),
        FieldPanel("label"),
        FieldPanel("responsible_role"),
        FieldPanel("documents_required"),
        FieldPanel("deadline_days"),
        FieldPanel("deadline_unit"),
        FieldPanel("requires_comment"),
        FieldPanel("survey"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("переход маршрута")
        verbose_name_plural = _("переходы маршрута")

    def __str__(self):
        return self.label or self.get_transition_display()

    @property
    def documents(self):
        return [line.strip() for line in self.documents_required.splitlines() if line.strip()]
