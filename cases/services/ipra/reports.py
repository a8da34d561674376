"""The journal of drawing up the list of measures («Журнал учета разработки перечня мероприятий
по ИПРА»), the execution reports to the bureau (one IPRA, or a period), the registry's export and
the import's rejected rows — as querysets for the screens and as rows for CSV/XLSX
(portal.spreadsheets, formula-like cells neutralised). SNILS masked unless the user may see it."""

import datetime

from django.db.models import Prefetch
from django.utils import timezone

from cases.choices import MeasureOutcome
from cases.models import Ipra, IpraMeasure
from portal import spreadsheets


def _d(value):
    return value.strftime("%d.%m.%Y") if value else ""


def _name(user):
    return user.get_short_name() if user else ""


def with_measures(queryset):
    return queryset.prefetch_related(
        Prefetch("measures", queryset=IpraMeasure.objects.order_by("sort_order", "pk"))
    )


def month_bounds(today=None):
    """The first and last day of this month: the journal's and the report's default period."""
    today = today or timezone.localdate()
    first = today.replace(day=1)
    last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    return first, last


# --- the journal -------------------------------------------------------------------------------
def journal(centre, date_from, date_to):
    """Every IPRA the centre received in the period, in the order received."""
    return with_measures(
        Ipra.objects.filter(centre=centre, received_on__range=(date_from, date_to))
        .select_related("acquainted_by", "measures_formed_by", "report", "report__sent_by")
        .order_by("received_on", "pk")
    )


JOURNAL_HEADER = [
    "№ п/п",
    "Дата поступления",
    "Номер ИПРА",
    "Дата ИПРА",
    "Протокол МСЭ",
    "Бюро МСЭ",
    "Фамилия, имя, отчество",
    "Дата рождения",
    "СНИЛС",
    "Срок исполнения",
    "Дата формирования перечня",
    "Перечень сформировал",
    "Дата ознакомления",
    "Способ ознакомления",
    "Ознакомил",
    "Мероприятия",
    "Отчёт направлен",
]


def report_note(ipra):
    report = ipra.report
    if report is None:
        return ""
    return f"{_d(report.sent_on)}, {report.get_method_display()}, {_name(report.sent_by)}"


def journal_rows(ipras, full_snils=False):
    for n, ipra in enumerate(ipras.iterator(chunk_size=1000), start=1):
        protocol = " от ".join(p for p in (ipra.protocol_number, _d(ipra.protocol_date)) if p)
        yield [
            n,
            _d(ipra.received_on),
            ipra.number,
            _d(ipra.issued_on),
            protocol,
            ipra.bureau,
            ipra.full_name,
            _d(ipra.birth_date),
            ipra.snils_display if full_snils else ipra.snils_masked,
            _d(ipra.deadline),
            _d(ipra.measures_formed_on),
            _name(ipra.measures_formed_by),
            _d(ipra.acquainted_on),
            ipra.get_acquainted_method_display() if ipra.acquainted_method else "",
            _name(ipra.acquainted_by),
            "; ".join(m.name for m in ipra.measures.all()),
            report_note(ipra),
        ]


# --- execution reports -------------------------------------------------------------------------
def period_report(centre, date_from, date_to):
    """The IPRA whose deadline for the measures falls in the period (current ones and those
    superseded alike: each was assigned to the centre), by deadline."""
    return with_measures(
        Ipra.objects.filter(centre=centre, deadline__range=(date_from, date_to))
        .select_related("report", "report__sent_by")
        .order_by("deadline", "pk")
    )


REPORT_HEADER = [
    "Номер ИПРА",
    "Дата ИПРА",
    "Фамилия, имя, отчество",
    "Дата рождения",
    "Срок исполнения",
    "Мероприятие",
    "Период",
    "Исполнитель",
    "Исполнение",
    "Дата исполнения",
    "Результат или причина неисполнения",
    "Отчёт направлен",
]


def outcome_text(ipra, measure):
    """«Исполнено», «Не исполнено» — and for a citizen who declined or was not found, the
    measures still pending count as not executed, for that reason."""
    if measure.outcome == MeasureOutcome.PENDING and not ipra.is_open:
        return MeasureOutcome.NOT_DONE.label
    return measure.get_outcome_display()


def outcome_note(ipra, measure):
    if measure.outcome == MeasureOutcome.DONE:
        return measure.result
    if measure.outcome == MeasureOutcome.NOT_DONE:
        return measure.reason
    return ipra.closing_reason if not ipra.is_open else ""


def with_report_lines(ipras):
    """The IPRA (evaluated), each with `report_lines`: its measures with outcome and note."""
    ipras = list(ipras)
    for ipra in ipras:
        ipra.report_lines = [
            {"measure": m, "outcome": outcome_text(ipra, m), "note": outcome_note(ipra, m)}
            for m in ipra.measures.all()
        ]
    return ipras


def report_rows(ipras):
    for ipra in ipras:
        for m in ipra.measures.all():
            yield [
                ipra.number,
                _d(ipra.issued_on),
                ipra.full_name,
                _d(ipra.birth_date),
                _d(ipra.deadline),
                m.name,
                " — ".join(p for p in (_d(m.starts_on), _d(m.ends_on)) if p),
                m.executor,
                outcome_text(ipra, m),
                _d(m.executed_on),
                outcome_note(ipra, m),
                report_note(ipra),
            ]


# --- the registry's export and the rejected rows ------------------------------------------------
REGISTRY_HEADER = [
    "Номер ИПРА",
    "Дата ИПРА",
    "Бюро МСЭ",
    "Фамилия",
    "Имя",
    "Отчество",
    "Дата рождения",
    "СНИЛС",
    "Группа инвалидности",
    "Срок исполнения",
    "Состояние",
    "Дата поступления",
    "Дата ознакомления",
    "Дата формирования перечня",
    "Действующая",
]


def registry_rows(ipras, full_snils=False):
    for ipra in ipras.iterator(chunk_size=2000):
        yield [
            ipra.number,
            _d(ipra.issued_on),
            ipra.bureau,
            ipra.last_name,
            ipra.first_name,
            ipra.patronymic,
            _d(ipra.birth_date),
            ipra.snils_display if full_snils else ipra.snils_masked,
            ipra.get_disability_group_display(),
            _d(ipra.deadline),
            ipra.get_state_display(),
            _d(ipra.received_on),
            _d(ipra.acquainted_on),
            _d(ipra.measures_formed_on),
            "да" if ipra.is_current else "нет, заменена",
        ]


REJECTED_HEADER = ["Строка файла", "Столбец", "Причина"]


def rejected_rows(job):
    for error in job.errors.order_by("line", "pk").iterator(chunk_size=2000):
        yield [error.line, error.column, error.reason]


def download(fmt, header, rows, name, sheet):
    """A CSV or XLSX response named «name-YYYY-MM-DD.fmt»."""
    filename = f"{name}-{timezone.localdate():%Y-%m-%d}.{fmt}"
    if fmt == "xlsx":
        return spreadsheets.xlsx_response(header, rows, filename, sheet)
    return spreadsheets.csv_response(header, rows, filename)
