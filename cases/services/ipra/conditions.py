"""The IPRA's recommendations and contraindications to work, line by line, read against the
editors' vocabulary of working conditions (content.WorkingCondition).

The IPRA keeps its text as the bureau wrote it; the lines are matched when read, so a wording an
editor adds to the vocabulary applies to every IPRA at once, and an import writes no row per
line. A line naming no condition of the vocabulary is still shown, as written.
"""

import re
from dataclasses import dataclass

from cases.choices import ConditionKind
from content.models import ServicePage, WorkingCondition, match_wordings

SPLIT = re.compile(r"[;\n]+")


def split_lines(text):
    """The parts of a cell listing several items (separated by `;` or line breaks)."""
    return [part.strip(" .\t") for part in SPLIT.split(text or "") if part.strip(" .\t")]


@dataclass(frozen=True)
class ConditionLine:
    kind: str
    text: str
    conditions: tuple = ()

    @property
    def kind_label(self):
        return ConditionKind(self.kind).label


def vocabulary():
    """(condition, folded wordings) of every working condition: one query."""
    return [(c, c.wordings()) for c in WorkingCondition.objects.all()]


def condition_lines(ipra, vocab=None):
    """The IPRA's lines, recommended first, each with the conditions it names."""
    vocab = vocabulary() if vocab is None else vocab
    lines = []
    for kind, text in (
        (ConditionKind.RECOMMENDED, ipra.recommendations),
        (ConditionKind.CONTRAINDICATED, ipra.contraindications),
    ):
        for line in split_lines(text):
            lines.append(ConditionLine(kind, line, tuple(match_wordings(line, vocab))))
    return lines


def contraindicated_lines(ipra, service_ids):
    """{service id: [ConditionLine]} — the IPRA's contraindication lines naming a working
    condition each service involves (only the services with one)."""
    if ipra is None or not service_ids or not ipra.contraindications.strip():
        return {}
    lines = [
        line
        for line in condition_lines(ipra)
        if line.kind == ConditionKind.CONTRAINDICATED and line.conditions
    ]
    if not lines:
        return {}
    involved = ServicePage.working_conditions.through.objects.filter(
        servicepage_id__in=service_ids,
        workingcondition_id__in={c.pk for line in lines for c in line.conditions},
    ).values_list("servicepage_id", "workingcondition_id")
    found = {}
    for service_id, condition_id in involved:
        for line in lines:
            if any(c.pk == condition_id for c in line.conditions):
                found.setdefault(service_id, [])
                if line not in found[service_id]:
                    found[service_id].append(line)
    return found
