"""The registry table: one row a case, sortable, paginated without counting the table."""

import django_tables2 as tables
from django.core.paginator import EmptyPage, Page
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_tables2.paginators import LazyPaginator
from django_tables2.rows import BoundRows

from cases.models import AccessLog, Case


def cell(label):
    """Column attributes: the header repeated on each cell, so that on a phone the row reads
    as label–value pairs (staff.css, `td::before { content: attr(data-label) }`)."""
    return {"td": {"data-label": label}}


class RegistryTable(tables.Table):
    number = tables.Column(
        verbose_name=_("Случай"),
        attrs=cell(_("Случай")),
        accessor="pk",
        order_by=("-opened_at", "-pk"),
    )
    citizen = tables.Column(
        verbose_name=_("Гражданин"),
        attrs=cell(_("Гражданин")),
        accessor="citizen__last_name",
        order_by=("citizen__last_name", "citizen__first_name", "pk"),
    )
    birth_date = tables.DateColumn(
        verbose_name=_("Дата рождения"),
        attrs=cell(_("Дата рождения")),
        accessor="citizen__birth_date",
        format="d.m.Y",
        orderable=False,
    )
    life_situation = tables.Column(
        verbose_name=_("Жизненная ситуация"),
        attrs=cell(_("Жизненная ситуация")),
        accessor="life_situation__title",
        orderable=False,
    )
    state = tables.Column(verbose_name=_("Этап"), attrs=cell(_("Этап")), order_by=("state", "pk"))
    curator = tables.Column(
        verbose_name=_("Куратор"),
        attrs=cell(_("Куратор")),
        accessor="curator__last_name",
        order_by=("curator__last_name", "pk"),
        default="—",
    )
    opened_at = tables.DateColumn(
        verbose_name=_("Открыт"),
        attrs=cell(_("Открыт")),
        format="d.m.Y",
        order_by=("opened_at", "pk"),
    )
    overdue = tables.Column(
        verbose_name=_("Просрочки"),
        attrs=cell(_("Просрочки")),
        accessor="has_overdue",
        orderable=False,
    )

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


class DeferredJoinPaginator(LazyPaginator):
    """LazyPaginator that pages by primary key first (the ORDER BY and OFFSET run on the index
    alone), then loads the page's rows with their joins: deep pages stay fast."""

    def page(self, number):
        rows = self.object_list
        queryset = getattr(getattr(rows, "data", None), "data", None)
        if not isinstance(queryset, QuerySet):
            return super().page(number)
        number = self.validate_number(number or 1)
        bottom = (number - 1) * self.per_page
        limit = bottom + self.per_page + self.orphans + (self.look_ahead - 1) * self.per_page + 1
        ids = list(queryset.values_list("pk", flat=True)[bottom:limit])
        if len(ids) > self.per_page + self.orphans:
            self._num_pages = number + len(ids) // self.per_page
            ids = ids[: self.per_page]
        elif number != 1 and len(ids) <= self.orphans:
            raise EmptyPage(_("Такой страницы нет"))
        else:
            self._num_pages = self._final_num_pages = number
        loaded = {obj.pk: obj for obj in queryset.order_by().filter(pk__in=ids)}
        records = [loaded[pk] for pk in ids if pk in loaded]
        return Page(BoundRows(data=records, table=rows.table), number, self)


class AccessLogTable(tables.Table):
    """The access log for the data-protection officer: one access in a row, newest first."""

    at = tables.DateTimeColumn(
        verbose_name=_("Когда"), attrs=cell(_("Когда")), format="d.m.Y H:i:s", orderable=False
    )
    user = tables.Column(verbose_name=_("Сотрудник"), attrs=cell(_("Сотрудник")), orderable=False)
    action = tables.Column(verbose_name=_("Действие"), attrs=cell(_("Действие")), orderable=False)
    object_type = tables.Column(
        verbose_name=_("Что открыто"), attrs=cell(_("Что открыто")), orderable=False
    )
    label = tables.Column(verbose_name=_("Запись"), attrs=cell(_("Запись")), orderable=False)
    detail = tables.Column(
        verbose_name=_("Подробности"), attrs=cell(_("Подробности")), orderable=False, default="—"
    )
    address = tables.Column(
        verbose_name=_("Адрес"), attrs=cell(_("Адрес")), orderable=False, default="—"
    )

    class Meta:
        model = AccessLog
        fields = []
        sequence = ["at", "user", "action", "object_type", "label", "detail", "address"]
        template_name = "cases/includes/access_log_table.html"
        empty_text = _("Записей нет. Измените условия отбора.")

    def render_user(self, record):
        if record.user is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("cases:audit-user", args=[record.user_id]),
            record.user.get_short_name(),
        )

    def render_action(self, record):
        return record.get_action_display()

    def render_object_type(self, record):
        return record.get_object_type_display()

    def render_label(self, record):
        if record.citizen_id is None:
            return record.label or "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("cases:audit-citizen", args=[record.citizen_id]),
            record.label,
        )
