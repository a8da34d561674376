"""Referrals to partners: drafting with the offer, the card with its actions (send, conclusion,
decline/expiry, recommendations into the plan), the printable offer, and the journal of
referred citizens. The rules are cases.services.referrals'."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cases import services
from cases.choices import AccessAction, AccessObject
from cases.forms_ipra import PeriodForm
from cases.forms_referrals import (
    CloseReferralForm,
    ConclusionForm,
    JournalFilterForm,
    RecommendationsToPlanForm,
    ReferralForm,
)
from cases.services import referrals as service
from cases.services.ipra.reports import download
from cases.views.common import get_case, staff_view
from portal.calendar import calendar_for


def _referral(case, pk):
    referral = get_object_or_404(
        case.referrals.select_related("partner", "plan_item__service", "issued_by"), pk=pk
    )
    referral.case = case
    return referral


def _card_url(referral):
    return reverse("cases:referral-detail", args=[referral.case_id, referral.pk])


@staff_view("cases.add_referral")
@require_http_methods(["GET", "POST"])
def referral_new(request, pk):
    case = get_case(request, pk)
    return _draft(request, case, None)


@staff_view("cases.change_referral")
@require_http_methods(["GET", "POST"])
def referral_edit(request, pk, referral):
    case = get_case(request, pk)
    return _draft(request, case, _referral(case, referral))


def _draft(request, case, referral):
    partners = service.partners_for(case.centre)
    partner = None
    if referral is not None:
        partner = referral.partner
    elif request.GET.get("partner", "").isdigit():
        partner = partners.filter(pk=int(request.GET["partner"])).first()
    if request.method == "GET" and referral is None and partner is None:
        return render(
            request, "cases/referrals/choose_partner.html", {"case": case, "partners": partners}
        )
    initial = {"partner": partner}
    if referral is not None:
        initial.update(
            plan_item=referral.plan_item_id,
            reason=referral.reason,
            documents=referral.documents_collected,
            offer_on=referral.offer_on,
            offer_answer=referral.offer_answer,
            version=referral.version,
        )
    elif request.GET.get("item", "").isdigit():
        initial["plan_item"] = int(request.GET["item"])
    form = ReferralForm(
        request.POST or None, case=case, partner=None if request.POST else partner, initial=initial
    )
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            data = form.cleaned_data
            try:
                referral = service.save_referral(
                    request.user,
                    case,
                    referral,
                    partner=data["partner"],
                    reason=data["reason"],
                    plan_item=data["plan_item"],
                    offer_on=data["offer_on"],
                    offer_answer=data["offer_answer"],
                    documents_collected=data["documents"],
                    version=data["version"],
                )
            except ValidationError as error:
                form.refuse(error)
            except services.StaleEdit as stale:
                form.add_error(None, stale.message)
                status = 409
            except services.TransitionRefused as refused:
                form.add_error(None, str(refused))
                status = 409
            else:
                messages.success(request, _("Направление сохранено."))
                return redirect(_card_url(referral))
    return render(
        request,
        "cases/referrals/form.html",
        {"case": case, "referral": referral, "form": form, "partner": form.partner},
        status=status,
    )


def _card(request, case, referral, status=200, **forms):
    calendar = calendar_for(case.centre)
    today = timezone.localdate()
    service.mark_late([referral], calendar, today)
    may_change = case.is_open and request.user.has_perm("cases.change_referral")
    context = {
        "case": case,
        "referral": referral,
        "may_change": may_change,
        "may_plan": may_change and request.user.has_perm("cases.add_planitem"),
        "conclusion_form": forms.get("conclusion")
        or ConclusionForm(initial={"conclusion_on": today, "version": referral.version}),
        "close_form": forms.get("close")
        or CloseReferralForm(initial={"version": referral.version}),
        "plan_form": forms.get("plan")
        or RecommendationsToPlanForm(initial={"due_date": calendar.add_business_days(today, 10)}),
        "send_errors": forms.get("send_errors", []),
        "history": services.object_history(referral),
    }
    return render(request, "cases/referrals/detail.html", context, status=status)


@staff_view("cases.view_referral")
def referral_detail(request, pk, referral):
    case = get_case(request, pk)
    referral = _referral(case, referral)
    services.record_access(request, referral, AccessAction.VIEW)
    return _card(request, case, referral)


ACTIONS = ("send", "conclusion", "close", "plan")


@staff_view("cases.change_referral")
@require_POST
def referral_action(request, pk, referral, action):
    case = get_case(request, pk)
    referral = _referral(case, referral)
    if action not in ACTIONS:
        return _card(request, case, referral, status=404)
    form, done = None, _("Сохранено.")
    try:
        if action == "send":
            version = request.POST.get("version", "")
            service.send_referral(
                request.user, referral, version=int(version) if version.isdigit() else None
            )
            done = _("Направление отправлено: ждём заключение до %(d)s.") % {
                "d": referral.conclusion_due.strftime("%d.%m.%Y")
            }
        elif action == "conclusion":
            form = ConclusionForm(request.POST)
            if not form.is_valid():
                return _card(request, case, referral, 422, conclusion=form)
            service.record_conclusion(request.user, referral, **form.cleaned_data)
            done = _("Заключение записано.")
        elif action == "close":
            form = CloseReferralForm(request.POST)
            if not form.is_valid():
                return _card(request, case, referral, 422, close=form)
            service.close_referral(request.user, referral, **form.cleaned_data)
            done = _("Направление закрыто.")
        else:
            if not request.user.has_perm("cases.add_planitem"):
                return _card(request, case, referral, status=403)
            form = RecommendationsToPlanForm(request.POST)
            if not form.is_valid():
                return _card(request, case, referral, 422, plan=form)
            items = service.recommendations_to_plan(request.user, referral, **form.cleaned_data)
            done = _("В план добавлено пунктов: %(n)s.") % {"n": len(items)}
    except ValidationError as error:
        if form is None:
            return _card(request, case, referral, 422, send_errors=error.messages)
        form.refuse(error)
        return _card(request, case, referral, 422, **{action: form})
    except (services.StaleEdit, services.TransitionRefused) as refused:
        messages.error(request, getattr(refused, "message", None) or str(refused))
        return redirect(_card_url(referral))
    messages.success(request, done)
    if action == "plan":
        return redirect(reverse("cases:case-detail", args=[case.pk]) + "#plan-h")
    return redirect(_card_url(referral))


@staff_view("cases.view_referral")
def referral_offer(request, pk, referral):
    case = get_case(request, pk)
    referral = _referral(case, referral)
    services.record_access(request, referral, AccessAction.PRINT, _("предложение"))
    return render(request, "cases/referrals/offer.html", {"case": case, "referral": referral})


def _journal_filters(request):
    today = timezone.localdate()
    start, end = service.journal_period(today)
    query = request.GET
    if "date_from" in query or "date_to" in query or "partner" in query:
        form = JournalFilterForm(query, centre=request.user.centre)
        if not form.is_valid():
            return form, None
        data = form.cleaned_data
        return form, (data["partner"], data["date_from"], data["date_to"])
    form = JournalFilterForm(
        centre=request.user.centre, initial={"date_from": start, "date_to": end}
    )
    return form, (None, start, end)


def _journal_query(filters):
    partner, start, end = filters
    return PeriodForm.query(start, end) + (f"&partner={partner.pk}" if partner else "")


def _journal_rows(request, filters):
    partner, start, end = filters
    return service.journal(request.user.centre, partner=partner, start=start, end=end)


@staff_view("cases.view_referral")
def referral_journal(request):
    form, filters = _journal_filters(request)
    rows = []
    if filters:
        services.record_access(request, AccessObject.REFERRAL_JOURNAL, AccessAction.VIEW)
        rows = service.mark_late(
            _journal_rows(request, filters), calendar_for(request.user.centre), timezone.localdate()
        )
    return render(
        request,
        "cases/referrals/journal.html",
        {
            "form": form,
            "rows": rows,
            "filters": filters,
            "query": _journal_query(filters) if filters else "",
        },
        status=200 if filters else 422,
    )


@staff_view("cases.view_referral")
def referral_journal_print(request):
    form, filters = _journal_filters(request)
    if not filters:
        return redirect(reverse("cases:referral-journal") + "?" + request.GET.urlencode())
    services.record_access(request, AccessObject.REFERRAL_JOURNAL, AccessAction.PRINT)
    partner, start, end = filters
    return render(
        request,
        "cases/referrals/journal_print.html",
        {
            "rows": _journal_rows(request, filters),
            "partner": partner,
            "start": start,
            "end": end,
            "centre": request.user.centre,
        },
    )


@staff_view("cases.view_referral")
def referral_journal_export(request, fmt):
    form, filters = _journal_filters(request)
    if not filters:
        return redirect(reverse("cases:referral-journal") + "?" + request.GET.urlencode())
    services.record_access(request, AccessObject.REFERRAL_JOURNAL, AccessAction.EXPORT, fmt)
    rows = (
        service.journal_cells(n, row)
        for n, row in enumerate(_journal_rows(request, filters).iterator(), start=1)
    )
    return download(fmt, service.JOURNAL_HEADER, rows, "napravleniya", "Журнал направленных")
