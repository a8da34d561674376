"""The access log (who opened personal data) and the erasure and purge of both logs.

`record_access(request, obj_or_kind, action)` is the one line a view adds: `obj_or_kind` is a
Citizen, Case or PlanItem (a later IPRA or referral adds a line to ACCESS_KINDS), or an
AccessObject for a list, an export or a search. Nothing of the data shown is stored — the
object's kind, id and a label such as «Случай № 2026-000012» — and no query string.
"""

import datetime

from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from cases.choices import AccessAction, AccessObject
from cases.models import (
    AccessLog,
    Appointment,
    Case,
    Citizen,
    Ipra,
    JobReferral,
    PlanItem,
    Referral,
)
from portal.ratelimit import client_ip

# model -> (kind, label without personal data, the citizen it is about)
ACCESS_KINDS = {
    Citizen: (AccessObject.CITIZEN, lambda c: f"Гражданин № {c.pk}", lambda c: c.pk),
    Case: (AccessObject.CASE, lambda c: f"Случай № {c.number}", lambda c: c.citizen_id),
    PlanItem: (
        AccessObject.PLAN_ITEM,
        lambda i: f"Пункт плана № {i.pk}",
        lambda i: i.case.citizen_id,
    ),
    Ipra: (AccessObject.IPRA, lambda i: f"ИПРА, запись № {i.pk}", lambda i: i.citizen_id),
    Referral: (
        AccessObject.REFERRAL,
        lambda r: f"Направление к партнёру № {r.pk}",
        lambda r: r.case.citizen_id,
    ),
    JobReferral: (
        AccessObject.JOB_REFERRAL,
        lambda j: f"Направление на работу № {j.pk}",
        lambda j: j.case.citizen_id,
    ),
}


def record_access(request, obj_or_kind, action=AccessAction.VIEW, detail=""):
    """Append one access-log entry for the signed-in staff member's request."""
    if isinstance(obj_or_kind, str):
        kind, object_id, label, citizen_id = AccessObject(obj_or_kind), None, "", None
        label = kind.label
    else:
        kind, label_of, citizen_of = ACCESS_KINDS[type(obj_or_kind)]
        object_id, label, citizen_id = (
            obj_or_kind.pk,
            label_of(obj_or_kind),
            citizen_of(obj_or_kind),
        )
    user = request.user
    return AccessLog.objects.create(
        user=user if user.is_authenticated else None,
        centre_id=getattr(user, "centre_id", None),
        action=AccessAction(action),
        object_type=kind,
        object_id=object_id,
        label=str(label)[:120],
        detail=str(detail)[:60],
        citizen_id=citizen_id,
        address=client_ip(request) or None,
    )


def search_kind(query):
    """What kind of search was made (never its text): «СНИЛС» or «ФИО»."""
    digits = "".join(ch for ch in query or "" if ch.isdigit())
    return "СНИЛС" if digits and len(digits) * 2 >= len((query or "").replace(" ", "")) else "ФИО"


def citizen_change_entries(citizen_id):
    """Change-log entries about one citizen: their card, cases, plan items and appointments."""
    return LogEntry.objects.filter(
        Q(additional_data__citizen=citizen_id)
        | Q(content_type=ContentType.objects.get_for_model(Citizen), object_id=citizen_id)
    )


SCRUBBED = "—"


@transaction.atomic
def detach_access_log(citizen_pk, case_pks=()):
    """The access log forgets which citizen its entries were about (erasure; see SCRUBBERS in
    cases/services/erasure.py). Returns the number of entries detached."""
    return AccessLog.objects.filter(citizen_id=citizen_pk).detach()


def scrub_citizen(citizen):
    """Anonymise both logs about one citizen (for the erasure of their data).

    Change log: every entry about the citizen, their cases, plan items and appointments keeps
    who changed which field when, but each old and new value becomes «—» and no serialised
    copy remains. Access log: its entries hold no personal data; they are detached from the
    citizen (`citizen` set to NULL) and keep the case or record number they named.
    Returns (change entries scrubbed, access entries detached).
    """
    case_ids = list(Case.objects.filter(citizen=citizen).values_list("pk", flat=True))
    item_ids = list(PlanItem.objects.filter(case__in=case_ids).values_list("pk", flat=True))
    appointment_ids = list(
        Appointment.objects.filter(Q(citizen=citizen) | Q(case__in=case_ids)).values_list(
            "pk", flat=True
        )
    )
    types = ContentType.objects.get_for_models(Citizen, Case, PlanItem, Appointment)
    entries = citizen_change_entries(citizen.pk) | LogEntry.objects.filter(
        Q(content_type=types[Case], object_id__in=case_ids)
        | Q(content_type=types[PlanItem], object_id__in=item_ids)
        | Q(content_type=types[Appointment], object_id__in=appointment_ids)
    )
    scrubbed = 0
    for entry in entries.distinct().iterator():
        changes = {field: [SCRUBBED, SCRUBBED] for field in (entry.changes or {})}
        LogEntry.objects.filter(pk=entry.pk).update(
            changes=changes, changes_text="", serialized_data=None
        )
        scrubbed += 1
    detached = AccessLog.objects.filter(citizen=citizen).detach()
    return scrubbed, detached


def cutoff(days, now=None):
    return (now or timezone.now()) - datetime.timedelta(days=days)


@transaction.atomic
def purge_logs(now=None):
    """Delete access- and change-log entries older than their retention periods (settings
    ACCESS_LOG_RETENTION_DAYS and CHANGE_LOG_RETENTION_DAYS). Returns the two counts."""
    access, _ = AccessLog.objects.filter(
        at__lt=cutoff(settings.ACCESS_LOG_RETENTION_DAYS, now)
    ).purge()
    changes, _ = LogEntry.objects.filter(
        timestamp__lt=cutoff(settings.CHANGE_LOG_RETENTION_DAYS, now)
    ).delete()
    return access, changes
