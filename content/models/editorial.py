"""Plain editorial pages: standard text pages and questions with answers."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from content.caching import PublicCacheMixin
from content.serializers import PublicPageStreamField
from content.text import BODY_FEATURES, TEXT_FEATURES


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
