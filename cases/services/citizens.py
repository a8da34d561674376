"""Citizens and the opening of their cases."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from cases import route_graph as r
from cases.models import Case, Citizen, TransitionLog, fold
from cases.models.citizens import SNILS_TAKEN
from cases.services.steps import live_route_revision
from cases.services.versions import claim_version
from cases.validators import snils_digits


def find_citizens(user, query, limit=20):
    """Citizens of the user's centre by SNILS (any formatting) or by name, any case."""
    query = (query or "").strip()
    qs = Citizen.objects.for_user(user)
    digits = snils_digits(query)
    if len(digits) >= 3 and len(digits) >= len(query.replace(" ", "").replace("-", "")):
        return list(qs.filter(snils__startswith=digits)[:limit])
    words = fold(query).split()
    if not words:
        return []
    for word in words:
        qs = qs.filter(search_text__contains=word)
    return list(qs[:limit])


def register_citizen(user, citizen):
    """Save a new citizen (a validated, unsaved instance) in the user's centre."""
    if user.centre_id is None:
        raise PermissionDenied(_("Сотрудник не привязан к центру занятости."))
    citizen.centre_id = user.centre_id
    citizen.full_clean()
    try:
        with transaction.atomic():
            citizen.save()
            log(citizen, "marshrut.citizen.create", user=user, title=f"Гражданин № {citizen.pk}")
    except IntegrityError:
        # Registered by a colleague a moment ago, between the check and the save. The database's
        # message names the SNILS: it must not reach the error log, so it is not chained.
        raise ValidationError({"snils": SNILS_TAKEN}) from None
    return citizen


def update_citizen(user, citizen, changed_fields, version=None):
    """Save the edited card if it is still `version` (the one the form was opened with; None:
    the version it was read with), else StaleEdit naming what the colleague changed."""
    citizen.full_clean()
    with transaction.atomic():
        claim_version(citizen, citizen.version if version is None else version, _("карточку"))
        citizen.save()
        log(
            citizen,
            "marshrut.citizen.update",
            user=user,
            title=f"Гражданин № {citizen.pk}",
            data={"fields": sorted(changed_fields)},
        )
    return citizen


def open_case(user, citizen, life_situation):
    if citizen.centre_id != user.centre_id:
        raise PermissionDenied
    existing = Case.objects.filter(
        citizen=citizen, life_situation=life_situation, state__in=r.OPEN_STATES
    ).first()
    if existing:
        raise ValidationError(
            _("У гражданина уже есть открытый случай № %(number)s в этой жизненной ситуации.")
            % {"number": existing.number},
            code="duplicate_case",
            params={"case": existing.pk},
        )
    try:
        with transaction.atomic():
            case = Case.objects.create(
                citizen=citizen,
                life_situation=life_situation,
                centre_id=user.centre_id,
                route_revision=live_route_revision(life_situation),
            )
            TransitionLog.objects.create(
                case=case,
                user=user,
                transition="open",
                label=_("Случай открыт"),
                from_state="",
                to_state=case.state,
            )
            log(case, "marshrut.case.open", user=user, title=f"Случай № {case.number}")
    except IntegrityError:
        raise ValidationError(
            _("У гражданина уже есть открытый случай в этой жизненной ситуации."),
            code="duplicate_case",
        ) from None
    return case
