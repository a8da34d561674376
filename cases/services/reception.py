"""The reception screen (экран приёма): saving what the centre records when a citizen applies.

One save is one transaction: the record, its categories and the profiling mark together, or
nothing. A record is saved only if it is still the version the form was opened with (no lost
edits, cases.services.versions); the first save of a case's record, made by two people at once,
lets one through and refuses the other the same way.
"""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from cases.models import ReceptionRecord
from cases.services.erasure import SCRUBBERS, _anonymise_change_log
from cases.services.versions import StaleEdit, claim_version


def reception_of(case):
    """The case's record, or a new unsaved one (a GET never writes)."""
    try:
        return case.reception
    except ReceptionRecord.DoesNotExist:
        return ReceptionRecord(case=case)


def save_reception(user, record, changed_fields, categories=None, version=None):
    """Save the edited record (and its categories, when given) if it is still `version`.

    Only a user with `record_profiling` may change the profiling outcome; a change of it is
    stamped with the date and the user. Raises ValidationError (the model's rules) or StaleEdit.
    """
    if record.case.centre_id != user.centre_id:
        raise PermissionDenied
    profiling = {"profiling_outcome", "profiling_note"} & set(changed_fields)
    if profiling and not user.has_perm("cases.record_profiling"):
        raise PermissionDenied(_("Результат профилирования записывает куратор."))
    if "profiling_outcome" in profiling:
        record.profiled_on = timezone.localdate() if record.profiling_outcome else None
        record.profiled_by = user if record.profiling_outcome else None
    record.full_clean(exclude=["case"])
    what = _("экран приёма")
    with transaction.atomic():
        if record.pk is None:
            try:
                with transaction.atomic():
                    record.save()
            except IntegrityError:
                current = ReceptionRecord.objects.select_related("case").get(case=record.case)
                raise StaleEdit(current, what, -1, current.version) from None
        else:
            claim_version(record, record.version if version is None else version, what)
            record.save()
        if categories is not None:
            record.categories.set(categories)
        log(
            record.case,
            "marshrut.case.reception",
            user=user,
            title=f"Случай № {record.case.number}",
            data={"fields": sorted(changed_fields)},
        )
    return record


def scrub_reception(citizen_pk, case_pks):
    """Erasure (cases.services.erasure): what identifies or describes the person goes — the
    document's details, who the dependents are, the last job, the profiling note — and the
    values in the change log; the coded facts (relation to employment, education, categories,
    the dates of the application) stay, anonymous, for the reports."""
    records = ReceptionRecord.objects.filter(case__in=case_pks)
    pks = list(records.values_list("pk", flat=True))
    records.update(
        document_series="",
        document_number="",
        document_issued_by="",
        document_issued_on=None,
        dependents_note="",
        last_job_ended_on=None,
        last_job_reason="",
        last_employer="",
        last_position="",
        profiling_note="",
    )
    _anonymise_change_log([(ReceptionRecord, pks)])


SCRUBBERS.append(scrub_reception)
