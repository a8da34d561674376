"""Writing a batch of checked IPRA rows in one transaction: the citizens found by SNILS within
the centre (created when new), their open cases, the IPRA, their measures and condition lines,
and the superseding of older IPRA by newer ones of the same citizen.

Bulk inserts, a handful of queries a batch whatever its size; the change log (django-auditlog)
does not record these rows one by one: the import job is their record (who, when, which file,
how many), and every later change goes through the services and is logged field by field.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F

from cases import route_graph as r
from cases.models import (
    Case,
    Citizen,
    Ipra,
    IpraImport,
    IpraImportError,
    IpraMeasure,
    fold,
)
from cases.services.ipra.bulk import AnyOf, insert
from cases.validators import PHONE
from content.models import RehabilitationMeasure, match_wordings


@dataclass
class Vocabulary:
    """The measures' vocabulary, read once per import: (entry, folded wordings) pairs."""

    measures: list = field(default_factory=list)
    known: dict = field(default_factory=dict)

    @classmethod
    def load(cls):
        return cls(measures=[(m, m.wordings()) for m in RehabilitationMeasure.objects.all()])

    def measure_of(self, name):
        """The pk of the vocabulary's measure this wording names (or None); remembered, since a
        file names the same few measures thousands of times."""
        if name not in self.known:
            matched = match_wordings(name, self.measures)
            self.known[name] = matched[0].pk if matched else None
        return self.known[name]


@dataclass
class Counts:
    imported: int = 0
    unchanged: int = 0
    rejected: int = 0
    superseded: int = 0
    citizens: int = 0


def _first_phone(text):
    for part in text.replace(",", ";").split(";"):
        part = part.strip()
        if PHONE.match(part):
            return part[:30]
    return ""


def _valid_email(text):
    try:
        validate_email(text)
    except ValidationError:
        return ""
    return text


def new_citizen(centre, v):
    """The centre's record of a person it learns of from an IPRA, as a row for bulk.insert.
    Consent to processing is not given yet: the IPRA reaches the centre by law, the citizen's
    consent is asked at intake."""
    full_name = " ".join(p for p in (v["last_name"], v["first_name"], v["patronymic"]) if p)
    return {
        "centre_id": centre.pk,
        "last_name": v["last_name"],
        "first_name": v["first_name"],
        "patronymic": v["patronymic"],
        "birth_date": v["birth_date"],
        "snils": v["snils"],
        "phone": _first_phone(v["phones"]),
        "email": _valid_email(v["email"]),
        "address": v["address"],
        "disability_group": v["disability_group"],
        "consent_given": False,
        "search_text": fold(f"{full_name} {v['snils']}"),
    }


def _citizens(centre, rows, counts):
    """{snils: citizen pk} for the rows, creating the citizens the centre does not have, and the
    set of the pks created."""
    wanted = {row.values["snils"] for row in rows}
    found = dict(
        Citizen.objects.filter(AnyOf(F("snils"), wanted), centre=centre).values_list("snils", "pk")
    )
    missing = {}
    for row in rows:
        snils = row.values["snils"]
        if snils not in found and snils not in missing:
            missing[snils] = new_citizen(centre, row.values)
    pks = []
    if missing:
        pks = insert(Citizen, list(missing.values()), returning=True)
        found.update(zip(missing, pks, strict=True))
        counts.citizens += len(pks)
    return found, set(pks)


def _open_cases(citizen_ids):
    """{citizen pk: the newest open case} of these citizens."""
    cases = (
        Case.objects.filter(AnyOf(F("citizen_id"), citizen_ids), state__in=r.OPEN_STATES)
        .order_by("opened_at")
        .values_list("citizen_id", "pk")
    )
    return dict(cases)


def _ipra(job, centre, row, citizen_id, case_id):
    v = row.values
    full_name = " ".join(p for p in (v["last_name"], v["first_name"], v["patronymic"]) if p)
    return {
        **v,
        "centre_id": centre.pk,
        "citizen_id": citizen_id,
        "case_id": case_id,
        "executor": centre.name,
        "import_job_id": job.pk,
        "search_text": fold(f"{full_name} {v['snils']} {v['number']}")[:400],
    }


def _measures(ipra_id, ipra, row, vocabulary, executor):
    return [
        {
            "ipra_id": ipra_id,
            "name": name,
            "measure_id": vocabulary.measure_of(name),
            "ends_on": ipra["deadline"],
            "executor": executor,
            "sort_order": i,
        }
        for i, name in enumerate(row.measures)
    ]


def supersede(citizen_ids):
    """Each citizen's newest IPRA stays current; their older current ones are superseded by it.
    Returns how many were superseded."""
    if not citizen_ids:
        return 0
    current = defaultdict(list)
    for pk, citizen_id, issued_on in (
        Ipra.objects.filter(AnyOf(F("citizen_id"), citizen_ids), superseded_by__isnull=True)
        .order_by()
        .values_list("pk", "citizen_id", "issued_on")
    ):
        current[citizen_id].append((issued_on, pk))
    superseded = 0
    for ipras in current.values():
        if len(ipras) < 2:
            continue
        ipras.sort()
        newest = ipras[-1][1]
        older = [pk for _d, pk in ipras[:-1]]
        superseded += Ipra.objects.filter(pk__in=older).update(superseded_by_id=newest)
    return superseded


def write_batch(job, centre, rows, vocabulary, counts):
    """Import the checked rows of one batch (rejected ones only listed), all or nothing."""
    with transaction.atomic():
        bad = [row for row in rows if row.errors]
        IpraImportError.objects.bulk_create(
            IpraImportError(job=job, line=row.line, column=column, reason=reason)
            for row in bad
            for column, reason in row.errors
        )
        counts.rejected += len(bad)
        good = [row for row in rows if not row.errors]
        numbers = {row.values["number"] for row in good}
        known = set(
            Ipra.objects.filter(AnyOf(F("number"), numbers), centre=centre).values_list(
                "number", "issued_on"
            )
        )
        fresh, seen = [], set()
        for row in good:
            if row.key in known or row.key in seen:
                counts.unchanged += 1
            else:
                seen.add(row.key)
                fresh.append(row)
        if fresh:
            citizens, created = _citizens(centre, fresh, counts)
            cases = _open_cases(set(citizens.values()))
            ipras = []
            for row in fresh:
                citizen_id = citizens[row.values["snils"]]
                ipras.append(_ipra(job, centre, row, citizen_id, cases.get(citizen_id)))
            pks = insert(Ipra, ipras, returning=True)
            measures = []
            for pk, ipra, row in zip(pks, ipras, fresh, strict=True):
                measures += _measures(pk, ipra, row, vocabulary, centre.short_name or centre.name)
            insert(IpraMeasure, measures)
            counts.imported += len(ipras)
            # A citizen created by this batch with one IPRA in it has nothing to supersede.
            per_citizen = Counter(ipra["citizen_id"] for ipra in ipras)
            counts.superseded += supersede(
                {pk for pk, n in per_citizen.items() if n > 1 or pk not in created}
            )
        IpraImport.objects.filter(pk=job.pk).update(
            rows_read=job.rows_read,
            progress_done=job.progress_done,
            rows_imported=counts.imported,
            rows_unchanged=counts.unchanged,
            rows_rejected=counts.rejected,
            rows_superseded=counts.superseded,
            citizens_created=counts.citizens,
        )
