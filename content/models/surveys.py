"""Surveys (опросы, анкеты) that editors build in the admin.

Wagtail's form builder underneath: a survey is a page with its questions inline, so it gets
revisions, drafts, preview, moderation and the audit log for free. On top of it: the question
types the quality monitoring uses (ratings, "would you recommend"), questions shown only for an
answer to an earlier one, a tag with one of the Standard's five client-indicator groups, the
channel each answer came through (site, hall tablet, phone, invitation) and the centre.
"""

import hashlib
import re

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import BaseForm, FormBuilder, WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField, AbstractFormSubmission
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from content.caching import PRIVATE
from content.models.snippets import INDICATOR_GROUPS
from portal import ratelimit

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]

QUESTION_TYPES = [
    ("radio", _("Один вариант из списка")),
    ("checkboxes", _("Несколько вариантов из списка")),
    ("rating", _("Оценка от 1 до 5")),
    ("nps", _("Готовность рекомендовать, от 0 до 10")),
    ("singleline", _("Короткий текст")),
    ("multiline", _("Развёрнутый текст")),
    ("date", _("Дата")),
]
CHOICE_TYPES = {"radio", "checkboxes"}
GROUP_TYPES = {"radio", "checkboxes", "rating", "nps"}  # rendered as a fieldset with a legend
SCALES = {"rating": (1, 5), "nps": (0, 10)}
RATING_WORDS = {
    1: _("очень плохо"),
    2: _("плохо"),
    3: _("удовлетворительно"),
    4: _("хорошо"),
    5: _("отлично"),
}

CHANNELS = [
    ("public", _("На сайте")),
    ("kiosk", _("Планшет в зале")),
    ("phone", _("По телефону")),
    ("invitation", _("По приглашению после обращения")),
]

PUBLIC_RATE = (5, 600)  # answers per address and survey in a window of seconds
KIOSK_RATE = (60, 600)  # a hall tablet is one address shared by many visitors


CYRILLIC = {
    **dict(zip("абвгдезийклмнопрстуфыэәөүңһ", "abvgdeziiklmnoprstufyeaounh", strict=True)),
    **{"ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch"},
    **{"ю": "iu", "я": "ia", "җ": "zh", "ъ": "", "ь": ""},
}


def question_key(label):
    """The stable key of a question in the stored answers: a short transliteration of its text
    and a hash of the whole text (two questions with the same text get the same key, which the
    admin refuses)."""
    text = "".join(CYRILLIC.get(ch, ch) for ch in label.strip().lower())
    slug = re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:40].strip("_") or "q"
    digest = hashlib.blake2s(label.strip().encode("utf-8"), digest_size=3).hexdigest()
    return f"{slug}_{digest}"


def split_choices(text):
    """Answer options: one per line (commas are allowed inside an answer)."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class SurveyQuestion(AbstractFormField):
    page = ParentalKey("content.SurveyPage", on_delete=models.CASCADE, related_name="form_fields")
    label = models.CharField(_("вопрос"), max_length=255)
    field_type = models.CharField(_("тип вопроса"), max_length=16, choices=QUESTION_TYPES)
    field_type.required_on_save = True
    required = models.BooleanField(_("обязательный"), default=True)
    choices = models.TextField(
        _("варианты ответа"),
        blank=True,
        help_text=_("По одному варианту в строке. Нужны для вопросов с выбором из списка."),
    )
    help_text = models.CharField(_("пояснение к вопросу"), max_length=255, blank=True)
    indicator_group = models.CharField(
        _("группа клиентских показателей"),
        max_length=20,
        choices=INDICATOR_GROUPS,
        blank=True,
        help_text=_("Оценки по вопросу войдут в среднее по этой группе показателей Стандарта."),
    )
    show_if_question = models.CharField(
        _("показывать, только если на вопрос"),
        max_length=255,
        blank=True,
        help_text=_(
            "Точный текст одного из предыдущих вопросов. Пусто — вопрос показывается всегда."
        ),
    )
    show_if_answer = models.CharField(
        _("ответили"),
        max_length=255,
        blank=True,
        help_text=_("Вариант ответа (для оценок — число), при котором вопрос появляется."),
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("field_type"),
        FieldPanel("choices"),
        FieldRowPanel([FieldPanel("required"), FieldPanel("indicator_group")]),
        FieldPanel("help_text"),
        MultiFieldPanel(
            [FieldPanel("show_if_question"), FieldPanel("show_if_answer")],
            heading=_("Условие показа"),
        ),
    ]

    class Meta(AbstractFormField.Meta):
        verbose_name = _("вопрос")
        verbose_name_plural = _("вопросы")

    def get_field_clean_name(self):
        return question_key(self.label)

    def answer_options(self):
        """The values an answer may take, as strings (for conditions and results)."""
        if self.field_type in CHOICE_TYPES:
            return split_choices(self.choices)
        if self.field_type in SCALES:
            low, high = SCALES[self.field_type]
            return [str(i) for i in range(low, high + 1)]
        return []


def validate_questions(questions):
    """Questions are (label, field_type, choices, show_if_question, show_if_answer) tuples in
    their order. Returns {index: {field: message}} for the problems found."""
    errors = {}
    seen = {}
    for index, (label, field_type, choices, if_question, if_answer) in enumerate(questions):
        problems = {}
        if field_type in CHOICE_TYPES and len(split_choices(choices)) < 2:
            problems["choices"] = _("Укажите хотя бы два варианта ответа, по одному в строке.")
        if if_question or if_answer:
            earlier = seen.get((if_question or "").strip())
            if not if_question:
                problems["show_if_question"] = _("Укажите, от ответа на какой вопрос зависит этот.")
            elif earlier is None:
                problems["show_if_question"] = _(
                    "Среди предыдущих вопросов нет вопроса с таким текстом."
                )
            elif not earlier:
                problems["show_if_question"] = _(
                    "Условие можно поставить только на вопрос с вариантами ответа или оценкой."
                )
            elif (if_answer or "").strip() not in earlier:
                problems["show_if_answer"] = _("Выберите один из вариантов: %(options)s.") % {
                    "options": "; ".join(earlier)
                }
        if problems:
            errors[index] = problems
        options = SurveyQuestion(field_type=field_type, choices=choices).answer_options()
        seen[(label or "").strip()] = options
    return errors


class SurveyPageForm(WagtailAdminFormPageForm):
    """Checks the questions being edited: options present, conditions pointing backwards to
    a question with options, and to one of its answers."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("form_fields")
        if formset is None:
            return cleaned
        forms_in_order = [
            f
            for f in formset.forms
            if f.is_valid() and f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        if formset.can_order:
            forms_in_order.sort(key=lambda f: f.cleaned_data.get("ORDER") or 0)
        questions = [
            (
                f.cleaned_data.get("label", ""),
                f.cleaned_data.get("field_type", ""),
                f.cleaned_data.get("choices", ""),
                f.cleaned_data.get("show_if_question", ""),
                f.cleaned_data.get("show_if_answer", ""),
            )
            for f in forms_in_order
        ]
        for index, problems in validate_questions(questions).items():
            for field, message in problems.items():
                forms_in_order[index].add_error(field, message)
        return cleaned


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class SurveyForm(BaseForm):
    """A survey as a Django form. Conditional questions are validated only when shown."""

    use_required_attribute = False  # hidden conditional questions must not block submitting
    questions = {}  # clean name -> SurveyQuestion, set by the builder
    conditions = {}  # clean name -> (clean name of the earlier question, answer)
    required_when_shown = set()

    def condition_met(self, name, data=None):
        parent, answer = self.conditions[name]
        value = (data if data is not None else self.cleaned_data).get(parent)
        if isinstance(value, list | tuple):
            return answer in [str(v) for v in value]
        return value is not None and str(value) == answer

    def clean(self):
        cleaned = super().clean()
        # In question order: a hidden question also hides the ones that depend on it.
        for name in self.fields:
            if name not in self.conditions:
                continue
            if self.condition_met(name, cleaned):
                empty = cleaned.get(name) in (None, "", [])
                if name in self.required_when_shown and empty and name not in self.errors:
                    self.add_error(name, self.fields[name].error_messages["required"])
            else:
                self.errors.pop(name, None)
                cleaned[name] = (
                    [] if isinstance(self.fields[name], forms.MultipleChoiceField) else ""
                )
        return cleaned

    def visible_questions(self):
        """Each question with what the templates need, in order."""
        labels = {name: q.label for name, q in self.questions.items()}
        for number, (name, question) in enumerate(self.questions.items(), start=1):
            field = self[name]
            grouped = question.field_type in GROUP_TYPES
            described = [f"{field.auto_id}-note"]
            if field.help_text:
                described.append(f"{field.auto_id}-help")
            if field.errors:
                described.append(f"{field.auto_id}-error")
            condition = None
            if name in self.conditions:
                parent, answer = self.conditions[name]
                condition = {"name": parent, "answer": answer, "label": labels[parent]}
            attrs = {"aria-describedby": " ".join(described)}
            if field.errors:
                attrs["aria-invalid"] = "true"
            yield {
                "field": field,
                "number": number,
                "type": question.field_type,
                "grouped": grouped,
                "required": question.required,
                "condition": condition,
                "first_id": f"{field.auto_id}_0" if grouped else field.auto_id,
                "widget": None if grouped else field.as_widget(attrs=attrs),
            }


class SurveyFormBuilder(FormBuilder):
    REQUIRED = _("Ответьте, пожалуйста, на этот вопрос.")
    CHOOSE = _("Выберите ответ.")
    INVALID_CHOICE = _("Выберите один из предложенных вариантов.")

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options.pop("initial", None)
        options["error_messages"] = {"required": self.REQUIRED}
        return options

    def get_formatted_field_choices(self, field):
        return [(c, c) for c in split_choices(field.choices)]

    def _choice(self, options, message=None):
        options["error_messages"] = {
            "required": message or self.CHOOSE,
            "invalid_choice": self.INVALID_CHOICE,
        }
        return options

    def create_radio_field(self, field, options):
        options["choices"] = self.get_formatted_field_choices(field)
        return forms.ChoiceField(widget=forms.RadioSelect, **self._choice(options))

    def create_checkboxes_field(self, field, options):
        options["choices"] = self.get_formatted_field_choices(field)
        return forms.MultipleChoiceField(
            widget=forms.CheckboxSelectMultiple,
            **self._choice(options, _("Отметьте хотя бы один вариант.")),
        )

    def create_rating_field(self, field, options):
        options["choices"] = [(i, f"{i} — {RATING_WORDS[i]}") for i in range(1, 6)]
        return forms.TypedChoiceField(
            coerce=int, empty_value=None, widget=forms.RadioSelect, **self._choice(options)
        )

    def create_nps_field(self, field, options):
        options["choices"] = [(i, str(i)) for i in range(0, 11)]
        return forms.TypedChoiceField(
            coerce=int, empty_value=None, widget=forms.RadioSelect, **self._choice(options)
        )

    def create_singleline_field(self, field, options):
        return forms.CharField(max_length=255, **options)

    def create_multiline_field(self, field, options):
        return forms.CharField(max_length=4000, widget=forms.Textarea(attrs={"rows": 4}), **options)

    def create_date_field(self, field, options):
        options["error_messages"]["invalid"] = _("Введите дату в формате ДД.ММ.ГГГГ.")
        return forms.DateField(widget=DateInput, **options)

    def get_form_class(self):
        fields = self.formfields
        questions, conditions, required_when_shown = {}, {}, set()
        by_label = {}
        for question in self.fields:
            name = question.clean_name or question.get_field_clean_name()
            questions[name] = question
            parent = by_label.get(question.show_if_question.strip())
            if question.show_if_question and parent:
                conditions[name] = (parent, question.show_if_answer.strip())
                if question.required:
                    required_when_shown.add(name)
                    fields[name].required = False
            by_label[question.label.strip()] = name
        return type(
            "SurveyForm",
            (SurveyForm,),
            {
                **fields,
                "questions": questions,
                "conditions": conditions,
                "required_when_shown": required_when_shown,
            },
        )


class SurveySubmission(AbstractFormSubmission):
    """One set of answers. No personal data: which case it came from, when it did, is kept by
    the case module's invitation, not here."""

    channel = models.CharField(_("канал"), max_length=12, choices=CHANNELS, default="public")
    centre = models.ForeignKey(
        "portal.Centre",
        verbose_name=_("центр занятости"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    def get_data(self):
        """For Wagtail's own submissions list and its export: the channel in words too."""
        return {**super().get_data(), "channel": self.get_channel_display()}

    class Meta:
        verbose_name = _("ответ на опрос")
        verbose_name_plural = _("ответы на опросы")
        indexes = [models.Index(fields=["page", "submit_time"], name="survey_page_time")]


class SurveyPage(RoutablePageMixin, AbstractForm):
    """A survey (опрос): answered on the site, on a hall tablet, by phone with a specialist, or
    from an invitation sent when a case takes a configured transition."""

    intro = RichTextField(_("вступление"), features=TEXT_FEATURES, blank=True)
    thank_you_text = RichTextField(
        _("текст после отправки"),
        features=TEXT_FEATURES,
        blank=True,
        default="<p>Спасибо! Ваши ответы помогут нам работать лучше.</p>",
    )
    life_situation = models.ForeignKey(
        "content.LifeSituationPage",
        verbose_name=_("жизненная ситуация"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="surveys",
        help_text=_("Пусто — опрос для всех обратившихся."),
    )
    public_enabled = models.BooleanField(_("можно ответить на сайте"), default=True)
    kiosk_enabled = models.BooleanField(_("можно ответить на планшете в зале"), default=True)
    phone_enabled = models.BooleanField(_("специалисты проводят опрос по телефону"), default=True)
    kiosk_idle_seconds = models.PositiveSmallIntegerField(
        _("планшет очищает анкету после бездействия, секунд"),
        default=90,
        validators=[MinValueValidator(20), MaxValueValidator(900)],
    )

    content_panels = [
        *AbstractForm.content_panels,
        FieldPanel("intro"),
        InlinePanel("form_fields", heading=_("Вопросы"), label=_("Вопрос"), min_num=1),
        FieldPanel("thank_you_text"),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldPanel("life_situation"),
                FieldPanel("public_enabled"),
                FieldPanel("kiosk_enabled"),
                FieldPanel("kiosk_idle_seconds"),
                FieldPanel("phone_enabled"),
            ],
            heading=_("Где отвечают на опрос"),
        ),
        *AbstractForm.settings_panels,
    ]
    base_form_class = SurveyPageForm
    form_builder = SurveyFormBuilder
    parent_page_types = ["content.HomePage"]
    subpage_types = []
    template = "content/survey_page.html"
    landing_page_template = "content/survey_page.html"

    class Meta:
        verbose_name = _("опрос")
        verbose_name_plural = _("опросы")

    def get_submission_class(self):
        return SurveySubmission

    def get_data_fields(self):
        return [
            ("submit_time", _("Дата ответа")),
            ("channel", _("Канал")),
            *[(q.clean_name, q.label) for q in self.get_form_fields()],
        ]

    def process_form_submission(self, form, channel="public", centre=None):
        return SurveySubmission.objects.create(
            form_data=form.cleaned_data, page=self, channel=channel, centre=centre
        )

    # --- where it is answered ----------------------------------------------------------------

    def _answer(self, request, channel, template, done_url, centre=None):
        form = self.get_form(
            request.POST if request.method == "POST" else None, page=self, user=request.user
        )
        status = 200
        if request.method == "POST":
            limit, window = KIOSK_RATE if channel == "kiosk" else PUBLIC_RATE
            if request.POST.get("website"):
                return redirect(done_url)  # a bot filled the hidden field: save nothing
            if ratelimit.hit(f"survey:{self.pk}:{channel}", request, limit, window):
                form.is_valid()
                form.add_error(
                    None,
                    _("Слишком много ответов с этого устройства. Попробуйте, пожалуйста, позже."),
                )
                status = 429
            elif form.is_valid():
                from content import services

                services.submit_survey(self, form, channel, centre)
                return redirect(done_url)
            else:
                status = 422
        response = self.render(
            request,
            template=template,
            context_overrides={"form": form, "channel": channel, "centre": centre},
        )
        response.status_code = status
        return response

    @path("")
    def index_route(self, request, *args, **kwargs):
        if getattr(request, "is_preview", False):
            return self.render(request, context_overrides={"form": self.get_form(page=self)})
        if not self.public_enabled:
            raise Http404
        return self._answer(
            request, "public", self.template, self.url + self.reverse_subpage("done")
        )

    @path("spasibo/", name="done")
    def done(self, request):
        return self.render(request, context_overrides={"done": True})

    def _centre(self, slug):
        from portal.models import Centre

        if slug is None:
            return None
        centre = Centre.objects.filter(slug=slug).first()
        if centre is None:
            raise Http404
        return centre

    @path("kiosk/", name="kiosk")
    @path("kiosk/<slug:centre>/", name="kiosk")
    def kiosk(self, request, centre=None):
        if not self.kiosk_enabled:
            raise Http404
        kwargs = {"centre": centre} if centre else {}
        done = self.url + self.reverse_subpage("kiosk-done", kwargs=kwargs)
        response = self._answer(
            request, "kiosk", "content/survey_kiosk.html", done, self._centre(centre)
        )
        response["Cache-Control"] = "no-store"
        return response

    @path("kiosk/spasibo/", name="kiosk-done")
    @path("kiosk/<slug:centre>/spasibo/", name="kiosk-done")
    def kiosk_done(self, request, centre=None):
        if not self.kiosk_enabled:
            raise Http404
        self._centre(centre)
        kwargs = {"centre": centre} if centre else {}
        response = self.render(
            request,
            template="content/survey_kiosk.html",
            context_overrides={
                "done": True,
                "restart_url": self.url + self.reverse_subpage("kiosk", kwargs=kwargs),
            },
        )
        response["Cache-Control"] = "no-store"
        return response

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # Every survey page carries a CSRF token: never kept by a shared cache.
        patch_cache_control(response, **PRIVATE)
        return response

    def serve_preview(self, request, mode_name):
        request.is_preview = True
        if mode_name == "landing":
            return self.render(request, context_overrides={"done": True})
        return self.index_route(request)
