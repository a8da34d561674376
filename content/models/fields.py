"""Field declarations the content models share."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


def optional_life_situation(related_name, help_text=""):
    """A link to the life situation something is for; empty means "for every situation"."""
    return models.ForeignKey(
        "content.LifeSituationPage",
        verbose_name=_("жизненная ситуация"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        help_text=help_text,
    )


def name_search_fields():
    """Snippets are found by their name, also while typing in a chooser."""
    return [index.SearchField("name"), index.AutocompleteField("name")]


def unique_slug_per_locale(name):
    """A translatable snippet's code is unique within its language."""
    return [models.UniqueConstraint(fields=["slug", "locale"], name=name)]
