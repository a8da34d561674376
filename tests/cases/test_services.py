"""The route as configured by editors, run through the domain operations."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cases import route_graph as r
from cases import services
from cases.models import Case
from content.models import Route
from tests.cases.conftest import add_item


def test_full_route_to_employed_and_closed_with_one_log_entry_per_step(case_at):
    case = case_at(r.CLOSED)
    assert case.state == r.CLOSED and case.closed_at and case.employed_on
    log = list(case.transitions.order_by("at", "pk").values_list("from_state", "to_state"))
    assert log[0] == ("", r.REGISTERED)
    assert log[-1] == (r.RETENTION_CHECK, r.CLOSED)
    assert len(log) == 1 + 8


def test_agreeing_the_plan_needs_at_least_one_item(case_at, users):
    case = case_at(r.PROFILING)
    with pytest.raises(ValidationError) as exc:
        services.run_transition(case, "agree_plan", users["curator"])
    assert "хотя бы одну услугу" in str(exc.value)
    case.refresh_from_db()
    assert case.state == r.PROFILING
    assert not case.transitions.filter(transition="agree_plan").exists()
    add_item(users["curator"], case)
    assert services.run_transition(case, "agree_plan", users["curator"]).state == r.PLAN_AGREED


def test_transition_assigned_to_another_role_is_refused(case_at, users):
    case = case_at(r.PROFILING)
    add_item(users["curator"], case)
    with pytest.raises(PermissionDenied):
        services.run_transition(case, "agree_plan", users["reception"])
    with pytest.raises(PermissionDenied):
        services.run_transition(case, "agree_plan", users["hall"])


def test_reasons_are_required_where_the_route_demands_them(case_at, users):
    case = case_at(r.IN_SERVICE)
    with pytest.raises(ValidationError) as exc:
        services.run_transition(case, "suspend", users["curator"], comment="   ")
    assert "Укажите причину" in str(exc.value)
    case = services.run_transition(case, "suspend", users["curator"], comment="Болеет")
    assert case.suspension_reason == "Болеет"
    case = services.run_transition(case, "resume", users["curator"])
    assert case.state == r.IN_SERVICE


def test_stale_form_gets_a_conflict_and_the_fresh_state(case_at, users):
    case = case_at(r.RECEPTION)
    stale = Case.objects.get(pk=case.pk)
    services.run_transition(
        case,
        "assign_curator",
        users["reception"],
        curator=users["curator"],
        expected_state=r.RECEPTION,
    )
    with pytest.raises(services.Conflict) as exc:
        services.run_transition(
            stale,
            "assign_curator",
            users["reception"],
            curator=users["curator"],
            expected_state=r.RECEPTION,
        )
    assert exc.value.case.state == r.CURATOR_ASSIGNED
    assert "изменил другой сотрудник" in exc.value.message
    assert case.transitions.filter(transition="assign_curator").count() == 1


def test_case_is_pinned_to_the_route_version_it_started_with(new_case, situation, users):
    case = new_case()
    route = Route.objects.get(life_situation=situation)
    assert case.route_revision_id == route.live_revision_id
    # The editor publishes a new version without profiling and with another label.
    step = route.steps.get(transition="start_reception")
    step.label = "Пригласить на приём"
    step.save()
    route.steps.filter(transition="start_profiling").update(enabled=False)
    route.refresh_from_db()
    new_revision = route.save_revision()
    new_revision.publish()
    labels = {s.name: s.label for s, _ in services.available_steps(case, users["reception"])}
    assert labels["start_reception"] == "Начать первичный приём"
    newer = new_case("Новиков")
    labels = {s.name: s.label for s, _ in services.available_steps(newer, users["reception"])}
    assert labels["start_reception"] == "Пригласить на приём"
    # Moving a case in flight to the new version is an explicit action.
    assert services.move_to_latest_route(case, users["curator"]) is True
    case.refresh_from_db()
    assert case.route_revision_id == new_revision.pk


def test_route_validation_rejects_unknown_and_dead_end_routes(situation):
    from content.models import RouteStep

    route = Route(life_situation=situation)
    route.steps = [RouteStep(transition="teleport")]
    with pytest.raises(ValidationError) as exc:
        route.clean()
    assert "teleport" in str(exc.value)
    route.steps = [RouteStep(transition="start_reception"), RouteStep(transition="assign_curator")]
    with pytest.raises(ValidationError) as exc:
        route.clean()
    assert "не может дойти до закрытия" in str(exc.value)
    route.steps = [
        RouteStep(transition="start_reception"),
        RouteStep(transition="start_reception"),
        RouteStep(transition="withdraw"),
    ]
    with pytest.raises(ValidationError) as exc:
        route.clean()
    assert "повторяются" in str(exc.value)
    route.steps = [RouteStep(transition="withdraw")]
    route.clean()


def test_duplicate_open_case_is_caught_with_a_clear_message(new_case, users):
    case = new_case()
    with pytest.raises(ValidationError) as exc:
        services.open_case(users["reception"], case.citizen, case.life_situation)
    assert f"№ {case.number}" in str(exc.value)


def test_find_citizens_by_snils_or_name_any_case_only_in_own_centre(new_case, users):
    case = new_case("Ёлкина", "Анна")
    snils = case.citizen.snils
    assert services.find_citizens(users["curator"], f"{snils[:3]}-{snils[3:6]}") == [case.citizen]
    assert case.citizen in services.find_citizens(users["curator"], "ЕЛКИНА анна")
    assert services.find_citizens(users["curator74"], "елкина") == []


def test_plan_item_states(case_at, users):
    case = case_at(r.PLAN_AGREED)
    item = case.plan_items.first()
    services.change_plan_item_status(users["curator"], item, "start")
    with pytest.raises(ValidationError):
        services.change_plan_item_status(users["curator"], item, "refuse", "")
    services.change_plan_item_status(users["curator"], item, "refuse", "Не хочет")
    item.refresh_from_db()
    assert item.status == "refused" and item.reason == "Не хочет"
    with pytest.raises(services.TransitionRefused):
        services.change_plan_item_status(users["curator"], item, "complete")
