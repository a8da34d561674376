"""Erasure of a citizen's personal data once the retention period is over, or on request.

The citizen's record stays, anonymised, so that the cases keep counting in the registry and the
reports (life situation, states, dates, outcomes, the route history): what goes is whatever
names, identifies or describes the person — name, SNILS, exact birth date (the year stays),
contacts, address, health data, consent date, the free-text notes on their cases, plan items,
transitions, appointments, referrals and job referrals, the position of their employment, and
the values in the change log (django-auditlog). Wagtail's log keeps one entry per erasure,
naming the record by number only. docs/security.md, "Data
minimisation and erasure".
"""

import datetime

from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from cases import route_graph as r
from cases.models import (
    Appointment,
    Case,
    Citizen,
    Employment,
    JobReferral,
    PlanItem,
    Referral,
    TransitionLog,
)
from cases.services.audit import detach_access_log

ERASED = "[данные удалены]"

# Other modules' clean-up of what they keep about a citizen, called inside the erasure's
# transaction as scrub(citizen_pk, case_pks): the access log forgets which citizen its entries
# were about (they name records by number only and keep counting).
SCRUBBERS = [detach_access_log]


def retention_cutoff(now=None, years=None):
    """The moment before which a last case must have closed for its citizen to be erased."""
    now = now or timezone.now()
    years = settings.RETENTION_YEARS if years is None else years
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February
        return now.replace(year=now.year - years, day=28)


def expired_citizens(cutoff=None):
    """Citizens not yet erased, with no open case, whose last case closed (or, with no case,
    whose registration was) before the cutoff."""
    cutoff = cutoff or retention_cutoff()
    open_citizens = Case.objects.filter(state__in=r.OPEN_STATES).values("citizen_id")
    return (
        Citizen.objects.filter(erased_at__isnull=True)
        .exclude(pk__in=open_citizens)
        .annotate(last_closed=Max("cases__closed_at"))
        .filter(
            Q(last_closed__lt=cutoff) | Q(last_closed__isnull=True),
            created_at__lt=cutoff,
        )
        .order_by("pk")
    )


def erase_citizen(citizen_pk, *, reason, user=None):
    """Anonymise one citizen and everything tied to them, in one transaction. Refused (nothing
    changed) while the citizen has an open case."""
    with transaction.atomic():
        citizen = Citizen.objects.select_for_update().get(pk=citizen_pk)
        if Case.objects.filter(citizen=citizen, state__in=r.OPEN_STATES).exists():
            raise ValidationError(
                _("У гражданина есть открытый случай: его данные удалять нельзя."),
                code="open_case",
            )
        cases = list(Case.objects.filter(citizen=citizen).values_list("pk", flat=True))
        _anonymise_citizen(citizen)
        Case.objects.filter(pk__in=cases).update(
            suspension_reason="", withdrawal_reason="", closing_reason=""
        )
        TransitionLog.objects.filter(case__in=cases).update(comment="")
        items = PlanItem.objects.filter(case__in=cases)
        item_pks = list(items.values_list("pk", flat=True))
        items.update(result="", note="", reason="")
        appointments = Appointment.objects.filter(Q(citizen=citizen) | Q(case__in=cases))
        appointment_pks = list(appointments.values_list("pk", flat=True))
        appointments.update(name=ERASED, phone="", comment="")
        referrals = Referral.objects.filter(case__in=cases)
        referral_pks = list(referrals.values_list("pk", flat=True))
        referrals.update(reason="", partner_specialist="", recommendations="", closing_reason="")
        jobs = JobReferral.objects.filter(case__in=cases)
        job_pks = list(jobs.values_list("pk", flat=True))
        jobs.update(contraindication_note="", refusal_reason="")
        employments = Employment.objects.filter(case__in=cases)
        employment_pks = list(employments.values_list("pk", flat=True))
        employments.update(position="")
        _anonymise_change_log(
            [(Citizen, [citizen.pk]), (Case, cases), (PlanItem, item_pks)]
            + [(Appointment, appointment_pks), (Referral, referral_pks), (JobReferral, job_pks)]
            + [(Employment, employment_pks)]
        )
        for scrub in SCRUBBERS:
            scrub(citizen.pk, cases)
        log(
            citizen,
            "marshrut.citizen.erase",
            user=user,
            title=f"Гражданин № {citizen.pk}",
            data={"reason": reason, "cases": len(cases)},
        )
    return citizen


def _anonymise_citizen(citizen):
    citizen.last_name = ERASED
    citizen.first_name = ""
    citizen.patronymic = ""
    citizen.birth_date = datetime.date(citizen.birth_date.year, 1, 1)  # the age band stays
    citizen.snils = ""
    citizen.phone = citizen.phone_extra = citizen.email = citizen.address = ""
    citizen.disability_group = ""
    citizen.consent_date = None
    citizen.erased_at = timezone.now()
    citizen.save()


def _anonymise_change_log(objects):
    """Keep which fields changed, when and by whom; drop the values and the object's label."""
    for model, pks in objects:
        if not pks:
            continue
        entries = LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_pk__in=[str(pk) for pk in pks],
        )
        for entry in entries:
            changes = entry.changes if isinstance(entry.changes, dict) else {}
            entry.changes = {field: [ERASED, ERASED] for field in changes}
            entry.changes_text = ""
            entry.serialized_data = None
            entry.additional_data = None
            entry.object_repr = f"{model._meta.verbose_name} № {entry.object_pk}"
            entry.save(
                update_fields=[
                    "changes",
                    "changes_text",
                    "serialized_data",
                    "additional_data",
                    "object_repr",
                ]
            )


def erase_expired(cutoff=None, user=None):
    """Erase every expired citizen, one transaction each; returns how many."""
    erased = 0
    for pk in list(expired_citizens(cutoff).values_list("pk", flat=True)):
        erase_citizen(pk, reason="retention", user=user)
        erased += 1
    return erased
