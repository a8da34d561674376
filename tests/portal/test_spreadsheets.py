"""The spreadsheet downloads on their own: formula neutralising, UTF-8 CSV, text-only XLSX."""

import csv
import io

import pytest
from openpyxl import load_workbook

from portal.spreadsheets import XLSX_TYPE, csv_response, neutralise, xlsx_response


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(start):
    assert neutralise(start + "SUM(A1)") == "'" + start + "SUM(A1)"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, ""), ("", ""), ("Иванов", "Иванов"), ("a=b", "a=b"), (12, "12"), ("'=x", "'=x")],
)
def test_harmless_values_are_kept(value, expected):
    assert neutralise(value) == expected


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_csv_is_semicolon_separated_utf8_with_a_bom_and_neutralised():
    response = csv_response(["Номер", "=ФИО"], [["1", "=HYPERLINK()"], ["2", "Пётр"]], "r.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="r.csv"'
    assert csv_rows(response) == [["Номер", "'=ФИО"], ["1", "'=HYPERLINK()"], ["2", "Пётр"]]


def test_xlsx_holds_text_only_with_the_sheet_title_cut_to_31_characters():
    title = "Реестр получателей комплекса услуг по ЖС"
    response = xlsx_response(["Номер", "+ФИО"], [[1, "@cmd"], [None, "Анна"]], "r.xlsx", title)
    assert response["Content-Type"] == XLSX_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="r.xlsx"'
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [title[:31]]
    rows = [list(row) for row in workbook.active.iter_rows(values_only=True)]
    assert rows == [["Номер", "'+ФИО"], ["1", "'@cmd"], [None, "Анна"]]
