"""CSV and XLSX export of the registry (formula-like cells neutralised by portal.spreadsheets).

Minimal data: only the columns a centre's report needs (docs/security.md, "Data minimisation
and erasure", says what each is for). No contacts, no address, no health data; the SNILS is
masked unless the user may see it in full (`cases.view_snils`).
"""

from django.utils import timezone

from portal import spreadsheets

HEADER = [
    "Случай",
    "Фамилия",
    "Имя",
    "Отчество",
    "Дата рождения",
    "СНИЛС",
    "Жизненная ситуация",
    "Этап",
    "Куратор",
    "Открыт",
    "Просроченные пункты плана",
]


def rows(cases, full_snils=False):
    for case in cases.iterator(chunk_size=2000):
        c = case.citizen
        yield [
            case.number,
            c.last_name,
            c.first_name,
            c.patronymic,
            c.birth_date.strftime("%d.%m.%Y"),
            c.snils_display if full_snils else c.snils_masked,
            case.life_situation.title,
            case.get_state_display(),
            case.curator.get_full_name() if case.curator else "",
            timezone.localtime(case.opened_at).strftime("%d.%m.%Y"),
            "да" if case.has_overdue else "нет",
        ]


def _filename(ext):
    return f"reestr-{timezone.localdate():%Y-%m-%d}.{ext}"


def csv_response(cases, full_snils=False):
    return spreadsheets.csv_response(HEADER, rows(cases, full_snils), _filename("csv"))


def xlsx_response(cases, full_snils=False):
    return spreadsheets.xlsx_response(HEADER, rows(cases, full_snils), _filename("xlsx"), "Реестр")


ACCESS_HEADER = ["Когда", "Сотрудник", "Действие", "Что открыто", "Запись", "Подробности", "Адрес"]


def access_rows(entries):
    for e in entries.select_related("user").iterator(chunk_size=2000):
        yield [
            timezone.localtime(e.at).strftime("%d.%m.%Y %H:%M:%S"),
            e.user.get_full_name() if e.user else "",
            e.get_action_display(),
            e.get_object_type_display(),
            e.label,
            e.detail,
            e.address or "",
        ]


def access_log_response(entries, fmt):
    filename = f"zhurnal-dostupa-{timezone.localdate():%Y-%m-%d}.{fmt}"
    if fmt == "xlsx":
        return spreadsheets.xlsx_response(
            ACCESS_HEADER, access_rows(entries), filename, "Журнал доступа"
        )
    return spreadsheets.csv_response(ACCESS_HEADER, access_rows(entries), filename)
