"""Filters of the registry of recipients (реестр получателей комплекса услуг)."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases import route_graph as r
from cases.choices import AccessAction, AccessObject, PlanItemStatus
from cases.forms import curators_of, live_life_situations
from cases.models import AccessLog, Case, PlanItem, fold
from cases.validators import snils_digits
from portal.calendar import calendar_for
from portal.widgets import DateInput


def overdue_items(centre):
    """The case's plan items overdue today by the centre's production calendar (business days,
    as everywhere else: portal/calendar.py)."""
    cutoff = calendar_for(centre).late_cutoff(timezone.localdate())
    return PlanItem.objects.filter(case=OuterRef("pk"), due_date__lte=cutoff).exclude(
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
        self.centre = centre
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
            return queryset.filter(Exists(overdue_items(self.centre)))
        return queryset


class AccessLogFilter(django_filters.FilterSet):
    """Filters of the access log (dates, a colleague, an action, a kind of record): nothing of a
    citizen, so they may travel in the URL."""

    date_from = django_filters.DateFilter(
        label=_("С даты"), field_name="at", lookup_expr="date__gte", widget=DateInput()
    )
    date_to = django_filters.DateFilter(
        label=_("По дату"), field_name="at", lookup_expr="date__lte", widget=DateInput()
    )
    user = django_filters.ModelChoiceFilter(
        label=_("Сотрудник"), queryset=None, empty_label=_("Все")
    )
    action = django_filters.ChoiceFilter(
        label=_("Действие"), choices=AccessAction.choices, empty_label=_("Все")
    )
    object_type = django_filters.ChoiceFilter(
        label=_("Что открыто"), choices=AccessObject.choices, empty_label=_("Все")
    )

    class Meta:
        model = AccessLog
        fields = ["date_from", "date_to", "user", "action", "object_type"]

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        staff = get_user_model().objects.filter(centre=centre).order_by("last_name", "first_name")
        self.filters["user"].queryset = staff
        self.filters["user"].field.label_from_instance = lambda u: u.get_full_name()
