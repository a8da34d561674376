"""One row of an IPRA file checked and turned into the values of an IPRA: a row is taken whole
or rejected whole, with every problem named (column and reason, in Russian, never the value)."""

import datetime
import functools
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils import timezone

from cases.choices import DisabilityGroup, IpraEstablished
from cases.models import Ipra
from cases.services.ipra.conditions import split_lines
from cases.services.ipra.reading import TITLES
from cases.validators import snils_digits, validate_snils
from content.text import normalise_search_text

DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*(?:г\.?)?\s*$")
GROUPS = {
    "1": DisabilityGroup.I,
    "i": DisabilityGroup.I,
    "первая": DisabilityGroup.I,
    "2": DisabilityGroup.II,
    "ii": DisabilityGroup.II,
    "вторая": DisabilityGroup.II,
    "3": DisabilityGroup.III,
    "iii": DisabilityGroup.III,
    "третья": DisabilityGroup.III,
}
ESTABLISHED = {"впервые": IpraEstablished.FIRST, "повторно": IpraEstablished.REPEATED}
YES = {"да", "1", "+", "true", "x", "х", "истина"}
NO = {"", "нет", "0", "-", "false", "ложь"}
DATES = ["issued_on", "protocol_date", "deadline", "birth_date", "established_on"]
DATES += ["valid_until", "reexamination_on"]
TEXTS = ["number", "protocol_number", "bureau", "last_name", "first_name", "patronymic"]
TEXTS += ["disability_cause", "address", "phones", "email"]
LONG_TEXTS = ["recommendations", "contraindications", "measures"]
MAX_LENGTHS = {f.name: f.max_length for f in Ipra._meta.concrete_fields}
MEASURE_LENGTH = 255
LINE_LENGTH = 500


@dataclass
class ParsedRow:
    line: int
    values: dict = field(default_factory=dict)
    measures: list = field(default_factory=list)
    recommended: list = field(default_factory=list)
    contraindicated: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # (column title, reason)

    @property
    def key(self):
        return (self.values["number"], self.values["issued_on"])

    def reject(self, column, reason):
        self.errors.append((TITLES.get(column, column), reason))


def parse_date(value):
    """A date from a cell: a date already (XLSX), or text ДД.ММ.ГГГГ; None when empty; raises
    ValueError for anything else, impossible dates included (31.02.2023)."""
    if isinstance(value, datetime.date):
        return value
    return _text_date(value or "")


@functools.lru_cache(maxsize=8192)
def _text_date(text):
    """Remembered: a file repeats the same few hundred dates in every column."""
    text = text.strip()
    if not text:
        return None
    match = DATE.match(text)
    if not match:
        raise ValueError
    day, month, year = (int(g) for g in match.groups())
    return datetime.date(year, month, day)


def _flag(row, name, raw):
    folded = normalise_search_text(raw)
    if folded in YES:
        return True
    if folded not in NO:
        row.reject(name, "Ожидается «да» или «нет» (или пусто).")
    return False


def _texts(row, raw):
    for name in TEXTS:
        value = " ".join(str(raw.get(name) or "").split())
        if len(value) > MAX_LENGTHS[name]:
            row.reject(name, f"Слишком длинное значение: больше {MAX_LENGTHS[name]} символов.")
        row.values[name] = value
    for name in LONG_TEXTS:
        row.values[name] = str(raw.get(name) or "").strip()
    if not row.values["number"]:
        row.reject("number", "Не указан номер ИПРА.")
    for name in ("last_name", "first_name"):
        if not row.values[name]:
            row.reject(name, "Не заполнено.")


def _dates(row, raw, today):
    for name in DATES:
        try:
            row.values[name] = parse_date(raw.get(name))
        except ValueError:
            row.values[name] = None
            row.reject(name, "Такой даты не бывает или она записана не как ДД.ММ.ГГГГ.")
    v = row.values
    for name in ("issued_on", "birth_date"):
        if v[name] is None and not any(c == TITLES[name] for c, _r in row.errors):
            row.reject(name, "Не указана дата.")
    if v["birth_date"] and not datetime.date(1900, 1, 1) <= v["birth_date"] <= today:
        row.reject("birth_date", "Дата рождения не может быть в будущем или раньше 1900 года.")
    if v["issued_on"] and v["issued_on"] > today:
        row.reject("issued_on", "Дата ИПРА не может быть в будущем.")
    if v["issued_on"] and v["deadline"] and v["deadline"] < v["issued_on"]:
        row.reject("deadline", "Срок исполнения раньше даты ИПРА.")
    if v["established_on"] and v["valid_until"] and v["valid_until"] < v["established_on"]:
        row.reject("valid_until", "Срок инвалидности кончается раньше даты её установления.")


def _codes(row, raw):
    snils = str(raw.get("snils") or "").strip()
    if snils.isdigit() and len(snils) < 11:  # a number cell of a spreadsheet lost leading zeros
        snils = snils.zfill(11)
    try:
        validate_snils(snils)
    except ValidationError as exc:
        row.reject("snils", " ".join(exc.messages))
    row.values["snils"] = snils_digits(snils)
    group = normalise_search_text(str(raw.get("disability_group") or ""))
    group = group.removesuffix("группа").removeprefix("группа").strip()
    if group not in GROUPS:
        row.reject("disability_group", "Неизвестная группа инвалидности: укажите 1, 2 или 3.")
    row.values["disability_group"] = GROUPS.get(group, "")
    established = normalise_search_text(str(raw.get("established") or ""))
    if established and established not in ESTABLISHED:
        row.reject("established", "Укажите «впервые» или «повторно».")
    row.values["established"] = ESTABLISHED.get(established, "")


def _lists(row):
    v = row.values
    row.measures = split_lines(v.pop("measures"))
    if any(len(m) > MEASURE_LENGTH for m in row.measures):
        row.reject("measures", f"Название мероприятия длиннее {MEASURE_LENGTH} символов.")
    row.recommended = split_lines(v["recommendations"])
    row.contraindicated = split_lines(v["contraindications"])
    for name, lines in (
        ("recommendations", row.recommended),
        ("contraindications", row.contraindicated),
    ):
        if any(len(line) > LINE_LENGTH for line in lines):
            row.reject(name, f"Строка длиннее {LINE_LENGTH} символов: разделите её знаком «;».")


def parse_row(line, raw, today=None):
    """A ParsedRow of one file row (its errors empty when it may be imported)."""
    today = today or timezone.localdate()
    row = ParsedRow(line)
    _texts(row, raw)
    _dates(row, raw, today)
    _codes(row, raw)
    row.values["no_fixed_abode"] = _flag(
        row, "no_fixed_abode", str(raw.get("no_fixed_abode") or "")
    )
    row.values["no_permanent_registration"] = _flag(
        row, "no_permanent_registration", str(raw.get("no_permanent_registration") or "")
    )
    _lists(row)
    return row
