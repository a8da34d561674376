"""Surveys in a case: invitations (by e-mail or waiting for the specialist), answers from an
invitation link and phone surveys."""

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import route_graph as r
from cases.choices import InvitationDelivery
from cases.models import SurveyInvitation
from cases.services.base import log_case
from content import services as content_services
from content.choices import AnswerChannel
from content.models import SurveyPage
from portal import links

logger = logging.getLogger("marshrut.cases")


class AlreadyAnswered(Exception):
    """The invitation has been used: one set of answers per invitation."""


def surveys_for(case):
    """Live surveys a specialist may take by phone on this case."""
    if not case.is_open and case.state not in (r.CLOSED, r.CLOSED_UNEMPLOYED):
        return []
    return list(
        SurveyPage.objects.live()
        .filter(phone_enabled=True, locale__language_code="ru")
        .filter(Q(life_situation__isnull=True) | Q(life_situation=case.life_situation_id))
        .order_by("title")
    )


def invitation_url(invitation, request=None):
    """The citizen's link: see portal/links.py for which host it names."""
    return links.absolute(reverse("survey-invitation", args=[invitation.token]), request)


def invite_to_survey(case, survey, user, transition=""):
    """Invite the case's citizen to a survey: by e-mail when they left one and consented to
    processing, otherwise the invitation waits on the case page for the specialist."""
    citizen = case.citizen
    by_email = bool(citizen.email and citizen.consent_given)
    invitation = SurveyInvitation.objects.create(
        case=case,
        survey=survey,
        transition=transition,
        delivery=InvitationDelivery.EMAIL if by_email else InvitationDelivery.STAFF,
        created_by=user,
    )
    log_case(case, "marshrut.case.survey_invite", user, {"survey": survey.pk})
    if by_email:
        transaction.on_commit(lambda: send_invitation(invitation.pk))
    return invitation


def send_invitation(invitation_pk):
    """Send the invitation letter; a failure is recorded (and logged without any address)."""
    invitation = SurveyInvitation.objects.select_related("case__citizen", "case__centre").get(
        pk=invitation_pk
    )
    citizen = invitation.case.citizen
    body = _(
        "Здравствуйте, %(name)s!\n\n"
        "Спасибо, что обратились в %(centre)s. Оцените, пожалуйста, нашу работу — опрос "
        "анонимный и займёт несколько минут:\n%(url)s\n\n"
        "Ссылка действует для одного ответа."
    ) % {
        "name": " ".join(p for p in (citizen.first_name, citizen.patronymic) if p),
        "centre": invitation.case.centre.short_name,
        "url": invitation_url(invitation),
    }
    try:
        send_mail(
            _("Оцените работу центра занятости"),
            body,
            settings.DEFAULT_FROM_EMAIL,
            [citizen.email],
        )
    except Exception as exc:  # noqa: BLE001 — any mail failure leaves the invitation to staff
        logger.warning("survey invitation %s not delivered: %s", invitation.pk, type(exc).__name__)
        SurveyInvitation.objects.filter(pk=invitation.pk).update(delivery_failed=True)
        return False
    SurveyInvitation.objects.filter(pk=invitation.pk).update(delivered_at=timezone.now())
    return True


def answer_invitation(invitation, form):
    """The citizen's answers from an invitation link: saved once, anonymously."""
    with transaction.atomic():
        fresh = SurveyInvitation.objects.select_for_update().get(pk=invitation.pk)
        if fresh.answered:
            raise AlreadyAnswered
        content_services.submit_survey(
            fresh.survey.specific, form, AnswerChannel.INVITATION, invitation.case.centre
        )
        fresh.answered_at = timezone.now()
        fresh.save(update_fields=["answered_at"])
    return fresh


def record_phone_survey(user, case, survey, form):
    """A specialist's phone survey of the case's citizen. A waiting invitation to the same
    survey is answered by it; otherwise a record of the call is made."""
    if not survey.phone_enabled:
        raise PermissionDenied(_("Этот опрос не проводится по телефону."))
    with transaction.atomic():
        invitation = (
            SurveyInvitation.objects.select_for_update()
            .filter(case=case, survey=survey, answered_at__isnull=True)
            .first()
        )
        if invitation is None:
            invitation = SurveyInvitation(
                case=case, survey=survey, delivery=InvitationDelivery.PHONE, created_by=user
            )
        content_services.submit_survey(survey, form, AnswerChannel.PHONE, case.centre)
        invitation.answered_at = timezone.now()
        invitation.answered_by_phone = user
        invitation.save()
        log_case(case, "marshrut.case.survey_phone", user, {"survey": survey.pk})
    return invitation
