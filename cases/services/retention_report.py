"""The retention report (закрепляемость): for the checks due in a period in one centre, per life
situation and per check (after 1, 3, 6, 12 months …), how many were held and with what result,
and the retention rate — of the citizens reached, the share still at work. Counts only: no
person is named, so the report may be exported by those who read it."""

from dataclasses import dataclass

from django.db.models import Count, Q

from cases.choices import RetentionOutcome
from cases.models import RetentionCheck

HEADER = [
    "Жизненная ситуация",
    "Проверка, мес.",
    "Проверок со сроком в периоде",
    "Работает",
    "Уволился",
    "Не удалось связаться",
    "Не проводилась (случай закрыт)",
    "Ещё не проведена",
    "Закрепляемость, %",
]


@dataclass
class Row:
    situation: str
    months: int | None  # None: every check of the situation
    due: int
    employed: int
    left: int
    not_reachable: int
    cancelled: int
    pending: int

    @property
    def rate(self):
        """Still at work among those reached (worked or left); None when nobody was reached."""
        reached = self.employed + self.left
        return round(100 * self.employed / reached, 1) if reached else None

    def cells(self):
        months = self.months if self.months is not None else "все"
        rate = "—" if self.rate is None else f"{self.rate:.1f}".replace(".", ",")
        return [
            self.situation,
            months,
            self.due,
            self.employed,
            self.left,
            self.not_reachable,
            self.cancelled,
            self.pending,
            rate,
        ]


def _count(outcome):
    return Count("pk", filter=Q(outcome=outcome))


def report(centre, start, end):
    """Rows per (life situation, months), each situation followed by its total; one query."""
    groups = (
        RetentionCheck.objects.filter(case__centre=centre, due_on__range=(start, end))
        .values("case__life_situation__title", "months")
        .annotate(
            due=Count("pk"),
            employed=_count(RetentionOutcome.EMPLOYED),
            left=_count(RetentionOutcome.LEFT),
            not_reachable=_count(RetentionOutcome.NOT_REACHABLE),
            cancelled=_count(RetentionOutcome.CANCELLED),
            pending=_count(""),
        )
        .order_by("case__life_situation__title", "months")
    )
    rows, by_situation = [], {}
    for g in groups:
        situation = g.pop("case__life_situation__title")
        row = Row(situation=situation, **g)
        by_situation.setdefault(situation, []).append(row)
    for situation, parts in by_situation.items():
        rows += parts
        if len(parts) > 1:
            total = Row(situation, None, *(sum(getattr(p, f) for p in parts) for f in FIELDS))
            rows.append(total)
    return rows


FIELDS = ("due", "employed", "left", "not_reachable", "cancelled", "pending")
