"""CSV and XLSX export of the registry. A cell that a spreadsheet would run as a formula
(starting with =, +, - or @) is neutralised with a leading apostrophe."""

import csv
import io

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook

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
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


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
    return f'attachment; filename="reestr-{timezone.localdate():%Y-%m-%d}.{ext}"'


class _Echo:
    def write(self, value):
        return value


def csv_response(cases):
    writer = csv.writer(_Echo(), delimiter=";")

    def stream():
        yield "\ufeff"  # so that spreadsheet programs read the file as UTF-8
        yield writer.writerow(HEADER)
        for row in rows(cases):
            yield writer.writerow([neutralise(v) for v in row])

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = _filename("csv")
    return response


def xlsx_response(cases):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Реестр")
    sheet.append(HEADER)
    for row in rows(cases):
        # Every value is written as text: nothing in the file is ever a formula.
        sheet.append([neutralise(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = _filename("xlsx")
    return response
