"""The service catalogue's filters: a plain GET form that HTMX also submits in place."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from content.choices import ResultType, ServiceChannel
from content.models.pages import LifeSituationPage
from content.models.snippets import Partner, ServiceCategory
from content.text import normalise_search_text


class ServiceFilter(django_filters.FilterSet):
    """Filters the services the catalogue page passes in (`queryset`): declared filters only,
    no model, so the catalogue's page module can use it without an import cycle."""

    q = django_filters.CharFilter(
        label=_("Поиск по названию"),
        method="filter_text",
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    situation = django_filters.ModelChoiceFilter(
        label=_("Жизненная ситуация"),
        queryset=LifeSituationPage.objects.none(),
        field_name="life_situation_links__page",
        empty_label=_("Все"),
    )
    category = django_filters.ChoiceFilter(
        label=_("Категория"), method="filter_category", empty_label=_("Все")
    )
    result_type = django_filters.ChoiceFilter(
        label=_("Результат"), choices=ResultType.choices, empty_label=_("Любой")
    )
    channel = django_filters.ChoiceFilter(
        label=_("Как получить"),
        choices=ServiceChannel.choices,
        method="filter_channel",
        empty_label=_("Любой"),
    )
    provider = django_filters.ChoiceFilter(
        label=_("Кто оказывает"), method="filter_provider", empty_label=_("Любой")
    )

    def __init__(self, data=None, queryset=None, *, catalogue=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        locale = catalogue.locale if catalogue is not None else None
        situations = LifeSituationPage.objects.live().public().order_by("title")
        if locale is not None:
            situations = situations.filter(locale=locale)
        self.filters["situation"].queryset = situations
        categories = ServiceCategory.objects.all()
        partners = Partner.objects.all()
        if locale is not None:
            categories = categories.filter(locale=locale)
            partners = partners.filter(locale=locale)
        self.filters["category"].extra["choices"] = [(c.slug, c.name) for c in categories]
        self.filters["provider"].extra["choices"] = [
            ("centre", _("Центр занятости")),
            *((p.slug, str(p)) for p in partners),
        ]

    def filter_text(self, queryset, name, value):
        for word in normalise_search_text(value).split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def filter_category(self, queryset, name, value):
        return queryset.filter(life_situation_links__category__slug=value).distinct()

    def filter_channel(self, queryset, name, value):
        return queryset.filter(**{f"channel_{value}": True})

    def filter_provider(self, queryset, name, value):
        if value == "centre":
            return queryset.filter(provider__isnull=True)
        return queryset.filter(provider__slug=value)

    @property
    def qs(self):
        return super().qs.distinct()
