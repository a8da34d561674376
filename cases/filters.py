"""Filters of the registry of recipients (реестр получателей комплекса услуг)."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases import route_graph as r
from cases.choices import PlanItemStatus
from cases.forms import curators_of, live_life_situations
from cases.models import Case, PlanItem, fold
from cases.validators import snils_digits


def overdue_items():
    return PlanItem.objects.filter(case=OuterRef("pk"), due_date__lt=timezone.localdate()).exclude(
        status__in=PlanItemStatus.finished()
    )


class RegistryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("ФИО или СНИЛС"),
        method="search",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    state = django_filters.MultipleChoiceFilter(
        label=_("Этап"), choices=r.STATES, widget=forms.CheckboxSelectMultiple
    )
    life_situation = django_filters.ModelChoiceFilter(
        label=_("Жизненная ситуация"), queryset=None, empty_label=_("Все")
    )
    curator = django_filters.ModelChoiceFilter(
        label=_("Куратор"), queryset=None, empty_label=_("Все")
    )
    overdue = django_filters.BooleanFilter(
        label=_("Только с просроченными пунктами плана"),
        method="filter_overdue",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Case
        fields = ["q", "state", "life_situation", "curator", "overdue"]

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["life_situation"].queryset = live_life_situations(centre).distinct()
        self.filters["curator"].queryset = curators_of(centre)
        self.filters["curator"].field.label_from_instance = lambda u: u.get_full_name()
        self.filters["life_situation"].field.label_from_instance = lambda p: p.title

    def search(self, queryset, name, value):
        digits = snils_digits(value)
        compact = value.replace(" ", "").replace("-", "")
        if len(digits) >= 3 and len(digits) == len(compact):
            return queryset.filter(citizen__snils__startswith=digits)
        for word in fold(value).split():
            queryset = queryset.filter(citizen__search_text__contains=word)
        return queryset

    def filter_overdue(self, queryset, name, value):
        if value:
            return queryset.filter(Exists(overdue_items()))
        return queryset
