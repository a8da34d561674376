import datetime

import pytest
from django.db import IntegrityError, transaction

from cases import route_graph as r
from cases.models import Case, Citizen, PlanItem, fold
from tests.cases.conftest import make_snils


def test_fold_makes_cyrillic_case_insensitive():
    assert fold("  ИВАНОВ  Пётр ") == "иванов петр"


def test_snils_is_unique_with_a_russian_message(new_case):
    case = new_case()
    twin = Citizen(
        centre=case.centre,
        last_name="Другой",
        first_name="Человек",
        birth_date=datetime.date(1980, 1, 1),
        snils=case.citizen.snils,
        consent_given=True,
    )
    with pytest.raises(Exception) as exc:
        twin.full_clean()
    assert "Гражданин с таким СНИЛС уже зарегистрирован" in str(exc.value)


def test_one_open_case_per_life_situation_is_enforced_by_the_database(new_case):
    case = new_case()
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.create(
            citizen=case.citizen, life_situation=case.life_situation, centre=case.centre
        )


def test_a_closed_case_does_not_block_a_new_one(case_at, users):
    from cases import services

    closed = case_at(r.WITHDRAWN)
    again = services.open_case(users["reception"], closed.citizen, closed.life_situation)
    assert again.pk != closed.pk


def test_overdue_is_derived_from_the_due_date_and_the_calendar_not_stored(case_at):
    from portal.calendar import BusinessCalendar

    calendar = BusinessCalendar("Республика Татарстан")
    case = case_at(r.PLAN_AGREED)
    item = case.plan_items.first()
    D = datetime.date.fromisoformat
    item.due_date = D("2026-11-05")  # Thursday; Friday 6 November is a day off in Tatarstan
    assert item.overdue_days(calendar, D("2026-11-05")) == 0
    assert item.overdue_days(calendar, D("2026-11-06")) == 0  # not a business day
    assert item.overdue_days(calendar, D("2026-11-09")) == 1
    item.due_date = D("2026-11-07")  # due on a Saturday: the next business day is Monday 9th
    assert item.overdue_days(calendar, D("2026-11-09")) == 0
    assert item.overdue_days(calendar, D("2026-11-10")) == 1
    assert BusinessCalendar().business_days_between(D("2026-11-05"), D("2026-11-09")) == 2
    assert "overdue" not in {f.name for f in PlanItem._meta.get_fields()}
    item.complete("готово")
    assert item.overdue_days(calendar, D("2026-12-01")) == 0


def test_state_cannot_be_set_directly(new_case):
    case = new_case()
    with pytest.raises(AttributeError):
        case.state = r.CLOSED


def test_citizen_without_consent_is_refused(db):
    from portal.models import Centre

    c = Citizen(
        centre=Centre.objects.first(),
        last_name="А",
        first_name="Б",
        birth_date=datetime.date(1990, 1, 1),
        snils=make_snils(),
        consent_given=False,
    )
    with pytest.raises(Exception) as exc:
        c.full_clean()
    assert "согласия" in str(exc.value)
