"""Filters of the IPRA registry: state, group, bureau, measure, deadline overdue or within N
days, and a search by SNILS, name or IPRA number. Posted and kept in the session, as the
registry of recipients does, so nothing typed reaches a URL."""

import datetime

import django_filters
from django import forms
from django.core.cache import cache
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.choices import DisabilityGroup, IpraState
from cases.models import Ipra, IpraMeasure, fold
from cases.validators import snils_digits
from content.models import RehabilitationMeasure

DEADLINES = [("overdue", _("Срок истёк")), ("within", _("Срок истекает в ближайшие дни"))]


def bureaus_of(centre):
    """The bureaus the centre's IPRA came from (cached: a scan of the registry)."""
    key = f"ipra-bureaus-{centre.pk}"
    found = cache.get(key)
    if found is None:
        found = sorted(
            Ipra.objects.filter(centre=centre)
            .exclude(bureau="")
            .order_by()
            .values_list("bureau", flat=True)
            .distinct()
        )
        cache.set(key, found, 600)
    return found


def search_ipra(queryset, value):
    """By SNILS (digits, any formatting), by IPRA number (digits with dots or a slash), or by
    the words of a name; every look-up within the queryset's centre."""
    value = value.strip()
    digits = snils_digits(value)
    compact = value.replace(" ", "").replace("-", "")
    if len(digits) >= 3 and len(digits) == len(compact):
        if len(digits) == 11:
            return queryset.filter(snils=digits)
        return queryset.filter(snils__startswith=digits)
    if any(ch.isdigit() for ch in value) and ("/" in value or "." in value):
        return queryset.filter(number__startswith=value)
    for word in fold(value).split():
        queryset = queryset.filter(search_text__contains=word)
    return queryset


class IpraFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("СНИЛС, ФИО или номер ИПРА"),
        method="search",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    state = django_filters.MultipleChoiceFilter(
        label=_("Состояние"), choices=IpraState.choices, widget=forms.CheckboxSelectMultiple
    )
    group = django_filters.ChoiceFilter(
        label=_("Группа инвалидности"),
        field_name="disability_group",
        choices=DisabilityGroup.choices,
        empty_label=_("Все"),
    )
    bureau = django_filters.ChoiceFilter(label=_("Бюро МСЭ"), choices=[], empty_label=_("Все"))
    measure = django_filters.ModelChoiceFilter(
        label=_("Мероприятие"),
        queryset=RehabilitationMeasure.objects.all(),
        empty_label=_("Все"),
        method="filter_measure",
    )
    deadline = django_filters.ChoiceFilter(
        label=_("Срок исполнения мероприятий"),
        choices=DEADLINES,
        empty_label=_("Любой"),
        method="filter_deadline",
    )
    days = django_filters.NumberFilter(
        label=_("Сколько дней вперёд"),
        method="noop",
        min_value=1,
        max_value=365,
        widget=forms.NumberInput(attrs={"min": 1, "max": 365, "inputmode": "numeric"}),
    )
    superseded = django_filters.BooleanFilter(
        label=_("Показывать и заменённые более новыми ИПРА"),
        method="noop",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Ipra
        fields = ["q", "state", "group", "bureau", "measure", "deadline", "days", "superseded"]

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["bureau"].extra["choices"] = [(b, b) for b in bureaus_of(centre)]
        self.form.fields["days"].initial = 14
        self.form.fields["days"].help_text = _(
            "Для условия «истекает в ближайшие дни»; 14, если пусто."
        )

    @property
    def qs(self):
        queryset = super().qs
        bound = self.form.is_bound and self.form.is_valid()
        if not (bound and self.form.cleaned_data.get("superseded")):
            queryset = queryset.current()
        return queryset

    def noop(self, queryset, name, value):
        return queryset

    def search(self, queryset, name, value):
        return search_ipra(queryset, value)

    def filter_measure(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(
            Exists(IpraMeasure.objects.filter(ipra=OuterRef("pk"), measure=value))
        )

    def filter_deadline(self, queryset, name, value):
        today = timezone.localdate()
        open_ = queryset.filter(state__in=IpraState.open())
        if value == "overdue":
            return open_.filter(deadline__lt=today)
        if value == "within":
            days = int(self.form.cleaned_data.get("days") or 14)
            horizon = today + datetime.timedelta(days=days)
            return open_.filter(deadline__gte=today, deadline__lte=horizon)
        return queryset
