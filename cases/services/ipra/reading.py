"""Reading an import file as a stream of rows: CSV (UTF-8 with or without BOM, or Windows-1251;
`;` or `,`) or XLSX (the first sheet), with a header row of the documented titles in any order.
The IPRA import's columns are `IPRA`; another import (vacancies, cases.services.vacancy_import)
passes its own `ColumnSpec`.

Nothing is loaded whole: the CSV is read line by line (its encoding found by one streaming pass
of the bytes), the XLSX with openpyxl's read-only mode. Each row comes out as (line number,
{field: text or date}) with the progress (done, total) of the file.
"""

import codecs
import csv
import datetime
import io
import os
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from content.text import normalise_search_text

# The column titles (docs/ipra.md) and the field each fills; other columns are ignored.
COLUMNS = {
    "Номер ИПРА": "number",
    "Дата ИПРА": "issued_on",
    "Номер протокола": "protocol_number",
    "Дата протокола": "protocol_date",
    "Бюро МСЭ": "bureau",
    "Срок исполнения": "deadline",
    "Фамилия": "last_name",
    "Имя": "first_name",
    "Отчество": "patronymic",
    "Дата рождения": "birth_date",
    "СНИЛС": "snils",
    "Группа инвалидности": "disability_group",
    "Причина инвалидности": "disability_cause",
    "Установлена": "established",
    "Дата установления": "established_on",
    "Срок до": "valid_until",
    "Дата переосвидетельствования": "reexamination_on",
    "Адрес": "address",
    "БОМЖ": "no_fixed_abode",
    "Без постоянной регистрации": "no_permanent_registration",
    "Телефон": "phones",
    "Email": "email",
    "Рекомендации": "recommendations",
    "Противопоказания": "contraindications",
    "Мероприятия": "measures",
}
TITLES = {field: title for title, field in COLUMNS.items()}
ALIASES = {"e-mail": "email", "электронная почта": "email", "телефоны": "phones"}
REQUIRED = ["number", "issued_on", "last_name", "first_name", "birth_date", "snils"]
REQUIRED += ["disability_group"]
CHUNK = 1 << 16  # the encoding scan reads this much at a time


@dataclass(frozen=True)
class ColumnSpec:
    """An import's columns: {title: field}, the fields a file must have, other accepted titles
    ({folded title: field}) and the document that lists them (named in the error message)."""

    columns: dict
    required: tuple
    aliases: dict = field(default_factory=dict)
    doc: str = "docs/ipra.md"

    @property
    def titles(self):
        return {f: title for title, f in self.columns.items()}


IPRA = ColumnSpec(COLUMNS, tuple(REQUIRED), ALIASES)


class ImportFileError(Exception):
    """The file as a whole cannot be read (not CSV/XLSX, no header, columns missing)."""


def _field_of(title, spec):
    folded = normalise_search_text(title or "")
    for known, name in spec.columns.items():
        if normalise_search_text(known) == folded:
            return name
    return spec.aliases.get(folded)


def header_fields(titles, spec=IPRA):
    """[field or None] for each column title; ImportFileError when a required one is missing."""
    fields = [_field_of(str(t) if t is not None else "", spec) for t in titles]
    missing = [spec.titles[f] for f in spec.required if f not in fields]
    if missing:
        raise ImportFileError(
            _("В первой строке файла нет столбцов: %(cols)s. Проверьте заголовки (%(doc)s).")
            % {"cols": ", ".join(f"«{m}»" for m in missing), "doc": spec.doc}
        )
    return fields


def detect_encoding(binary):
    """UTF-8 (BOM or not) if every byte of the file decodes as such, else Windows-1251."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    start = binary.tell()
    try:
        while chunk := binary.read(CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
        return "utf-8-sig"
    except UnicodeDecodeError:
        return "cp1251"
    finally:
        binary.seek(start)


@dataclass
class Progress:
    done: int = 0
    total: int = 0


def csv_rows(binary, progress, spec=IPRA):
    """(line, {field: text}) of a CSV file opened in binary mode."""
    encoding = detect_encoding(binary)
    binary.seek(0, os.SEEK_END)
    progress.total = binary.tell()
    binary.seek(0)
    text = io.TextIOWrapper(binary, encoding=encoding, newline="")
    first = text.readline()
    if not first.strip():
        raise ImportFileError(_("Файл пуст: в нём нет строки заголовков."))
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    fields = header_fields(next(csv.reader([first], delimiter=delimiter)), spec)
    reader = csv.reader(text, delimiter=delimiter)
    for record in reader:
        progress.done = binary.tell()
        if not any(cell.strip() for cell in record):
            continue
        values = {f: cell for f, cell in zip(fields, record, strict=False) if f}
        yield reader.line_num + 1, values
    progress.done = progress.total


def _cell(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value if isinstance(value, datetime.date) else ("" if value is None else str(value))


def xlsx_rows(path, progress, spec=IPRA):
    """(line, {field: text or date}) of the first sheet of an XLSX file."""
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise ImportFileError(_("Файл XLSX не читается: проверьте, что это книга Excel.")) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        titles = next(rows, None)
        if not titles:
            raise ImportFileError(_("Файл пуст: в нём нет строки заголовков."))
        fields = header_fields(titles, spec)
        progress.total = max((sheet.max_row or 1) - 1, 1)
        for line, row in enumerate(rows, start=2):
            progress.done = line - 1
            if not any(v not in (None, "") for v in row):
                continue
            yield line, {f: _cell(v) for f, v in zip(fields, row, strict=False) if f}
        progress.done = progress.total
    finally:
        workbook.close()


def is_xlsx(path):
    with open(path, "rb") as fh:
        return fh.read(4) == b"PK\x03\x04"


def read_rows(path, progress, spec=IPRA):
    """Rows of the file at `path`, whichever of CSV and XLSX it is (told by its first bytes)."""
    if is_xlsx(path):
        yield from xlsx_rows(path, progress, spec)
        return
    with open(path, "rb") as binary:
        yield from csv_rows(binary, progress, spec)
