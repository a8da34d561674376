"""CSV and XLSX export of the registry (formula-like cells neutralised by portal.spreadsheets)."""

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


def rows(cases):
    for case in cases.iterator(chunk_size=2000):
        c = case.citizen
        yield [
            case.number,
            c.last_name,
            c.first_name,
            c.patronymic,
            c.birth_date.strftime("%d.%m.%Y"),
            c.snils_display,
            case.life_situation.title,
            case.get_state_display(),
            case.curator.get_full_name() if case.curator else "",
            timezone.localtime(case.opened_at).strftime("%d.%m.%Y"),
            "да" if case.has_overdue else "нет",
        ]


def _filename(ext):
    return f"reestr-{timezone.localdate():%Y-%m-%d}.{ext}"


def csv_response(cases):
    return spreadsheets.csv_response(HEADER, rows(cases), _filename("csv"))


def xlsx_response(cases):
    return spreadsheets.xlsx_response(HEADER, rows(cases), _filename("xlsx"), "Реестр")
