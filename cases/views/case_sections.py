"""The sections of the case page, each with its own small context.

Every section of `cases/case_detail.html` is an include under `themes/templates/cases/case/`
and reads only what its function here returns, so a section can be rendered alone: a plan
action answers an htmx request with the plan section and the messages, not the whole page.
What several sections read (the steps this user may run, the plan, the script runs) is
computed once per request in `CaseFacts`.
"""

from functools import cached_property

from django.utils import timezone
from django.utils.translation import gettext as _

from cases import route_graph as r
from cases import services
from cases.choices import IpraState, PlanItemStatus
from cases.forms import PlanItemForm, curators_of
from cases.forms_handover import HandoverForm
from cases.services.retention import EARLY_DAYS
from content.models import OUTCOME_LABELS
from portal.calendar import calendar_for

NOTICES_SHOWN = 30


class CaseFacts:
    """One request's view of a case, shared by the section functions."""

    def __init__(self, request, case, extra=None):
        self.request = request
        self.extra = extra or {}
        self.user = request.user
        self.case = case
        self.today = timezone.localdate()

    @cached_property
    def steps(self):
        return services.available_steps(self.case, self.user)

    @cached_property
    def allowed(self):
        return {step.name: step for step, ok in self.steps if ok}

    @cached_property
    def calendar(self):
        """The centre's production calendar (a year is read when first asked for)."""
        return calendar_for(self.case.centre)

    @cached_property
    def plan(self):
        return services.mark_overdue(self._plan_items(), self.calendar, self.today)

    def _plan_items(self):
        return list(
            self.case.plan_items.select_related("service", "executor", "executor_role").order_by(
                "sort_order", "pk"
            )
        )

    @cached_property
    def ipra(self):
        return services.ipra.current_ipra(self.case.citizen)

    @cached_property
    def ipra_lines(self):
        """The IPRA's recommendations and contraindications, line by line (IPRA section and
        vacancy matching)."""
        return services.ipra.condition_lines(self.ipra) if self.ipra else []

    @cached_property
    def runs(self):
        return list(self.case.script_runs.select_related("script", "user", "suggest_service")[:50])

    def own_run(self, finished):
        return next(
            (run for run in self.runs if run.finished == finished and run.user_id == self.user.pk),
            None,
        )


def citizen_section(facts):
    citizen = facts.case.citizen
    return {"citizen": citizen}


def reception_section(facts):
    """The reception screen's summary, for the roles that read it."""
    if not facts.user.has_perm("cases.view_receptionrecord"):
        return {"reception": None}
    record = getattr(facts.case, "reception", None)
    return {
        "reception": record,
        "reception_categories": list(record.categories.all()) if record else [],
    }


def retention_section(facts):
    """The retention checks, once the employment is recorded."""
    # Checks exist only once the employment is recorded: no query before that.
    if facts.case.employed_on is None or not facts.user.has_perm("cases.view_retentioncheck"):
        return {"retention_checks": []}
    checks = list(facts.case.retention_checks.select_related("recorded_by"))
    return {
        "retention_checks": checks,
        "retention_editable": facts.case.is_open
        and facts.user.has_perm("cases.change_retentioncheck"),
        # A check may be held from a fortnight before its date (cases.services.retention).
        "retention_open_until": facts.today + timezone.timedelta(days=EARLY_DAYS),
        "today": facts.today,
    }


def notices_section(facts):
    """The delivery log of the case's notices (reminders, results, invitations)."""
    if not facts.user.has_perm("cases.view_notice"):
        return {"notices": None}
    citizen = facts.case.citizen
    return {
        "notices": list(facts.case.notices.order_by("-send_after", "-pk")[:NOTICES_SHOWN]),
        "notice_channels": [
            label
            for agreed, label in (
                (citizen.sms_consent, _("СМС")),
                (citizen.email_consent, _("электронная почта")),
            )
            if agreed
        ],
    }


def stage_section(facts):
    case = facts.case
    latest = services.live_route_revision(case.life_situation)
    return {
        "steps": [s for s, ok in facts.steps if ok],
        "other_steps": [s for s, ok in facts.steps if not ok],
        "deadline": services.stage_deadline(case, facts.calendar),
        "curators": curators_of(case.centre),
        "newer_route": latest if latest and latest.pk != case.route_revision_id else None,
        "handover_form": facts.extra.get("handover_form")
        or (HandoverForm(case=case) if services.may_hand_over(facts.user, case) else None),
        "transition_errors": {},
        "today": facts.today,
    }


def scripts_section(facts):
    case, user = facts.case, facts.user
    active_run = facts.own_run(finished=False)
    last_run = facts.own_run(finished=True)
    planned = {i.service_id for i in facts.plan if i.status not in PlanItemStatus.dropped()}
    suggest = (
        last_run
        and last_run.suggest_service_id
        and last_run.suggest_service_id not in planned
        and case.is_open
        and user.has_perm("cases.add_planitem")
    )
    return {
        "scripts": list(services.scripts_for(case, user)) if case.is_open else [],
        "active_run": active_run,
        "active_step": services.script_version(active_run).step(active_run.current_step)
        if active_run
        else None,
        "last_run": last_run,
        "outcome_labels": OUTCOME_LABELS,
        "suggested_step": facts.allowed.get(last_run.suggest_transition) if last_run else None,
        "suggested_service": last_run.suggest_service if suggest else None,
        "suggested_due": facts.today + timezone.timedelta(days=14),
        "today": facts.today,
    }


def ipra_section(facts):
    """The citizen's IPRA in force, for the roles that may see it (health data)."""
    if not facts.user.has_perm("cases.view_ipra"):
        return {"case_ipra": None}
    ipra = facts.ipra
    context = {"case_ipra": ipra, "ipra_warning": facts.extra.get("ipra_warning")}
    if ipra is None:
        return context
    measures = list(ipra.measures.select_related("measure__service", "plan_item"))
    context.update(
        {
            "ipra_lines": facts.ipra_lines,
            "ipra_measures": measures,
            "ipra_not_formed": ipra.state in (IpraState.RECEIVED, IpraState.ACQUAINTED),
            "ipra_to_plan": facts.case.is_open
            and facts.user.has_perm("cases.change_ipra")
            and facts.user.has_perm("cases.add_planitem")
            and ipra.state in (IpraState.MEASURES_FORMED, IpraState.IN_EXECUTION)
            and any(m.plan_item_id is None and m.is_pending for m in measures),
        }
    )
    return context


def referrals_section(facts):
    """Referrals to partners, the late ones flagged (business days of the centre's calendar)."""
    if not facts.user.has_perm("cases.view_referral"):
        return {"referrals": None}
    rows = services.referrals.mark_late(
        facts.case.referrals.select_related("partner", "plan_item__service"),
        facts.calendar,
        facts.today,
    )
    return {
        "referrals": rows,
        "may_refer": facts.case.is_open and facts.user.has_perm("cases.add_referral"),
    }


def jobs_section(facts):
    """Matching vacancies, job referrals and the employment (the employer side of the case)."""
    user, case = facts.user, facts.case
    if not user.has_perm("cases.view_jobreferral"):
        return {"job_referrals": None}
    may_refer = case.is_open and user.has_perm("cases.add_jobreferral")
    context = {
        "job_referrals": list(case.job_referrals.select_related("vacancy__employer")),
        "employment_record": services.jobs.employment_of(case),
        "may_refer_to_job": may_refer,
        "may_answer": case.is_open and user.has_perm("cases.answer_jobreferral"),
        "may_record_employment": case.state in (r.PLAN_AGREED, r.IN_SERVICE)
        and user.has_perm("cases.add_employment"),
        "today": facts.today,
        "suitable": [],
        "conflicting": [],
    }
    if may_refer and user.has_perm("cases.view_vacancy"):
        # The IPRA is read for its contraindications even by a role that may not see it: only
        # the conflicting line's text is shown, as the reason a vacancy does not suit.
        context["suitable"], context["conflicting"] = services.matching.suitable_vacancies(
            case, facts.ipra, lines=facts.ipra_lines
        )
    return context


def documents_section(facts):
    return {"documents": services.required_documents(facts.case)}


def plan_section(facts):
    case, user = facts.case, facts.user
    return {
        "plan": facts.plan,
        # A form with errors comes from the view; build the empty one only when it does not.
        "plan_form": facts.extra.get("plan_form") or PlanItemForm(case=case),
        "plan_editable": case.is_open and user.has_perm("cases.change_planitem"),
        "can_add_items": case.is_open and user.has_perm("cases.add_planitem"),
        "edit_item": None,
        "plan_warning": facts.extra.get("plan_warning"),
    }


def surveys_section(facts):
    invitations = list(facts.case.survey_invitations.select_related("survey", "answered_by_phone"))
    for invitation in invitations:
        invitation.url = services.invitation_url(invitation, facts.request)
    return {
        "invitations": invitations,
        "phone_surveys": services.surveys_for(facts.case),
        "transition_labels": r.TRANSITION_LABELS,
    }


def history_section(facts):
    return {
        "runs": facts.runs,
        "history": facts.case.transitions.select_related("user")[:100],
        "changes": services.case_history(facts.case),
        "outcome_labels": OUTCOME_LABELS,
        "state_labels": r.STATE_LABELS,
    }


SECTIONS = {
    "citizen": citizen_section,
    "stage": stage_section,
    "reception": reception_section,
    "retention": retention_section,
    "scripts": scripts_section,
    "ipra": ipra_section,
    "documents": documents_section,
    "referrals": referrals_section,
    "jobs": jobs_section,
    "plan": plan_section,
    "surveys": surveys_section,
    "notices": notices_section,
    "history": history_section,
}


def section_context(request, case, names=SECTIONS, **extra):
    """The context of the named sections (all of them: the whole page), plus `extra`."""
    facts = CaseFacts(request, case, extra)
    context = {"case": case}
    for name in names:
        context.update(SECTIONS[name](facts))
    context.update(extra)
    return context
