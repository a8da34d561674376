"""Page types: the public site is the source of truth for life situations and services."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link"]


class RouteStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Шаг"), max_length=255)
    text = blocks.RichTextBlock(label=_("Что происходит"), features=TEXT_FEATURES, required=False)

    class Meta:
        icon = "list-ol"
        label = _("Шаг маршрута")


class HomePage(Page):
    """The site's root page."""

    intro = RichTextField(_("вступление"), features=TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["content.LifeSituationPage", "content.ServiceIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("главная страница")
        verbose_name_plural = _("главные страницы")


class LifeSituationPage(Page):
    """A life situation (жизненная ситуация) with its complex of services."""

    summary = models.TextField(_("кратко, простыми словами"), blank=True)
    target_audience = RichTextField(_("кому поможем (целевая аудитория)"), features=TEXT_FEATURES)
    main_problems = RichTextField(
        _("основные проблемы получателей"), features=TEXT_FEATURES, blank=True
    )
    what_you_get = RichTextField(_("что получит гражданин"), features=TEXT_FEATURES, blank=True)
    route_steps = StreamField(
        [("step", RouteStepBlock())], verbose_name=_("маршрут по шагам"), blank=True
    )
    centres = ParentalManyToManyField(
        "portal.Centre",
        verbose_name=_("центры занятости, которые её оказывают"),
        blank=True,
        related_name="life_situations",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("target_audience"),
        FieldPanel("main_problems"),
        FieldPanel("what_you_get"),
        InlinePanel("service_links", heading=_("Комплекс услуг"), label=_("Услуга")),
        FieldPanel("route_steps"),
        FieldPanel("centres"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("target_audience"),
    ]
    parent_page_types = ["content.HomePage"]
    subpage_types = []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["service_links"] = (
            self.service_links.filter(service__live=True)
            .select_related("service", "category")
            .order_by("category__sort_order", "sort_order")
        )
        return context

    class Meta:
        verbose_name = _("жизненная ситуация")
        verbose_name_plural = _("жизненные ситуации")


class LifeSituationService(Orderable):
    """A service in a life situation's complex, under one of the situation's categories."""

    page = ParentalKey(LifeSituationPage, on_delete=models.CASCADE, related_name="service_links")
    service = models.ForeignKey(
        "content.ServicePage",
        verbose_name=_("услуга"),
        on_delete=models.CASCADE,
        related_name="life_situation_links",
    )
    category = models.ForeignKey(
        "content.ServiceCategory",
        verbose_name=_("категория"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("service"), FieldPanel("category")]

    class Meta(Orderable.Meta):
        verbose_name = _("услуга комплекса")
        verbose_name_plural = _("комплекс услуг")
        constraints = [
            models.UniqueConstraint(fields=["page", "service"], name="unique_service_per_situation")
        ]

    def __str__(self):
        return f"{self.page} — {self.service}"


class ServiceIndexPage(Page):
    """The service catalogue."""

    intro = RichTextField(_("вступление"), features=TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.ServicePage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = ServicePage.objects.child_of(self).live().order_by("title")
        return context

    class Meta:
        verbose_name = _("каталог услуг")
        verbose_name_plural = _("каталоги услуг")


class ServicePage(Page):
    """One service or сервис, described in plain language for the citizen."""

    RESULT_TYPES = [
        ("document", _("Документ")),
        ("payment", _("Выплата")),
        ("information", _("Информация, консультация")),
        ("support", _("Мера государственной поддержки")),
        ("right", _("Реализация права")),
        ("other", _("Иная выгода")),
    ]
    REQUEST_MODES = [
        ("request", _("По запросу гражданина")),
        ("proactive", _("Проактивно")),
        ("both", _("По запросу или проактивно")),
    ]

    official_name = models.TextField(
        _("официальное наименование"),
        help_text=_("Как в перечне услуг жизненной ситуации; заголовок страницы — короче."),
    )
    summary = models.TextField(_("кратко, простыми словами"), blank=True)
    description = RichTextField(_("что это и что даёт"), features=TEXT_FEATURES, blank=True)
    eligibility = RichTextField(_("кто может получить"), features=TEXT_FEATURES, blank=True)
    result_type = models.CharField(
        _("результат услуги"), max_length=20, choices=RESULT_TYPES, default="information"
    )
    request_mode = models.CharField(
        _("как предоставляется"), max_length=20, choices=REQUEST_MODES, default="request"
    )
    documents = StreamField(
        [("document", blocks.CharBlock(label=_("Документ"), max_length=255))],
        verbose_name=_("что взять с собой"),
        blank=True,
    )
    channel_in_person = models.BooleanField(_("лично в центре занятости"), default=True)
    channel_phone = models.BooleanField(_("по телефону"), default=False)
    channel_portal = models.BooleanField(_("на портале «Работа в России»"), default=False)
    provider = models.ForeignKey(
        "content.Partner",
        verbose_name=_("кто оказывает (партнер)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="services",
        help_text=_("Оставьте пустым, если услугу оказывает сам центр занятости."),
    )
    responsible_role = models.ForeignKey(
        "content.Role",
        verbose_name=_("ответственная роль"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="services",
    )
    duration = models.CharField(_("сколько времени занимает"), max_length=255, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("official_name"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("eligibility"),
        MultiFieldPanel(
            [FieldPanel("result_type"), FieldPanel("request_mode"), FieldPanel("duration")],
            heading=_("Результат и сроки"),
        ),
        FieldPanel("documents"),
        MultiFieldPanel(
            [
                FieldPanel("channel_in_person"),
                FieldPanel("channel_phone"),
                FieldPanel("channel_portal"),
            ],
            heading=_("Как получить"),
        ),
        MultiFieldPanel(
            [FieldPanel("provider"), FieldPanel("responsible_role")],
            heading=_("Кто оказывает"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("official_name"),
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("result_type"),
    ]
    parent_page_types = ["content.ServiceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("услуга")
        verbose_name_plural = _("услуги")
