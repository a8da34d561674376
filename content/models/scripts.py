"""Conversation scripts (скрипты взаимодействия) that editors build and staff follow in a case."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin
from wagtail.search import index

from content import route_graph
from content.models.fields import optional_life_situation

OUTCOMES = [
    ("agreed", _("Согласился на комплекс услуг")),
    ("refused", _("Отказался")),
    ("to_curator", _("Направить к куратору")),
    ("consulted", _("Проконсультирован")),
    ("other", _("Другое")),
]
OUTCOME_LABELS = dict(OUTCOMES)


class AnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Ответ гражданина"), max_length=255)
    next_step = blocks.CharBlock(
        label=_("Следующий шаг (код)"),
        required=False,
        max_length=40,
        help_text=_("Код шага, к которому ведёт ответ. Либо укажите итог ниже."),
    )
    outcome = blocks.ChoiceBlock(
        choices=OUTCOMES, required=False, label=_("Или завершить разговор с итогом")
    )
    outcome_note = blocks.CharBlock(label=_("Пояснение к итогу"), required=False)
    suggest_transition = blocks.ChoiceBlock(
        choices=route_graph.transition_choices,
        required=False,
        label=_("Предложить переход маршрута"),
    )
    suggest_service = blocks.PageChooserBlock(
        page_type="content.ServicePage", required=False, label=_("Предложить услугу в план")
    )

    class Meta:
        icon = "arrow-right"
        label = _("Ответ")


class StepBlock(blocks.StructBlock):
    code = blocks.RegexBlock(
        regex=r"^[a-z0-9_-]{1,40}$",
        label=_("Код шага"),
        error_messages={"invalid": _("Только латинские строчные буквы, цифры, - и _.")},
        help_text=_("Например: greeting, offer, consent."),
    )
    says = blocks.TextBlock(label=_("Что говорит специалист"))
    hint = blocks.TextBlock(label=_("Подсказка специалисту"), required=False)
    answers = blocks.ListBlock(AnswerBlock(), min_num=1, label=_("Возможные ответы"))

    class Meta:
        icon = "openquote"
        label = _("Шаг")


def validate_script_steps(steps):
    """The first step starts the talk; every answer leads to a step or ends it; every step can
    be reached; at least one answer ends the talk. `steps` are StepBlock values (dict-like)."""
    errors = []
    codes = [step["code"] for step in steps]
    if not steps:
        raise ValidationError(_("В скрипте нет ни одного шага."))
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        errors.append(_("Коды шагов повторяются: %(c)s.") % {"c": ", ".join(duplicates)})
    has_end = False
    edges = {code: set() for code in codes}
    for step in steps:
        for answer in step["answers"]:
            nxt, outcome = (answer.get("next_step") or "").strip(), answer.get("outcome")
            if nxt and outcome:
                errors.append(
                    _("Ответ «%(a)s» шага «%(s)s»: укажите либо следующий шаг, либо итог.")
                    % {"a": answer["text"], "s": step["code"]}
                )
            elif outcome:
                has_end = True
            elif not nxt:
                errors.append(
                    _("Ответ «%(a)s» шага «%(s)s» никуда не ведёт.")
                    % {"a": answer["text"], "s": step["code"]}
                )
            elif nxt not in edges:
                errors.append(
                    _("Ответ «%(a)s» шага «%(s)s» ведёт на несуществующий шаг «%(n)s».")
                    % {"a": answer["text"], "s": step["code"], "n": nxt}
                )
            else:
                edges[step["code"]].add(nxt)
    if not has_end:
        errors.append(_("Ни один ответ не завершает разговор: добавьте ответ с итогом."))
    seen, frontier = {codes[0]}, [codes[0]]
    while frontier:
        for nxt in edges.get(frontier.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                frontier.append(nxt)
    unreachable = [c for c in codes if c not in seen]
    if unreachable:
        errors.append(
            _("До шагов не дойти ни по одному ответу: %(c)s.") % {"c": ", ".join(unreachable)}
        )
    if errors:
        raise ValidationError(errors)


class ScriptForm(WagtailAdminModelForm):
    """Drafts may be unfinished; publishing requires a complete, coherent script."""

    def clean(self):
        cleaned = super().clean()
        if "action-publish" in self.data and "steps" in cleaned and not self.errors.get("steps"):
            try:
                validate_script_steps([child.value for child in cleaned["steps"]])
            except ValidationError as exc:
                self.add_error("steps", exc)
        return cleaned


class Script(DraftStateMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model):
    name = models.CharField(_("название"), max_length=255)
    role = models.ForeignKey(
        "content.Role",
        verbose_name=_("для роли"),
        on_delete=models.PROTECT,
        related_name="scripts",
    )
    stage = models.CharField(
        _("этап маршрута"),
        max_length=30,
        blank=True,
        choices=route_graph.state_choices,
        help_text=_("Пусто — на любом этапе."),
    )
    service = models.ForeignKey(
        "content.ServicePage",
        verbose_name=_("услуга"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="scripts",
    )
    life_situation = optional_life_situation(
        "scripts", help_text=_("Пусто — для всех жизненных ситуаций.")
    )
    description = models.TextField(_("когда использовать"), blank=True)
    steps = StreamField([("step", StepBlock())], verbose_name=_("шаги разговора"))

    base_form_class = ScriptForm
    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("role"),
                FieldPanel("stage"),
                FieldPanel("life_situation"),
                FieldPanel("service"),
            ],
            heading=_("Где показывать"),
        ),
        FieldPanel("description"),
        FieldPanel("steps"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["role__sort_order", "name"]
        verbose_name = _("скрипт взаимодействия")
        verbose_name_plural = _("скрипты взаимодействия")

    def __str__(self):
        return self.name

    def step(self, code):
        for child in self.steps:
            if child.value["code"] == code:
                return child.value
        return None

    @property
    def first_step(self):
        return self.steps[0].value if self.steps else None

    def get_preview_template(self, request, mode_name):
        return "content/script_preview.html"
