"""Vacancies from a CSV or XLSX file (an export of «Работа в России» or the centre's own table):
the whole file is checked first and every bad row reported (line, column, reason — never the
value); only a file without errors is saved, in one transaction, so nothing is half-saved.

A row names its employer by INN (check digits validated): a known employer of the centre is
used, an unknown one is created with the row's name. A row with «Номер вакансии» updates the
vacancy of that number, so loading the same export again changes nothing twice.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cases.choices import WorkSchedule
from cases.models import Employer, Vacancy
from cases.services.ipra.conditions import split_lines, vocabulary
from cases.services.ipra.reading import ColumnSpec, Progress, read_rows
from cases.validators import validate_inn
from content.models import match_wordings
from content.text import normalise_search_text

COLUMNS = {
    "ИНН работодателя": "inn",
    "Работодатель": "employer",
    "Должность": "position",
    "Зарплата от": "salary_from",
    "Зарплата до": "salary_to",
    "График": "schedule",
    "Место работы": "place",
    "Количество мест": "posts",
    "Квота": "quota",
    "Специальное рабочее место": "special_workplace",
    "Условия труда": "working_conditions",
    "Требования": "requirements",
    "Номер вакансии": "external_id",
}
SPEC = ColumnSpec(
    COLUMNS,
    ("inn", "employer", "position", "place"),
    {"инн": "inn", "профессия": "position", "адрес": "place"},
    doc="docs/employers.md",
)
TITLES = SPEC.titles
MAX_ROWS = 5000
YES = {"да", "1", "+", "true", "x", "х"}
NO = {"", "нет", "0", "-", "false"}
SCHEDULES = {normalise_search_text(label): value for value, label in WorkSchedule.choices}


class TooManyRows(Exception):
    pass


@dataclass
class Row:
    line: int
    values: dict = field(default_factory=dict)
    conditions: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def reject(self, name, reason):
        self.errors.append((TITLES.get(name, name), reason))


@dataclass
class Outcome:
    rows: list
    created: int = 0
    updated: int = 0
    employers_created: int = 0

    @property
    def errors(self):
        return [(row.line, column, reason) for row in self.rows for column, reason in row.errors]

    @property
    def saved(self):
        return not self.errors and bool(self.rows)


def _text(raw, name, limit=255):
    return " ".join(str(raw.get(name) or "").split())[:limit]


def _number(row, raw, name, *, minimum=0, default=None):
    text = _text(raw, name).replace(" ", "").replace("\u00a0", "")
    if not text:
        return default
    if not text.isdigit() or int(text) < minimum:
        row.reject(name, _("Ожидается целое число не меньше %(n)s.") % {"n": minimum})
        return default
    return int(text)


def _flag(row, raw, name):
    folded = normalise_search_text(_text(raw, name))
    if folded in YES:
        return True
    if folded not in NO:
        row.reject(name, _("Ожидается «да» или «нет» (или пусто)."))
    return False


def parse_row(line, raw, vocab):
    row = Row(line)
    v = row.values
    v["inn"] = _text(raw, "inn").replace(" ", "")
    try:
        validate_inn(v["inn"])
    except ValidationError as error:
        row.reject("inn", error.messages[0])
    for name, message in (
        ("employer", _("Не указан работодатель.")),
        ("position", _("Не указана должность.")),
        ("place", _("Не указано место работы.")),
    ):
        v[name] = _text(raw, name)
        if not v[name]:
            row.reject(name, message)
    v["salary_from"] = _number(row, raw, "salary_from")
    v["salary_to"] = _number(row, raw, "salary_to")
    if v["salary_from"] and v["salary_to"] and v["salary_from"] > v["salary_to"]:
        row.reject("salary_to", _("Зарплата «до» меньше зарплаты «от»."))
    v["posts"] = _number(row, raw, "posts", minimum=1, default=1)
    schedule = normalise_search_text(_text(raw, "schedule"))
    v["schedule"] = SCHEDULES.get(schedule, WorkSchedule.FULL if not schedule else None)
    if v["schedule"] is None:
        row.reject(
            "schedule",
            _("Неизвестный график: используйте «%(s)s».")
            % {"s": "», «".join(str(label) for _v, label in WorkSchedule.choices)},
        )
    v["quota"] = _flag(row, raw, "quota")
    v["special_workplace"] = _flag(row, raw, "special_workplace")
    v["requirements"] = str(raw.get("requirements") or "").strip()
    v["external_id"] = _text(raw, "external_id", 64)
    for part in split_lines(str(raw.get("working_conditions") or "")):
        found = match_wordings(part, vocab)
        if not found:
            row.reject(
                "working_conditions",
                _("Условие «%(c)s» не найдено в перечне условий труда.") % {"c": part[:60]},
            )
        row.conditions.extend(c for c in found if c not in row.conditions)
    return row


def check_file(path):
    """Every row of the file, parsed; ImportFileError when the file itself cannot be read."""
    vocab = vocabulary()
    rows, seen = [], {}
    for line, raw in read_rows(path, Progress(), SPEC):
        if len(rows) >= MAX_ROWS:
            raise TooManyRows(
                _("В файле больше %(n)s строк: разделите его на части.") % {"n": MAX_ROWS}
            )
        row = parse_row(line, raw, vocab)
        key = row.values["external_id"]
        if key and key in seen:
            row.reject("external_id", _("Номер повторяется (строка %(l)s).") % {"l": seen[key]})
        elif key:
            seen[key] = line
        rows.append(row)
    return rows


def import_vacancies(centre, path):
    """Check the file and, if every row is good, save all of it (Outcome.saved)."""
    outcome = Outcome(check_file(path))
    if not outcome.saved:
        return outcome
    with transaction.atomic():
        employers = {e.inn: e for e in Employer.objects.filter(centre=centre)}
        for row in outcome.rows:
            v = row.values
            employer = employers.get(v["inn"])
            if employer is None:
                employer = Employer.objects.create(centre=centre, name=v["employer"], inn=v["inn"])
                employers[v["inn"]] = employer
                outcome.employers_created += 1
            fields = {
                k: v[k]
                for k in (
                    "position",
                    "salary_from",
                    "salary_to",
                    "schedule",
                    "place",
                    "posts",
                    "quota",
                    "special_workplace",
                    "requirements",
                )
            }
            vacancy = None
            if v["external_id"]:
                vacancy = Vacancy.objects.filter(
                    centre=centre, external_id=v["external_id"]
                ).first()
            if vacancy is None:
                vacancy = Vacancy(
                    centre=centre, external_id=v["external_id"], posts_free=v["posts"]
                )
                outcome.created += 1
            else:
                taken = vacancy.posts - vacancy.posts_free
                fields["posts"] = max(v["posts"], taken)
                vacancy.posts_free = fields["posts"] - taken
                outcome.updated += 1
            vacancy.employer = employer
            for name, value in fields.items():
                setattr(vacancy, name, value)
            vacancy.sync_status()
            vacancy.save()
            vacancy.working_conditions.set(row.conditions)
    return outcome
