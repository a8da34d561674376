"""The service catalogue: its index page with the filters, and one page per service."""

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from content.caching import PublicCacheMixin
from content.choices import RequestMode, ResultType
from content.filters import ServiceFilter
from content.serializers import PartnerSerializer, RoleSerializer
from content.text import TEXT_FEATURES, normalise_search_text
from content.visibility import public_situation_links


class ServiceIndexPage(PublicCacheMixin, Page):
    """The service catalogue."""

    intro = RichTextField(_("вступление"), features=TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.ServicePage"]
    api_fields = [APIField("intro")]

    per_page = 15

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        services = (
            ServicePage.objects.child_of(self).live().select_related("provider").order_by("title")
        )
        service_filter = ServiceFilter(request.GET or None, queryset=services, catalogue=self)
        # Fifty services are a small list: loaded once, then paged in memory (no COUNT query).
        paginator = Paginator(list(service_filter.qs), self.per_page)
        page_obj = paginator.get_page(request.GET.get("page"))
        context["filter"] = service_filter
        context["page_obj"] = page_obj
        context["services"] = page_obj.object_list
        context["services_found"] = paginator.count
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

    official_name = models.TextField(
        _("официальное наименование"),
        help_text=_("Как в перечне услуг жизненной ситуации; заголовок страницы — короче."),
    )
    summary = models.TextField(_("кратко, простыми словами"), blank=True)
    description = RichTextField(_("что это и что даёт"), features=TEXT_FEATURES, blank=True)
    eligibility = RichTextField(_("кто может получить"), features=TEXT_FEATURES, blank=True)
    result_type = models.CharField(
        _("результат услуги"), max_length=20, choices=ResultType, default=ResultType.INFORMATION
    )
    request_mode = models.CharField(
        _("как предоставляется"), max_length=20, choices=RequestMode, default=RequestMode.REQUEST
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
    # Conditions of work the service involves: a plan item of this service is warned about when
    # the citizen's IPRA contraindicates one of them (cases.services.ipra).
    working_conditions = ParentalManyToManyField(
        "content.WorkingCondition",
        verbose_name=_("условия труда"),
        blank=True,
        related_name="services",
        help_text=_(
            "Условия труда, которые предполагает услуга (например, тяжёлый физический труд на "
            "общественных работах). Если ИПРА гражданина их противопоказывает, сотрудник увидит "
            "предупреждение при добавлении услуги в план."
        ),
    )
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
        FieldPanel("working_conditions", widget=forms.CheckboxSelectMultiple),
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

    def own_situation_links(self):
        """Links from the live, public life situations of this page's own locale: a Tatar or
        English translation of a situation is the same situation, not another one."""
        return public_situation_links(self).filter(page__locale_id=self.locale_id)

    @property
    def life_situations(self):
        return [
            {"id": link.page_id, "title": link.page.title, "category": link.category.name}
            for link in self.own_situation_links().select_related("page", "category")
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
        context["situation_links"] = self.own_situation_links().select_related("page")
        return context

    class Meta:
        verbose_name = _("услуга")
        verbose_name_plural = _("услуги")
