"""Categories of applicants the reception screen records (особые категории, региональные особо
учитываемые категории): a vocabulary editors keep as a snippet, since the law and the regions'
programmes change them.

A special category (federal) applies in every centre; a regional one only in the centres of its
region (`Centre.region`, written the same way), or everywhere when no region is given.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from content.choices import ApplicantCategoryKind


class ApplicantCategoryQuerySet(models.QuerySet):
    def for_region(self, region):
        """The active categories a centre of `region` records: federal ones and its region's."""
        return self.filter(active=True).filter(
            models.Q(kind=ApplicantCategoryKind.SPECIAL)
            | models.Q(region="")
            | models.Q(region__iexact=region.strip())
        )


class ApplicantCategory(models.Model):
    name = models.CharField(_("категория"), max_length=255)
    kind = models.CharField(
        _("вид"),
        max_length=20,
        choices=ApplicantCategoryKind.choices,
        default=ApplicantCategoryKind.SPECIAL,
    )
    region = models.CharField(
        _("субъект РФ"),
        max_length=120,
        blank=True,
        help_text=_(
            "Только для региональной категории: субъект РФ так, как он записан в карточке "
            "центра занятости. Пусто — категория видна всем центрам."
        ),
    )
    active = models.BooleanField(
        _("используется"),
        default=True,
        help_text=_("Снимите отметку, чтобы категорию больше не выбирали (отмеченные остаются)."),
    )
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    objects = ApplicantCategoryQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("region"),
        FieldPanel("active"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["kind", "sort_order", "name"]
        verbose_name = _("категория граждан")
        verbose_name_plural = _("категории граждан")
        constraints = [
            models.UniqueConstraint(fields=["kind", "region", "name"], name="unique_category")
        ]

    def __str__(self):
        return self.name
