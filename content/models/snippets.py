"""Reference data that editors keep as snippets: categories, roles, partners, client profiles."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail.search import index

from content.choices import INDICATOR_GROUPS
from content.models.fields import (
    name_search_fields,
    optional_life_situation,
    unique_slug_per_locale,
)


class ServiceCategory(TranslatableMixin, index.Indexed, models.Model):
    """A heading under which a life situation groups its services (existing / new / other)."""

    name = models.CharField(_("название"), max_length=255)
    slug = models.SlugField(_("код"), max_length=60)
    description = models.TextField(_("пояснение"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = name_search_fields()

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("категория услуг")
        verbose_name_plural = _("категории услуг")
        constraints = unique_slug_per_locale("unique_category_slug_locale")

    def __str__(self):
        return self.name


class Role(TranslatableMixin, RevisionMixin, index.Indexed, models.Model):
    """A role of the role model (ролевая модель): duties, key documents, workplace.

    The services a role delivers are the services whose responsible role it is. The linked
    group carries the role's permissions for staff accounts.
    """

    name = models.CharField(_("название роли"), max_length=255)
    slug = models.SlugField(_("код"), max_length=60)
    duties = RichTextField(_("ключевые обязанности"), features=["ul", "ol", "bold", "italic"])
    key_documents = RichTextField(_("ключевые документы"), features=["ul", "ol", "bold", "italic"])
    workplace = RichTextField(_("рабочее место"), features=["ul", "ol", "bold", "italic"])
    group = models.ForeignKey(
        Group,
        verbose_name=_("группа прав сотрудников"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("duties"),
        FieldPanel("key_documents"),
        FieldPanel("workplace"),
        MultiFieldPanel([FieldPanel("group"), FieldPanel("sort_order")], heading=_("Настройки")),
    ]
    search_fields = name_search_fields()

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("роль")
        verbose_name_plural = _("роли (ролевая модель)")
        constraints = unique_slug_per_locale("unique_role_slug_locale")

    def __str__(self):
        return self.name


class Partner(TranslatableMixin, RevisionMixin, index.Indexed, models.Model):
    """A partner organisation that delivers part of a complex (e.g. a rehabilitation centre)."""

    name = models.CharField(_("полное наименование"), max_length=255)
    short_name = models.CharField(_("краткое наименование"), max_length=120, blank=True)
    slug = models.SlugField(_("код"), max_length=60)
    address = models.CharField(_("адрес"), max_length=255, blank=True)
    phone = models.CharField(_("телефон"), max_length=40, blank=True)
    website = models.URLField(_("сайт"), blank=True)
    agreement = models.CharField(
        _("основание взаимодействия"),
        max_length=255,
        blank=True,
        help_text=_("Например: Соглашение о взаимодействии от 16.10.2019."),
    )
    description = RichTextField(_("чем помогает"), blank=True)
    # What the centre's referral to this partner needs (cases.services.referrals).
    centres = models.ManyToManyField(
        "portal.Centre",
        verbose_name=_("центры занятости"),
        blank=True,
        related_name="partners",
        help_text=_("Центры, которые направляют к партнёру. Пусто — все центры."),
    )
    offer_service = models.CharField(
        _("услуга в предложении"),
        max_length=255,
        blank=True,
        help_text=_(
            "Продолжение слов «Предложение о предоставлении государственной услуги…», "
            "например: «по психологической помощи и поддержке граждан, имеющих инвалидность»."
        ),
    )
    required_documents = models.TextField(
        _("документы для направления"),
        blank=True,
        help_text=_("По одному на строку, например: паспорт, трудовая книжка, ИПРА."),
    )
    conclusion_days = models.PositiveSmallIntegerField(
        _("срок заключения, рабочих дней"),
        default=10,
        help_text=_("Направление без заключения после этого срока отмечается как просроченное."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("website"),
        FieldPanel("agreement"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("centres"),
                FieldPanel("offer_service"),
                FieldPanel("required_documents"),
                FieldPanel("conclusion_days"),
            ],
            heading=_("Направления граждан"),
        ),
    ]
    search_fields = name_search_fields()

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("партнер")
        verbose_name_plural = _("партнеры")
        constraints = unique_slug_per_locale("unique_partner_slug_locale")

    def __str__(self):
        return self.short_name or self.name

    @property
    def documents(self):
        """The documents a referral to the partner needs, one a line."""
        return [line.strip() for line in self.required_documents.splitlines() if line.strip()]


class ClientProfile(RevisionMixin, index.Indexed, models.Model):
    """A client portrait (портрет клиента / профиль клиентской группы) of the Standard."""

    name = models.CharField(_("название профиля"), max_length=255, unique=True)
    life_situation = optional_life_situation("client_profiles")
    goal = models.TextField(_("цель клиента"), blank=True)
    region = models.CharField(_("регион"), max_length=255, blank=True)
    age = models.CharField(_("возраст"), max_length=255, blank=True)
    gender = models.CharField(_("пол"), max_length=255, blank=True)
    family_status = models.TextField(_("семейный статус"), blank=True)
    education = models.TextField(_("образование"), blank=True)
    work_experience = models.TextField(_("опыт работы"), blank=True)
    preferred_channels = models.TextField(_("предпочтительные формы взаимодействия"), blank=True)
    values_interests = models.TextField(_("ценности, личные качества, интересы"), blank=True)
    desires = models.TextField(_("желания"), blank=True)
    pains = models.TextField(_("боли и сложности"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("life_situation"),
        FieldPanel("goal"),
        MultiFieldPanel(
            [
                FieldPanel("region"),
                FieldPanel("age"),
                FieldPanel("gender"),
                FieldPanel("family_status"),
                FieldPanel("education"),
                FieldPanel("work_experience"),
            ],
            heading=_("Социально-демографические характеристики"),
        ),
        FieldPanel("preferred_channels"),
        FieldPanel("values_interests"),
        FieldPanel("desires"),
        FieldPanel("pains"),
    ]
    search_fields = name_search_fields()

    class Meta:
        ordering = ["name"]
        verbose_name = _("портрет клиента")
        verbose_name_plural = _("портреты клиентов")

    def __str__(self):
        return self.name


class ClientIndicator(index.Indexed, models.Model):
    """A client performance indicator (клиентский показатель эффективности)."""

    name = models.CharField(_("показатель"), max_length=255)
    group = models.CharField(_("группа показателей"), max_length=20, choices=INDICATOR_GROUPS)
    description = models.TextField(_("содержание"), blank=True)
    life_situation = optional_life_situation("client_indicators")
    target_value = models.DecimalField(
        _("целевое значение, %"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("group"),
        FieldPanel("description"),
        FieldPanel("life_situation"),
        FieldPanel("target_value"),
        FieldPanel("sort_order"),
    ]
    search_fields = name_search_fields()

    class Meta:
        ordering = ["life_situation_id", "sort_order", "name"]
        verbose_name = _("клиентский показатель")
        verbose_name_plural = _("клиентские показатели")

    def __str__(self):
        return self.name
