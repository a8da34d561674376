"""Matching vacancies to a citizen (подбор подходящей работы): the centre's open vacancies with
a free post, each scored by the work the citizen seeks (the reception screen's wishes or the
last position), the place, and what a person with a disability needs (quota, special workplace,
an accessible workplace). A vacancy involving a working condition the citizen's IPRA
contraindicates is never offered as suitable: it comes last, with the IPRA's line as the reason.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from cases.choices import ConditionKind, VacancyStatus
from cases.models import Vacancy
from cases.services.ipra.conditions import condition_lines
from content.text import normalise_search_text

SHOWN = 15
WORD = re.compile(r"[\wё-]+", re.IGNORECASE)


@dataclass
class Match:
    vacancy: Vacancy
    score: int = 0
    reasons: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)  # the IPRA's ConditionLines it conflicts with

    @property
    def conflict_text(self):
        return "; ".join(f"«{line.text}»" for line in self.conflicts)


def _stems(text):
    """Word stems of a wish (a Russian ending dropped): «бухгалтером» finds «бухгалтер»."""
    return {
        w[: max(4, len(w) - 2)] for w in WORD.findall(normalise_search_text(text)) if len(w) > 3
    }


def wishes_of(case):
    """(stems of the positions sought, the place sought) from the reception screen."""
    record = getattr(case, "reception", None)
    wanted = ""
    place = case.citizen.address
    if record is not None:
        wanted = ", ".join(p for p in (record.desired_positions, record.last_position) if p)
        place = record.desired_place or place
    return _stems(wanted), _stems(place)


def contraindications(ipra, lines=None):
    """{working condition id: [ConditionLine]} of the IPRA's contraindications (`lines`: the
    IPRA's condition lines when the caller has read them already)."""
    if ipra is None or not ipra.contraindications.strip():
        return {}
    found = {}
    for line in condition_lines(ipra) if lines is None else lines:
        if line.kind == ConditionKind.CONTRAINDICATED:
            for condition in line.conditions:
                found.setdefault(condition.pk, []).append(line)
    return found


def conflicts_of(vacancy, contra):
    lines = []
    for condition in vacancy.working_conditions.all():
        for line in contra.get(condition.pk, ()):
            if line not in lines:
                lines.append(line)
    return lines


def score(vacancy, wanted, place, disabled):
    match = Match(vacancy)
    position = normalise_search_text(vacancy.position)
    if wanted and any(stem in position for stem in wanted):
        match.score += 3
        match.reasons.append(_("должность"))
    if place and any(stem in normalise_search_text(vacancy.place) for stem in place):
        match.score += 2
        match.reasons.append(_("место"))
    if disabled and (vacancy.quota or vacancy.special_workplace):
        match.score += 1
        match.reasons.append(_("квота или специальное место"))
    if disabled and vacancy.employer.accessible:
        match.score += 1
        match.reasons.append(_("доступное рабочее место"))
    return match


def open_vacancies(centre):
    return (
        Vacancy.objects.filter(centre=centre, status=VacancyStatus.OPEN, posts_free__gt=0)
        .select_related("employer")
        .prefetch_related("working_conditions")
    )


def suitable_vacancies(case, ipra, shown=SHOWN, lines=None):
    """(suitable matches best first, conflicting matches) — at most `shown` of each."""
    wanted, place = wishes_of(case)
    contra = contraindications(ipra, lines)
    disabled = bool(case.citizen.disability_group) or ipra is not None
    good, conflicting = [], []
    for vacancy in open_vacancies(case.centre):
        match = score(vacancy, wanted, place, disabled)
        match.conflicts = conflicts_of(vacancy, contra)
        (conflicting if match.conflicts else good).append(match)
    order = lambda m: (-m.score, m.vacancy.position, m.vacancy.pk)  # noqa: E731
    good.sort(key=order)
    conflicting.sort(key=order)
    return good[:shown], conflicting[:shown]
