"""The public site's frame: the home page, life situations with their complex of services,
and the centre's contacts. The catalogue of services is in catalogue.py, plain text pages in
editorial.py."""

from django import forms
from django.db import models
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
from content.models.snippets import ServiceCategory
from content.models.surveys import SurveyPage
from content.serializers import PublicServiceLinksField
from content.text import TEXT_FEATURES, tel_href
from content.visibility import public_service_links


class RouteStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Шаг"), max_length=255)
    text = blocks.RichTextBlock(label=_("Что происходит"), features=TEXT_FEATURES, required=False)

    class Meta:
        icon = "list-ol"
        label = _("Шаг маршрута")


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
        # surveys are offered in the footer
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
        return tel_href(self.phone)

    class Meta:
        verbose_name = _("контакты и как добраться")
        verbose_name_plural = _("контакты и как добраться")
