"""The registry table: one row a case, sortable, paginated without counting the table."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from cases.models import Case


class RegistryTable(tables.Table):
    number = tables.Column(verbose_name=_("Случай"), accessor="pk", order_by=("-opened_at", "-pk"))
    citizen = tables.Column(
        verbose_name=_("Гражданин"),
        accessor="citizen__last_name",
        order_by=("citizen__last_name", "citizen__first_name", "pk"),
    )
    birth_date = tables.DateColumn(
        verbose_name=_("Дата рождения"),
        accessor="citizen__birth_date",
        format="d.m.Y",
        orderable=False,
    )
    life_situation = tables.Column(
        verbose_name=_("Жизненная ситуация"), accessor="life_situation__title", orderable=False
    )
    state = tables.Column(verbose_name=_("Этап"), order_by=("state", "pk"))
    curator = tables.Column(
        verbose_name=_("Куратор"),
        accessor="curator__last_name",
        order_by=("curator__last_name", "pk"),
        default="—",
    )
    opened_at = tables.DateColumn(
        verbose_name=_("Открыт"), format="d.m.Y", order_by=("opened_at", "pk")
    )
    overdue = tables.Column(verbose_name=_("Просрочки"), accessor="has_overdue", orderable=False)

    class Meta:
        model = Case
        fields = []
        sequence = [
            "number",
            "citizen",
            "birth_date",
            "life_situation",
            "state",
            "curator",
            "opened_at",
            "overdue",
        ]
        template_name = "cases/includes/registry_table.html"
        order_by = ("-opened_at",)
        empty_text = _("Ничего не найдено. Измените условия отбора.")

    def render_number(self, record):
        return format_html(
            '<a href="{}">№&nbsp;{}</a>',
            reverse("cases:case-detail", args=[record.pk]),
            record.number,
        )

    def render_citizen(self, record):
        return record.citizen.full_name

    def render_state(self, record):
        return record.get_state_display()

    def render_curator(self, record):
        return record.curator.get_short_name() if record.curator else "—"

    def render_overdue(self, value):
        return format_html('<span class="overdue">{}</span>', _("есть")) if value else "—"
