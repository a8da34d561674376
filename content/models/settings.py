"""Site settings editors change in the admin (Настройки → Контакты центра): the help-line phone
and contacts shown in every page's footer, on the life-situation pages and on the error pages.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from content.text import tel_href


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    phone = models.CharField(
        _("телефон справочной службы"),
        max_length=40,
        blank=True,
        help_text=_("Как его читать людям, например «(8552) 52-47-10»."),
    )
    hours = models.CharField(_("часы работы справочной службы"), max_length=120, blank=True)
    email = models.EmailField(_("электронная почта"), blank=True)

    panels = [FieldPanel("phone"), FieldPanel("hours"), FieldPanel("email")]

    class Meta:
        verbose_name = _("контакты центра")

    @property
    def phone_href(self):
        return tel_href(self.phone)
