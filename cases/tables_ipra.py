"""The IPRA registry table: one IPRA a row, sortable, paginated without counting the table
(cases.tables.DeferredJoinPaginator)."""

import django_tables2 as tables
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from cases.models import Ipra
from cases.tables import cell


class IpraTable(tables.Table):
    caption = _("Реестр ИПРА: одна ИПРА в строке")  # read by registry_table.html
    number = tables.Column(
        verbose_name=_("ИПРА"),
        attrs=cell(_("ИПРА")),
        accessor="issued_on",
        order_by=("-issued_on", "-pk"),
    )
    citizen = tables.Column(
        verbose_name=_("Гражданин"),
        attrs=cell(_("Гражданин")),
        accessor="last_name",
        order_by=("last_name", "first_name", "pk"),
    )
    birth_date = tables.DateColumn(
        verbose_name=_("Дата рождения"),
        attrs=cell(_("Дата рождения")),
        format="d.m.Y",
        orderable=False,
    )
    disability_group = tables.Column(
        verbose_name=_("Группа"), attrs=cell(_("Группа")), orderable=False
    )
    bureau = tables.Column(verbose_name=_("Бюро МСЭ"), attrs=cell(_("Бюро МСЭ")), orderable=False)
    deadline = tables.Column(
        verbose_name=_("Срок исполнения"),
        attrs=cell(_("Срок исполнения")),
        order_by=("deadline", "pk"),
        default="—",
    )
    state = tables.Column(
        verbose_name=_("Состояние"), attrs=cell(_("Состояние")), order_by=("state", "pk")
    )

    class Meta:
        model = Ipra
        fields = []
        sequence = [
            "number",
            "citizen",
            "birth_date",
            "disability_group",
            "bureau",
            "deadline",
            "state",
        ]
        template_name = "cases/includes/registry_table.html"
        order_by = ("-issued_on",)
        empty_text = _("Ничего не найдено. Измените условия отбора.")

    def render_number(self, record):
        return format_html(
            '<a href="{}">№&nbsp;{}</a> <span class="nowrap">от {}</span>{}',
            reverse("cases:ipra-detail", args=[record.pk]),
            record.number,
            record.issued_on.strftime("%d.%m.%Y"),
            format_html(' <span class="muted">(заменена)</span>')
            if record.superseded_by_id
            else "",
        )

    def render_citizen(self, record):
        return record.full_name

    def render_disability_group(self, record):
        return record.get_disability_group_display()

    def render_deadline(self, record):
        text = record.deadline.strftime("%d.%m.%Y")
        if record.deadline_passed(timezone.localdate()):
            return format_html('<span class="overdue">{} (истёк)</span>', text)
        return text

    def render_state(self, record):
        return record.get_state_display()
