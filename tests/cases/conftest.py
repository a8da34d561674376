import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from cases import route_graph as r
from cases import services
from cases.models import Case, Citizen, PlanItem
from content.models import LifeSituationPage, ServicePage
from tests.factories import hand_snils

_counter = iter(range(50_000, 99_999))


def make_snils():
    """A valid SNILS whose control number does not come from the code under test."""
    return hand_snils(next(_counter))


@pytest.fixture
def users(db):
    User = get_user_model()
    return {u.username: u for u in User.objects.all()}


@pytest.fixture
def situation(db):
    return LifeSituationPage.objects.get(slug="disability-employment", locale__language_code="ru")


@pytest.fixture
def new_case(users, situation):
    """A freshly opened case of a new citizen in Naberezhnye Chelny."""

    def make(last_name="Тестов", first_name="Пётр"):
        citizen = services.register_citizen(
            users["reception"],
            Citizen(
                last_name=last_name,
                first_name=first_name,
                patronymic="Ильич",
                birth_date=datetime.date(1970, 5, 17),
                snils=make_snils(),
                consent_given=True,
            ),
        )
        return services.open_case(users["reception"], citizen, situation)

    return make


@pytest.fixture
def case_at(new_case, users):
    """A case walked along the route to the given state."""

    def walk(state):
        from fixtures.cases_demo import PATHS, REASONS

        case = new_case()
        for name in PATHS[state]:
            actor = (
                users["reception"]
                if name in ("start_reception", "assign_curator")
                else users["curator"]
            )
            if name == "agree_plan":
                add_item(users["curator"], case)
            if name == "record_employment":
                case = record_employment(users["curator"], case)
                continue
            case = services.run_transition(
                case, name, actor, comment=REASONS.get(name, ""), curator=users["curator"]
            )
        return case

    return walk


def record_employment(user, case, **facts):
    """The employment, found by the citizen alone unless `facts` say otherwise; the case moves
    to "employed" with it."""
    facts = {"employer_name": "ООО «Ромашка»", "position": "Оператор", **facts}
    return services.jobs.record_employment(
        user, case, started_on=facts.pop("started_on", timezone.localdate()), **facts
    )


def add_item(user, case, slug="job-search", days=10):
    return services.add_plan_item(
        user,
        case,
        PlanItem(
            service=ServicePage.objects.get(slug=slug),
            due_date=timezone.localdate() + datetime.timedelta(days=days),
        ),
    )


__all__ = ["Case", "add_item", "make_snils", "r"]
