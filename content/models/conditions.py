"""Working conditions and the IPRA's measures: vocabularies editors keep as snippets.

`WorkingCondition` is the vocabulary of conditions of work (heavy physical work, night shifts,
work at height, harmful substances …) that an IPRA recommends or contraindicates, and that a
service involves (`ServicePage.working_conditions`): the case module warns when a plan item's
service involves a condition the citizen's IPRA contraindicates. Vacancies will name the same
conditions later, so the vocabulary is generic («условия труда»).

`RehabilitationMeasure` maps a measure as the bureau's file names it («Содействие в
трудоустройстве», «Профессиональная ориентация») to the catalogue's service, so that the
IPRA's measures become plan items.

Both are matched against the wording of the files by their name and their other wordings (one
per line), case-folded: a new wording is an editor's change, not a deploy.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from content.models.fields import name_search_fields
from content.text import normalise_search_text


def _wordings_help():
    return _(
        "Как ещё это пишут в ИПРА — по одной формулировке в строке. Регистр и буква «ё» "
        "не важны; формулировка ищется внутри строки ИПРА."
    )


class WordingsMixin(models.Model):
    """A name and other wordings by which a vocabulary entry is found in an IPRA's text."""

    synonyms = models.TextField(_("другие формулировки"), blank=True, help_text=_wordings_help())

    class Meta:
        abstract = True

    def wordings(self):
        """The case-folded wordings, the name first; empty lines dropped."""
        lines = [self.name, *self.synonyms.splitlines()]
        return [w for w in (normalise_search_text(line) for line in lines) if w]

    def clean(self):
        super().clean()
        folded = self.wordings()
        if len(set(folded)) != len(folded):
            raise ValidationError({"synonyms": _("Одна и та же формулировка указана дважды.")})


class WorkingCondition(WordingsMixin, index.Indexed, models.Model):
    """A condition of work (условие труда) an IPRA may recommend or contraindicate."""

    name = models.CharField(_("условие труда"), max_length=255, unique=True)
    slug = models.SlugField(_("код"), max_length=60, unique=True)
    description = models.TextField(_("пояснение"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("synonyms"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = name_search_fields()

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("условие труда")
        verbose_name_plural = _("условия труда")

    def __str__(self):
        return self.name


class RehabilitationMeasure(WordingsMixin, index.Indexed, models.Model):
    """A measure an IPRA assigns to the employment service, and the service that carries it out."""

    name = models.CharField(_("мероприятие ИПРА"), max_length=255, unique=True)
    service = models.ForeignKey(
        "content.ServicePage",
        verbose_name=_("услуга каталога"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Услуга, которой исполняется мероприятие: она попадёт в план гражданина."),
    )
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("synonyms"),
        FieldPanel("service"),
        FieldPanel("sort_order"),
    ]
    search_fields = name_search_fields()

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("мероприятие ИПРА")
        verbose_name_plural = _("мероприятия ИПРА и услуги")

    def __str__(self):
        return self.name


def match_wordings(text, entries):
    """The entries (WorkingCondition or RehabilitationMeasure) whose wording occurs in `text`,
    in the entries' order. `entries` is a list of (entry, folded wordings)."""
    folded = normalise_search_text(text)
    return [entry for entry, wordings in entries if any(w in folded for w in wordings)]
