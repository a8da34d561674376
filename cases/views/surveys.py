"""Surveys in the case module: the citizen's invitation link (public) and the specialist's
phone survey (staff)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cases import services
from cases.choices import AccessAction
from cases.models import SurveyInvitation
from cases.views.common import get_case, staff_view
from content.models import SurveyPage
from portal import spamguard

SESSION_KEY = "survey_done"
RATE_LIMIT = 5
RATE_WINDOW = 600


def _private(response):
    # Cache-Control comes from @never_cache (no-store, private).
    response["Referrer-Policy"] = "no-referrer"  # the link's token must not leak onwards
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def invitation(request, token):
    invitation = get_object_or_404(
        SurveyInvitation.objects.select_related("survey", "case__centre"), token=token
    )
    survey = invitation.survey.specific
    if not survey.live:
        raise Http404
    used = {"page": survey, "used": True}
    if invitation.answered:
        return _private(render(request, "cases/survey_invitation.html", used))
    form = survey.get_form(request.POST if request.method == "POST" else None, page=survey)
    status = 200
    if request.method == "POST":
        verdict = spamguard.check(
            request,
            form,
            "survey-invitation",
            limit=RATE_LIMIT,
            window=RATE_WINDOW,
            message=_("Слишком много ответов с этого устройства. Попробуйте позже."),
        )
        if verdict is spamguard.BOT:
            return redirect("survey-invitation-done")
        if verdict is spamguard.LIMITED:
            status = 429
        elif form.is_valid():
            try:
                services.answer_invitation(invitation, form)
            except services.AlreadyAnswered:  # answered in another tab a moment ago
                return _private(render(request, "cases/survey_invitation.html", used))
            request.session[SESSION_KEY] = survey.pk
            return redirect("survey-invitation-done")
        else:
            status = 422
    response = render(
        request, "cases/survey_invitation.html", {"page": survey, "form": form}, status=status
    )
    return _private(response)


@never_cache
def invitation_done(request):
    pk = request.session.get(SESSION_KEY)
    survey = SurveyPage.objects.filter(pk=pk).first() if pk else None
    return _private(render(request, "cases/survey_invitation.html", {"page": survey, "done": True}))


@staff_view("cases.view_case")
@require_http_methods(["GET", "POST"])
def phone_survey(request, pk, survey):
    case = get_case(request, pk)
    page = next((s for s in services.surveys_for(case) if s.pk == survey), None)
    if page is None:
        raise Http404
    form = page.get_form(
        request.POST if request.method == "POST" else None, page=page, user=request.user
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            services.record_phone_survey(request.user, case, page, form)
            messages.success(
                request, _("Ответы на опрос «%(title)s» сохранены.") % {"title": page.title}
            )
            return redirect(reverse("cases:case-detail", args=[case.pk]) + "#surveys")
        status = 422
    else:
        services.record_access(request, case, AccessAction.VIEW, _("опрос по телефону"))
    return render(
        request,
        "cases/phone_survey.html",
        {"case": case, "page": page, "form": form},
        status=status,
    )
