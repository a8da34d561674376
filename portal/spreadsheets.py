"""CSV and XLSX downloads shared by the registry and the survey results.

A cell that a spreadsheet would run as a formula (starting with =, +, - or @) is neutralised
with a leading apostrophe; every XLSX value is written as text.
"""

import csv
import io

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    def write(self, value):
        return value


def _disposition(filename):
    return f'attachment; filename="{filename}"'


def csv_response(header, rows, filename):
    """Streams `rows` (an iterable of lists) as a semicolon-separated UTF-8 CSV."""
    writer = csv.writer(_Echo(), delimiter=";")

    def stream():
        yield "\ufeff"  # so that spreadsheet programs read the file as UTF-8
        yield writer.writerow([neutralise(v) for v in header])
        for row in rows:
            yield writer.writerow([neutralise(v) for v in row])

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = _disposition(filename)
    return response


def xlsx_response(header, rows, filename, sheet_title):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title[:31])
    sheet.append([neutralise(v) for v in header])
    for row in rows:
        sheet.append([neutralise(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = _disposition(filename)
    return response
