"""Referrals to partners (направление к партнёру): drafted with the offer and the document
package, sent once the citizen agrees and the package is complete, then closed by the partner's
conclusion — or declined, or expired with a reason. The conclusion's recommendations become
plan items in one action, once.

Each operation commits with its log entry or not at all; the rules live here, the forms only
type the values and hand the refusals back to the fields (as cases.services.retention).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cases.choices import OfferAnswer, ReferralStatus
from cases.models import PlanItem, Referral
from cases.services.base import TransitionRefused, log_case
from cases.services.ipra.conditions import split_lines
from cases.services.plan import add_plan_item
from cases.services.versions import claim_version
from content.models import Partner
from portal.calendar import calendar_for


def partners_for(centre):
    """The partners the centre refers to (a partner naming no centres serves every centre), in
    the site's default language."""
    return (
        Partner.objects.filter(locale=Locale.get_default())
        .filter(Q(centres=centre) | Q(centres__isnull=True))
        .distinct()
        .order_by("name")
    )


def _editable(referral):
    if not referral.case.is_open:
        raise TransitionRefused(_("Случай закрыт: направления не меняются."))


def _check_draft(case, partner, plan_item, offer_on, today):
    errors = {}
    if not case.is_open:
        raise TransitionRefused(_("Случай закрыт: направить гражданина нельзя."))
    if partner is not None and not partners_for(case.centre).filter(pk=partner.pk).exists():
        errors["partner"] = _("Центр не направляет граждан к этому партнёру.")
    if plan_item is not None and plan_item.case_id != case.pk:
        errors["plan_item"] = _("Этот пункт плана из другого случая.")
    if offer_on and offer_on > today:
        errors["offer_on"] = _("Дата предложения не может быть позже сегодняшней.")
    if errors:
        raise ValidationError(errors)


def save_referral(
    user,
    case,
    referral=None,
    *,
    partner,
    reason,
    plan_item=None,
    offer_on,
    offer_answer="",
    documents_collected=(),
    version=None,
):
    """Draft a referral (or change a draft): partner, reason, the package, the citizen's answer
    to the offer. Raises ValidationError (nothing saved) or StaleEdit."""
    today = timezone.localdate()
    if referral is not None and referral.status != ReferralStatus.DRAFT:
        raise TransitionRefused(_("Направление уже отправлено: его нельзя изменить."))
    _check_draft(case, partner, plan_item, offer_on, today)
    creating = referral is None
    if creating:
        referral = Referral(case=case, issued_by=user)
    if creating or referral.partner_id != partner.pk:
        referral.documents_required = partner.documents
    referral.partner, referral.plan_item = partner, plan_item
    referral.reason, referral.offer_on = reason.strip(), offer_on
    referral.offer_answer = offer_answer
    referral.documents_collected = [
        d for d in referral.documents_required if d in set(documents_collected)
    ]
    referral.full_clean(exclude=["issued_by"])
    with transaction.atomic():
        if not creating:
            claim_version(
                referral, referral.version if version is None else version, _("направление")
            )
        referral.save()
        log_case(
            case,
            "marshrut.referral.save",
            user,
            {"referral": referral.pk, "partner": partner.pk, "new": creating},
        )
    return referral


def send_referral(user, referral, *, version=None):
    """The citizen agreed and has the whole package: the referral goes, and the partner's answer
    term (business days of the centre's calendar) starts."""
    _editable(referral)
    if referral.status != ReferralStatus.DRAFT:
        raise TransitionRefused(_("Направление уже отправлено."))
    errors = []
    if referral.offer_answer != OfferAnswer.AGREES:
        errors.append(_("Гражданин не дал согласия на предложение: отметьте его ответ."))
    if referral.documents_missing:
        errors.append(
            _("Не хватает документов: %(docs)s.") % {"docs": ", ".join(referral.documents_missing)}
        )
    if errors:
        raise ValidationError(errors)
    today = timezone.localdate()
    calendar = calendar_for(referral.case.centre)
    with transaction.atomic():
        claim_version(referral, referral.version if version is None else version, _("направление"))
        referral.status, referral.sent_on = ReferralStatus.SENT, today
        referral.conclusion_due = calendar.add_business_days(
            today, referral.partner.conclusion_days
        )
        referral.save()
        log_case(referral.case, "marshrut.referral.send", user, {"referral": referral.pk})
    return referral


def record_conclusion(
    user,
    referral,
    *,
    conclusion_on,
    partner_specialist,
    recommendations,
    acknowledged,
    version=None,
):
    _editable(referral)
    if referral.status != ReferralStatus.SENT:
        raise TransitionRefused(_("Заключение записывают по отправленному направлению."))
    today = timezone.localdate()
    errors = {}
    if conclusion_on is None:
        errors["conclusion_on"] = _("Укажите дату заключения.")
    elif conclusion_on > today:
        errors["conclusion_on"] = _("Дата заключения не может быть позже сегодняшней.")
    elif conclusion_on < referral.sent_on:
        errors["conclusion_on"] = _("Заключение не может быть раньше направления (%(d)s).") % {
            "d": referral.sent_on.strftime("%d.%m.%Y")
        }
    if not partner_specialist.strip():
        errors["partner_specialist"] = _("Укажите специалиста партнёра: должность и Ф.И.О.")
    if not recommendations.strip():
        errors["recommendations"] = _("Перенесите рекомендации из заключения.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        claim_version(referral, referral.version if version is None else version, _("направление"))
        referral.status = ReferralStatus.CONCLUDED
        referral.conclusion_on, referral.closed_on = conclusion_on, conclusion_on
        referral.partner_specialist = partner_specialist.strip()
        referral.recommendations = recommendations.strip()
        referral.acknowledged = acknowledged
        referral.save()
        log_case(referral.case, "marshrut.referral.conclusion", user, {"referral": referral.pk})
    return referral


def close_referral(user, referral, *, status, reason, version=None):
    """End a referral without a conclusion: the citizen declined, or the partner's term ran out."""
    _editable(referral)
    if not referral.is_open:
        raise TransitionRefused(_("Направление уже закрыто."))
    errors = {}
    if status not in (ReferralStatus.DECLINED, ReferralStatus.EXPIRED):
        errors["status"] = _("Выберите, чем закончилось направление.")
    elif status == ReferralStatus.EXPIRED and referral.status != ReferralStatus.SENT:
        errors["status"] = _("Срок истекает только у отправленного направления.")
    if not reason.strip():
        errors["reason"] = _("Укажите причину.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        claim_version(referral, referral.version if version is None else version, _("направление"))
        referral.status, referral.closing_reason = status, reason.strip()
        referral.closed_on = timezone.localdate()
        referral.save()
        log_case(
            referral.case,
            "marshrut.referral.close",
            user,
            {"referral": referral.pk, "status": status},
        )
    return referral


def recommendations_to_plan(user, referral, *, service, due_date):
    """Each line of the conclusion's recommendations becomes a plan item of `service`, once."""
    _editable(referral)
    if referral.status != ReferralStatus.CONCLUDED:
        raise TransitionRefused(_("В план переносят рекомендации полученного заключения."))
    if referral.planned_at is not None:
        raise TransitionRefused(_("Рекомендации этого заключения уже внесены в план."))
    errors = {}
    if service is None:
        errors["service"] = _("Выберите услугу.")
    if due_date is None:
        errors["due_date"] = _("Укажите срок исполнения.")
    elif due_date < timezone.localdate():
        errors["due_date"] = _("Срок не может быть в прошлом.")
    if errors:
        raise ValidationError(errors)
    partner = referral.partner
    with transaction.atomic():
        claimed = Referral.objects.filter(pk=referral.pk, planned_at__isnull=True).update(
            planned_at=timezone.now()
        )
        if not claimed:
            raise TransitionRefused(_("Рекомендации этого заключения уже внесены в план."))
        items = []
        for line in split_lines(referral.recommendations) or [referral.recommendations]:
            note = _("По заключению %(p)s от %(d)s: %(r)s") % {
                "p": partner,
                "d": referral.conclusion_on.strftime("%d.%m.%Y"),
                "r": line,
            }
            items.append(
                add_plan_item(
                    user,
                    referral.case,
                    PlanItem(
                        service=service, due_date=due_date, note=note, from_life_situation=False
                    ),
                )
            )
    referral.planned_at = timezone.now()
    return items


def mark_late(rows, calendar, today):
    """The referrals as a list, each with `late`: sent, no conclusion, and past its deadline by
    the centre's production calendar (a deadline on a day off moves to the next business day)."""
    rows = list(rows)
    for row in rows:
        row.late = (
            row.status == ReferralStatus.SENT
            and row.conclusion_due is not None
            and calendar.days_late(row.conclusion_due, today) > 0
        )
    return rows


def awaiting_conclusion(queryset, calendar, today):
    """Sent referrals without a conclusion, the late ones flagged (`late`), soonest due first."""
    sent = queryset.filter(status=ReferralStatus.SENT).order_by("conclusion_due", "pk")
    return mark_late(sent, calendar, today)


def journal(centre, *, partner=None, start=None, end=None):
    """«Журнал направленных граждан»: the centre's referrals that went (or were declined after
    the offer), by partner and the period of the offer's date."""
    rows = (
        Referral.objects.filter(case__centre=centre)
        .select_related("case__citizen", "partner", "issued_by")
        .order_by("offer_on", "pk")
    )
    if partner is not None:
        rows = rows.filter(partner=partner)
    if start:
        rows = rows.filter(offer_on__gte=start)
    if end:
        rows = rows.filter(offer_on__lte=end)
    return rows


JOURNAL_HEADER = [
    "№",
    "Дата предложения",
    "Гражданин",
    "Дата рождения",
    "Партнёр",
    "Основание",
    "Согласие",
    "Направлен",
    "Срок заключения",
    "Состояние",
    "Дата заключения",
    "Специалист партнёра",
    "Рекомендации",
    "Выдал(а)",
]


def journal_cells(number, row):
    def day(value):
        return value.strftime("%d.%m.%Y") if value else ""

    return [
        number,
        day(row.offer_on),
        row.case.citizen.full_name,
        day(row.case.citizen.birth_date),
        str(row.partner),
        row.reason,
        row.get_offer_answer_display(),
        day(row.sent_on),
        day(row.conclusion_due),
        row.get_status_display(),
        day(row.conclusion_on),
        row.partner_specialist,
        row.recommendations,
        row.issued_by.get_full_name() if row.issued_by else "",
    ]


def journal_period(today):
    """The journal's default period: this month so far."""
    return today.replace(day=1), today
