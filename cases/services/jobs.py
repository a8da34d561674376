"""Job referrals (направление на работу), the employer's answer and the employment.

- A job referral sends the citizen to an open vacancy with a free post; the employer answers
  within JOB_ANSWER_DAYS business days. A vacancy the citizen's IPRA contraindicates needs a
  stated reason, kept on the referral and in its change log.
- The answer (hired / refused with a reason / did not come) is recorded once; "hired" takes a
  free post by a conditional UPDATE (two answers at once cannot take the last post twice), and
  the last post marks the vacancy filled.
- The employment (employer, position, date, adapted workplace, through which referral or found
  alone) is recorded together with the case's transition to "employed", which requires it; the
  retention checks are scheduled from its date (cases.services.transitions).
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.choices import JobReferralStatus, VacancyStatus
from cases.models import Employment, JobReferral, Vacancy
from cases.services.base import TransitionRefused, log_case
from cases.services.ipra.plan import current_ipra
from cases.services.matching import conflicts_of, contraindications
from cases.services.transitions import run_transition
from cases.services.versions import claim_version
from portal.calendar import calendar_for

JOB_ANSWER_DAYS = 5  # business days for the employer's answer


def _open_case(case):
    if not case.is_open:
        raise TransitionRefused(_("Случай закрыт: направить на работу нельзя."))


def vacancy_conflicts(case, vacancy):
    """The lines of the citizen's IPRA contraindicating a condition the vacancy involves."""
    return conflicts_of(vacancy, contraindications(current_ipra(case.citizen)))


def issue_job_referral(user, case, vacancy, *, contraindication_note=""):
    _open_case(case)
    if vacancy.centre_id != case.centre_id:
        raise TransitionRefused(_("Вакансия другого центра."))
    if vacancy.status != VacancyStatus.OPEN or vacancy.posts_free <= 0:
        raise ValidationError(_("Вакансия уже закрыта или на ней не осталось свободных мест."))
    note = contraindication_note.strip()
    conflicts = vacancy_conflicts(case, vacancy)
    if conflicts and not note:
        raise ValidationError(
            {
                "contraindication_note": _(
                    "Вакансия противопоказана по ИПРА (%(lines)s). Если всё же направляете, "
                    "укажите почему."
                )
                % {"lines": "; ".join(f"«{line.text}»" for line in conflicts)}
            }
        )
    today = timezone.localdate()
    referral = JobReferral(
        case=case,
        vacancy=vacancy,
        issued_on=today,
        issued_by=user,
        answer_due=calendar_for(case.centre).add_business_days(today, JOB_ANSWER_DAYS),
        contraindication_note=note if conflicts else "",
    )
    try:
        with transaction.atomic():
            referral.save()
            log_case(
                case,
                "marshrut.job_referral.issue",
                user,
                {
                    "job_referral": referral.pk,
                    "vacancy": vacancy.pk,
                    "contraindicated": bool(conflicts),
                },
            )
    except IntegrityError:
        raise ValidationError(
            _("На эту вакансию гражданин уже направлен и ответа ещё нет.")
        ) from None
    return referral


def record_answer(user, referral, *, status, answered_on, refusal_reason="", version=None):
    """The employer's answer; "hired" takes one free post of the vacancy."""
    _open_case(referral.case)
    if not referral.is_waiting:
        raise TransitionRefused(_("Ответ работодателя уже записан."))
    today = timezone.localdate()
    errors = {}
    if status not in dict(JobReferralStatus.answers()):
        errors["status"] = _("Выберите ответ работодателя.")
    if answered_on is None:
        errors["answered_on"] = _("Укажите дату ответа.")
    elif answered_on > today:
        errors["answered_on"] = _("Дата ответа не может быть позже сегодняшней.")
    elif answered_on < referral.issued_on:
        errors["answered_on"] = _("Ответ не может быть раньше направления (%(d)s).") % {
            "d": referral.issued_on.strftime("%d.%m.%Y")
        }
    if status == JobReferralStatus.REFUSED and not refusal_reason.strip():
        errors["refusal_reason"] = _("Укажите причину отказа работодателя.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        claim_version(
            referral, referral.version if version is None else version, _("направление на работу")
        )
        if status == JobReferralStatus.HIRED:
            taken = Vacancy.objects.filter(pk=referral.vacancy_id, posts_free__gt=0).update(
                posts_free=F("posts_free") - 1
            )
            if not taken:
                raise ValidationError(
                    {"status": _("На вакансии не осталось свободных мест: все уже заняты.")}
                )
            vacancy = Vacancy.objects.get(pk=referral.vacancy_id)
            vacancy.sync_status()
            vacancy.save(update_fields=["status"])
            referral.vacancy = vacancy
        referral.status, referral.answered_on, referral.answered_by = status, answered_on, user
        referral.refusal_reason = (
            refusal_reason.strip() if status == JobReferralStatus.REFUSED else ""
        )
        referral.save()
        log_case(
            referral.case,
            "marshrut.job_referral.answer",
            user,
            {"job_referral": referral.pk, "status": status},
        )
    return referral


def employment_of(case):
    return Employment.objects.filter(case=case).select_related("job_referral", "employer").first()


def hired_referrals(case):
    """The case's job referrals answered "hired" and not yet behind an employment."""
    return case.job_referrals.filter(
        status=JobReferralStatus.HIRED, employment__isnull=True
    ).select_related("vacancy__employer")


def record_employment(
    user,
    case,
    *,
    position,
    started_on,
    job_referral=None,
    employer=None,
    employer_name="",
    adapted_workplace=False,
):
    """Record the employment and move the case to "employed", together or not at all. Without a
    job referral the citizen found the work alone (the employer from the centre's list or
    named)."""
    _open_case(case)
    if Employment.objects.filter(case=case).exists():
        raise TransitionRefused(_("Трудоустройство по этому случаю уже записано."))
    today = timezone.localdate()
    errors = {}
    if job_referral is not None:
        if job_referral.case_id != case.pk:
            raise TransitionRefused(_("Это направление из другого случая."))
        if job_referral.status != JobReferralStatus.HIRED:
            errors["job_referral"] = _(
                "По этому направлению работодатель ещё не ответил «Принят на работу»."
            )
        employer = job_referral.vacancy.employer
        employer_name = employer.name
        position = position.strip() or job_referral.vacancy.position
    elif employer is not None:
        if employer.centre_id != case.centre_id:
            raise TransitionRefused(_("Работодатель другого центра."))
        employer_name = employer.name
    if not employer_name.strip():
        errors["employer_name"] = _("Выберите работодателя из списка или впишите наименование.")
    if not position.strip():
        errors["position"] = _("Укажите должность.")
    if started_on is None:
        errors["started_on"] = _("Укажите дату трудоустройства.")
    elif started_on > today:
        errors["started_on"] = _("Дата трудоустройства не может быть позже сегодняшней.")
    elif started_on < case.opened_at.date():
        errors["started_on"] = _("Дата трудоустройства раньше открытия случая (%(d)s).") % {
            "d": case.opened_at.strftime("%d.%m.%Y")
        }
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        Employment.objects.create(
            case=case,
            employer=employer,
            employer_name=employer_name.strip(),
            position=position.strip(),
            started_on=started_on,
            adapted_workplace=adapted_workplace,
            job_referral=job_referral,
            self_found=job_referral is None,
            recorded_by=user,
        )
        case = run_transition(case, "record_employment", user)
    return case
