"""Surveys (опросы, анкеты) that editors build in the admin.

Wagtail's form builder underneath: a survey is a page with its questions inline, so it gets
revisions, drafts, preview, moderation and the audit log for free. On top of it: the question
types the quality monitoring uses (ratings, "would you recommend"), questions shown only for an
answer to an earlier one, a tag with one of the Standard's five client-indicator groups, the
channel each answer came through (site, hall tablet, phone, invitation) and the centre.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField, AbstractFormSubmission
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from content.admin_forms import SurveyPageForm
from content.caching import PRIVATE
from content.choices import INDICATOR_GROUPS, QUESTION_TYPES, AnswerChannel
from content.forms import SurveyFormBuilder
from content.models.fields import optional_life_situation
from content.questions import answer_options, question_key
from portal import spamguard
from portal.models import Centre

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]

PUBLIC_RATE = (5, 600)  # answers per address and survey in a window of seconds
KIOSK_RATE = (60, 600)  # a hall tablet is one address shared by many visitors


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
        return answer_options(self.field_type, self.choices)


class SurveySubmission(AbstractFormSubmission):
    """One set of answers. No personal data: which case it came from, when it did, is kept by
    the case module's invitation, not here."""

    channel = models.CharField(
        _("канал"), max_length=12, choices=AnswerChannel, default=AnswerChannel.PUBLIC
    )
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
    life_situation = optional_life_situation(
        "surveys", help_text=_("Пусто — опрос для всех обратившихся.")
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

    def process_form_submission(self, form, channel=AnswerChannel.PUBLIC, centre=None):
        return SurveySubmission.objects.create(
            form_data=form.cleaned_data, page=self, channel=channel, centre=centre
        )

    @transaction.atomic
    def submit(self, form, channel, centre=None):
        """Save one valid set of answers (content.services.submit_survey); the submission."""
        return self.process_form_submission(form, channel=channel, centre=centre)

    # --- where it is answered ----------------------------------------------------------------

    def _answer(self, request, channel, template, done_url, centre=None):
        form = self.get_form(
            request.POST if request.method == "POST" else None, page=self, user=request.user
        )
        status = 200
        if request.method == "POST":
            limit, window = KIOSK_RATE if channel == AnswerChannel.KIOSK else PUBLIC_RATE
            verdict = spamguard.check(
                request,
                form,
                f"survey:{self.pk}:{channel}",
                limit=limit,
                window=window,
                message=_(
                    "Слишком много ответов с этого устройства. Попробуйте, пожалуйста, позже."
                ),
            )
            if verdict is spamguard.BOT:
                return redirect(done_url)  # save nothing
            if verdict is spamguard.LIMITED:
                status = 429
            elif form.is_valid():
                self.submit(form, channel, centre)
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
            request, AnswerChannel.PUBLIC, self.template, self.url + self.reverse_subpage("done")
        )

    @path("spasibo/", name="done")
    def done(self, request):
        return self.render(request, context_overrides={"done": True})

    def _centre(self, slug):
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
        # Cache-Control for every survey response (private, no-store) is set once, in serve().
        return self._answer(
            request, AnswerChannel.KIOSK, "content/survey_kiosk.html", done, self._centre(centre)
        )

    @path("kiosk/spasibo/", name="kiosk-done")
    @path("kiosk/<slug:centre>/spasibo/", name="kiosk-done")
    def kiosk_done(self, request, centre=None):
        if not self.kiosk_enabled:
            raise Http404
        self._centre(centre)
        kwargs = {"centre": centre} if centre else {}
        return self.render(
            request,
            template="content/survey_kiosk.html",
            context_overrides={
                "done": True,
                "restart_url": self.url + self.reverse_subpage("kiosk", kwargs=kwargs),
            },
        )

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
