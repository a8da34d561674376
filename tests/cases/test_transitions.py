"""What the transition service promises: the state and its log commit together or not at all,
and a case follows the route version it is pinned to — for running transitions, not only for
their labels."""

from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from cases import route_graph as r
from cases import services
from cases.models import Case, TransitionLog
from content.models import Route
from tests.cases.conftest import add_item
from tests.factories import CaseFactory


def snapshot(case):
    return {
        "state": Case.objects.get(pk=case.pk).state,
        "log": TransitionLog.objects.filter(case_id=case.pk).count(),
        "audit": ModelLogEntry.objects.filter(object_id=str(case.pk)).count(),
    }


@pytest.mark.parametrize(
    "failing", ["cases.services.transitions.log_case", "cases.models.TransitionLog.save"]
)
def test_a_failing_side_effect_rolls_back_the_state_and_the_log(case_at, users, failing):
    case = case_at(r.PLAN_AGREED)
    before = snapshot(case)
    with mock.patch(failing, side_effect=RuntimeError("сбой")), pytest.raises(RuntimeError):
        services.run_transition(
            case, "start_services", users["curator"], expected_state=r.PLAN_AGREED
        )
    assert snapshot(case) == before
    # The same transition then goes through, with exactly one log entry.
    services.run_transition(case, "start_services", users["curator"], expected_state=r.PLAN_AGREED)
    after = snapshot(case)
    assert after["state"] == r.IN_SERVICE and after["log"] == before["log"] + 1


def test_a_refused_condition_saves_neither_state_nor_curator(case_at, users):
    case = case_at(r.CURATOR_ASSIGNED)
    before = snapshot(case)
    with pytest.raises(ValidationError):
        services.run_transition(case, "agree_plan", users["curator"])  # an empty plan
    assert snapshot(case) == before


def publish_route(situation, **enabled):
    """Publish a new version of the situation's route with the given steps on or off."""
    route = Route.objects.get(life_situation=situation)
    for transition, on in enabled.items():
        route.steps.filter(transition=transition).update(enabled=on)
    route.refresh_from_db()
    revision = route.save_revision()
    revision.publish()
    return revision


def walk_to_curator(case, users):
    case = services.run_transition(case, "start_reception", users["reception"])
    return services.run_transition(
        case, "assign_curator", users["reception"], curator=users["curator"]
    )


def test_run_transition_follows_the_pinned_route_version(users, situation):
    old = CaseFactory(opened_by=users["reception"], life_situation=situation)
    # The editor publishes a version without profiling; cases opened from now are pinned to it.
    new_revision = publish_route(situation, start_profiling=False)
    new = CaseFactory(opened_by=users["reception"], life_situation=situation)
    assert old.route_revision_id != new.route_revision_id == new_revision.pk
    old, new = walk_to_curator(old, users), walk_to_curator(new, users)

    # Disabled in the new version: still runs for the case pinned to the old one …
    old = services.run_transition(old, "start_profiling", users["curator"])
    assert Case.objects.get(pk=old.pk).state == r.PROFILING
    # … and is refused, with nothing saved, for the case pinned to the new one.
    before = snapshot(new)
    with pytest.raises(services.TransitionRefused):
        services.run_transition(new, "start_profiling", users["curator"])
    assert snapshot(new) == before

    # Vice versa: enabled again in a newer version, still refused for the case pinned to the
    # version without it, until the case is explicitly moved to the newest version.
    publish_route(situation, start_profiling=True)
    with pytest.raises(services.TransitionRefused):
        services.run_transition(new, "start_profiling", users["curator"])
    assert services.move_to_latest_route(new, users["curator"]) is True
    new = services.run_transition(Case.objects.get(pk=new.pk), "start_profiling", users["curator"])
    assert new.state == r.PROFILING


def test_a_case_without_profiling_in_its_version_agrees_the_plan_straight_away(users, situation):
    publish_route(situation, start_profiling=False)
    case = walk_to_curator(
        CaseFactory(opened_by=users["reception"], life_situation=situation), users
    )
    assert "start_profiling" not in services.route_steps(case)
    add_item(users["curator"], case)
    case = services.run_transition(case, "agree_plan", users["curator"])
    assert case.state == r.PLAN_AGREED


REASON_MESSAGE = "Укажите причину — без неё этот переход не выполняется."


@pytest.mark.parametrize("comment", [None, "", "   ", "default"])
def test_a_transition_that_needs_a_reason_is_refused_without_one(case_at, users, comment):
    case = case_at(r.IN_SERVICE)
    before = snapshot(case)
    kwargs = {} if comment == "default" else {"comment": comment}
    with pytest.raises(ValidationError) as exc:
        services.run_transition(case, "suspend", users["curator"], **kwargs)
    assert exc.value.message_dict == {"comment": [REASON_MESSAGE]}
    assert snapshot(case) == before


def test_the_log_keeps_the_comment_trimmed_and_nothing_when_none_was_given(case_at, users):
    case = case_at(r.PLAN_AGREED)
    services.run_transition(case, "start_services", users["curator"])
    services.run_transition(case, "suspend", users["curator"], comment="  Болеет  ")
    log = dict(case.transitions.values_list("transition", "comment"))
    assert log["start_services"] == "" and log["suspend"] == "Болеет"


def test_refusals_say_why(case_at, users, situation):
    case = case_at(r.PROFILING)
    with pytest.raises(services.TransitionRefused) as exc:
        services.run_transition(case, "teleport", users["curator"])
    assert str(exc.value) == "Такого перехода нет в маршруте этого случая."
    add_item(users["curator"], case)
    role = Route.objects.get(life_situation=situation).steps.get(transition="agree_plan")
    assert role.responsible_role.name == "Куратор гражданина"
    with pytest.raises(PermissionDenied) as exc:
        services.run_transition(case, "agree_plan", users["reception"])
    assert str(exc.value) == "Этот переход выполняет роль «Куратор гражданина»."
    assert snapshot(case)["state"] == r.PROFILING


def test_a_transition_not_possible_from_here_is_refused_naming_the_stage(case_at, users):
    case = case_at(r.PROFILING)
    before = snapshot(case)
    with pytest.raises(services.TransitionRefused) as exc:
        services.run_transition(case, "start_services", users["curator"])
    assert str(exc.value) == "С этапа «Профилирование» этот переход невозможен."
    assert snapshot(case) == before


def test_only_assigning_a_curator_sets_the_curator(users, situation):
    case = CaseFactory(opened_by=users["reception"], life_situation=situation)
    case = services.run_transition(case, "start_reception", users["reception"])
    assert Case.objects.get(pk=case.pk).curator_id is None
    case = services.run_transition(
        case, "assign_curator", users["reception"], curator=users["curator"]
    )
    assert Case.objects.get(pk=case.pk).curator == users["curator"]
    # A later transition run by somebody else leaves the curator as assigned.
    case = services.run_transition(case, "start_profiling", users["curator"], curator=users["hall"])
    assert Case.objects.get(pk=case.pk).curator == users["curator"]


def test_what_a_transition_records(case_at, users, situation):
    """The log row, the audit entry and the survey invitation the route step asks for."""
    from content.models import SurveyPage

    case = case_at(r.EMPLOYED)
    step = Route.objects.get(life_situation=situation).steps.get(transition="close")
    survey = SurveyPage.objects.live().get(pk=step.survey_id)
    services.run_transition(case, "close", users["curator"], comment="  Всё получилось ")
    row = case.transitions.get(transition="close")
    assert (row.user, row.label, row.comment) == (
        users["curator"],
        step.label or "Закрыть случай",
        "Всё получилось",
    )
    assert (row.from_state, row.to_state) == (r.EMPLOYED, r.CLOSED)
    audit = ModelLogEntry.objects.get(
        action="marshrut.case.transition", object_id=str(case.pk), data__transition="close"
    )
    assert audit.user == users["curator"]
    assert audit.data == {"transition": "close", "from": r.EMPLOYED, "to": r.CLOSED}
    invitation = case.survey_invitations.get()
    assert (invitation.survey, invitation.transition, invitation.created_by) == (
        survey,
        "close",
        users["curator"],
    )
    invite = ModelLogEntry.objects.get(action="marshrut.case.survey_invite", object_id=str(case.pk))
    assert invite.user == users["curator"]


def test_a_lost_race_at_save_is_a_conflict_with_the_fresh_case(case_at, users):
    """Should the model's optimistic lock fire at save, staff get the conflict, not an error."""
    from django_fsm import ConcurrentTransition

    case = case_at(r.PLAN_AGREED)
    before = snapshot(case)
    with (
        mock.patch.object(Case, "save", side_effect=ConcurrentTransition("changed")),
        pytest.raises(services.Conflict) as exc,
    ):
        services.run_transition(case, "start_services", users["curator"])
    assert exc.value.case.pk == case.pk and exc.value.case.state == r.PLAN_AGREED
    assert "Оказание" not in exc.value.message and "«План согласован»" in exc.value.message
    assert snapshot(case) == before


def test_a_step_of_a_role_without_a_name_is_refused_with_a_dash(case_at, users, situation):
    from content.models import Role

    nameless = Role.objects.create(name="", slug="nameless", locale=Role.objects.first().locale)
    route = Route.objects.get(life_situation=situation)
    route.steps.filter(transition="agree_plan").update(responsible_role=nameless)
    route.refresh_from_db()
    route.save_revision().publish()
    case = case_at(r.PROFILING)
    add_item(users["curator"], case)
    with pytest.raises(PermissionDenied) as exc:
        services.run_transition(case, "agree_plan", users["curator"])
    assert str(exc.value) == "Этот переход выполняет роль «—»."
