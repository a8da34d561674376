"""Page types: the public site is the source of truth for life situations and services."""

from django import forms
from django.db import models
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index

from content.caching import PublicCacheMixin
from content.serializers import (
    PartnerSerializer,
    PublicPageStreamField,
    PublicServiceLinksField,
    RoleSerializer,
)
from content.visibility import public_service_links, public_situation_links

TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link"]
# A page's own body starts its sections at h2 (the page title is the only h1).
BODY_FEATURES = ["h2", *TEXT_FEATURES]


class RouteStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Шаг"), max_length=255)
    text = blocks.RichTextBlock(label=_("Что происходит"), features=TEXT_FEATURES, required=False)

    class Meta:
        icon = "list-ol"
        label = _("Шаг маршрута")


def normalise_search_text(*parts):
    """Case-folded text for a case-insensitive search that works for Cyrillic on any database.

    SQLite folds only ASCII letters in LIKE and lower(), so the catalogue searches this column
    with the case-folded query instead of relying on the database.
    """
    text = " ".join(str(part) for part in parts if part)
    return " ".join(text.casefold().replace("ё", "е").split())


class HomePage(PublicCacheMixin, Page):
    """The site's root page."""

    intro = RichTextField(_("вступление"), features=TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = [
        "content.LifeSituationPage",
        "content.ServiceIndexPage",
        "content.ContactsPage",
        "content.StandardPage",
        "content.FAQPage",
        "content.SurveyPage",
    ]
    max_count_per_parent = 1
    api_fields = [APIField("intro")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = list(self.get_children().live().specific())
        context["highlighted"] = [p for p in children if getattr(p, "highlight", False)]
        context["situations"] = [p for p in children if isinstance(p, LifeSituationPage)]
        from content.models.surveys import SurveyPage  # surveys are offered in the footer

        context["others"] = [
            p
            for p in children
            if not isinstance(p, LifeSituationPage | SurveyPage)
            and not getattr(p, "highlight", False)
        ]
        return context

    class Meta:
        verbose_name = _("главная страница")
        verbose_name_plural = _("главные страницы")


class LifeSituationPageForm(WagtailAdminPageForm):
    """Offers only the categories of the page's own language in the service list."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("service_links")
        if formset is None:
            return
        from content.models.snippets import ServiceCategory

        locale_id = (
            self.instance.locale_id
            or getattr(self.parent_page, "locale_id", None)
            or Locale.get_default().pk
        )
        categories = ServiceCategory.objects.filter(locale_id=locale_id)
        # A subclass per form, so that the empty form for "add" gets the same choices.
        formset.form = type(formset.form.__name__, (formset.form,), {})
        formset.form.base_fields["category"].queryset = categories
        for form in formset.forms:
            form.fields["category"].queryset = categories


class LifeSituationPage(PublicCacheMixin, Page):
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
        FieldPanel("centres", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("target_audience"),
    ]
    base_form_class = LifeSituationPageForm
    parent_page_types = ["content.HomePage"]
    subpage_types = []
    api_fields = [
        APIField("summary"),
        APIField("target_audience"),
        APIField("main_problems"),
        APIField("what_you_get"),
        APIField("route_steps"),
        # Only the public services: a nested field is filtered like the listing itself.
        APIField("service_links", serializer=PublicServiceLinksField()),
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contacts"] = ContactsPage.objects.live().filter(locale=self.locale).first()
        context["service_links"] = (
            public_service_links(self)
            .select_related("service", "service__locale", "category")
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

    # Three categories: a plain list is quicker for editors than a chooser window.
    panels = [FieldPanel("service"), FieldPanel("category", widget=forms.Select)]
    api_fields = [
        APIField("service_id"),
        APIField("service_title"),
        APIField("category_name"),
    ]

    @property
    def service_title(self):
        return self.service.title

    @property
    def category_name(self):
        return self.category.name

    class Meta(Orderable.Meta):
        verbose_name = _("услуга комплекса")
        verbose_name_plural = _("комплекс услуг")
        constraints = [
            models.UniqueConstraint(fields=["page", "service"], name="unique_service_per_situation")
        ]

    def __str__(self):
        return f"{self.page} — {self.service}"


class ServiceIndexPage(PublicCacheMixin, Page):
    """The service catalogue."""

    intro = RichTextField(_("вступление"), features=TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.ServicePage"]
    api_fields = [APIField("intro")]

    def get_context(self, request, *args, **kwargs):
        from content.filters import ServiceFilter

        context = super().get_context(request, *args, **kwargs)
        services = (
            ServicePage.objects.child_of(self).live().select_related("provider").order_by("title")
        )
        service_filter = ServiceFilter(request.GET or None, queryset=services, catalogue=self)
        context["filter"] = service_filter
        context["services"] = list(service_filter.qs)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # The same URL answers HTMX with the results fragment: shared caches must tell them apart.
        patch_vary_headers(response, ["HX-Request"])
        return response

    def get_template(self, request, *args, **kwargs):
        if getattr(request, "htmx", False) and not request.htmx.history_restore_request:
            return "content/includes/service_results.html"
        return super().get_template(request, *args, **kwargs)

    class Meta:
        verbose_name = _("каталог услуг")
        verbose_name_plural = _("каталоги услуг")


class ServicePage(PublicCacheMixin, Page):
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
    search_text = models.TextField(editable=False, blank=True, default="")

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
    api_fields = [
        APIField("official_name"),
        APIField("summary"),
        APIField("description"),
        APIField("eligibility"),
        APIField("result_type"),
        APIField("request_mode"),
        APIField("documents"),
        APIField("channel_in_person"),
        APIField("channel_phone"),
        APIField("channel_portal"),
        APIField("provider", serializer=PartnerSerializer()),
        APIField("responsible_role", serializer=RoleSerializer()),
        APIField("duration"),
        APIField("life_situations"),
    ]

    def save(self, *args, **kwargs):
        self.search_text = normalise_search_text(self.title, self.official_name, self.summary)
        return super().save(*args, **kwargs)

    @property
    def life_situations(self):
        return [
            {"id": link.page_id, "title": link.page.title, "category": link.category.name}
            for link in public_situation_links(self).select_related("page", "category")
        ]

    @property
    def channels(self):
        return [
            label
            for flag, label in (
                (self.channel_in_person, _("лично в центре занятости")),
                (self.channel_phone, _("по телефону")),
                (self.channel_portal, _("на портале «Работа в России»")),
            )
            if flag
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["situation_links"] = public_situation_links(self).select_related("page")
        return context

    class Meta:
        verbose_name = _("услуга")
        verbose_name_plural = _("услуги")


class ContactsPage(PublicCacheMixin, Page):
    """Contacts and "how to get to us", with what a citizen with a disability needs to know."""

    intro = RichTextField(_("вступление"), features=TEXT_FEATURES, blank=True)
    address = models.CharField(
        _("адрес"), max_length=255, blank=True, help_text=_("Улица, дом, город.")
    )
    opening_hours = models.CharField(_("часы работы"), max_length=255, blank=True)
    phone = models.CharField(_("телефон справочной службы (колл-центр)"), max_length=40)
    how_to_get_here = RichTextField(_("как добраться"), features=TEXT_FEATURES, blank=True)
    accessible_entrance = RichTextField(_("доступный вход"), features=TEXT_FEATURES, blank=True)
    disabled_parking = RichTextField(
        _("парковка для людей с инвалидностью"), features=TEXT_FEATURES, blank=True
    )
    companion = RichTextField(
        _("можно ли прийти с сопровождающим"), features=TEXT_FEATURES, blank=True
    )
    priority_window = RichTextField(
        _("отдельное окно без очереди"), features=TEXT_FEATURES, blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("opening_hours"), FieldPanel("phone")],
            heading=_("Адрес и телефон"),
        ),
        FieldPanel("how_to_get_here"),
        FieldPanel("accessible_entrance"),
        FieldPanel("disabled_parking"),
        FieldPanel("companion"),
        FieldPanel("priority_window"),
    ]
    parent_page_types = ["content.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    api_fields = [
        APIField("intro"),
        APIField("address"),
        APIField("opening_hours"),
        APIField("phone"),
        APIField("how_to_get_here"),
        APIField("accessible_entrance"),
        APIField("disabled_parking"),
        APIField("companion"),
        APIField("priority_window"),
    ]

    @property
    def phone_href(self):
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        if len(digits) == 11 and digits[0] == "8":
            digits = "7" + digits[1:]
        return "tel:+" + digits if digits else ""

    class Meta:
        verbose_name = _("контакты и как добраться")
        verbose_name_plural = _("контакты и как добраться")


class StandardPage(PublicCacheMixin, Page):
    """A standard content page; "highlight" makes it a bright item of the main navigation."""

    summary = models.TextField(_("кратко, простыми словами"), blank=True)
    body = RichTextField(_("текст"), features=BODY_FEATURES)
    highlight = models.BooleanField(
        _("выделить в главном меню"),
        default=False,
        help_text=_("Например, раздел «Услуги для людей с инвалидностью»."),
    )
    related_pages = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Страница")))],
        verbose_name=_("смотрите также"),
        blank=True,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("related_pages"),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("highlight")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["content.HomePage", "content.StandardPage"]
    subpage_types = ["content.StandardPage"]
    api_fields = [
        APIField("summary"),
        APIField("body"),
        APIField("highlight"),
        APIField("related_pages", serializer=PublicPageStreamField()),
    ]

    class Meta:
        verbose_name = _("текстовая страница")
        verbose_name_plural = _("текстовые страницы")


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Вопрос"), max_length=255)
    answer = blocks.RichTextBlock(label=_("Ответ"), features=TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Вопрос и ответ")


class FAQPage(PublicCacheMixin, Page):
    """Questions and answers."""

    intro = RichTextField(_("вступление"), features=TEXT_FEATURES, blank=True)
    questions = StreamField([("question", QuestionBlock())], verbose_name=_("вопросы"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("questions")]
    search_fields = [*Page.search_fields, index.SearchField("questions")]
    parent_page_types = ["content.HomePage"]
    subpage_types = []
    api_fields = [APIField("intro"), APIField("questions")]

    class Meta:
        verbose_name = _("вопросы и ответы")
        verbose_name_plural = _("вопросы и ответы")
