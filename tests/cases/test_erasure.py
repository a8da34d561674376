"""Erasure after the retention period: the citizen's personal values leave every table, the
registry and report figures stay, an open case protects its citizen, --dry-run only counts."""

import datetime
import json
from io import StringIO

import pytest
from auditlog.models import LogEntry
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import models
from django.db.models import Count, TextField
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cases import route_graph as r
from cases.models import (
    AccessLog,
    Appointment,
    Case,
    Citizen,
    Employment,
    JobReferral,
    Referral,
    TransitionLog,
    Vacancy,
)
from cases.services import erasure, record_access
from cases.services.referrals import partners_for
from tests.cases.conftest import add_item

LAST, FIRST = "Стиралкина", "Ефросинья"
PHONE, EMAIL = "+7 901 765-43-21", "efrosinya.stir@example.invalid"
ADDRESS = "г. Набережные Челны, ул. Незабываемая, 7"


def text_columns():
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, (models.CharField, models.TextField, models.JSONField)):
                yield model, field


def tables_holding(value):
    """Every (table, column) whose text holds the value (JSON also as json.dumps writes it)."""
    needles = {value, json.dumps(value)[1:-1]}
    found = []
    for model, field in text_columns():
        qs = model._base_manager.annotate(_text=Cast(field.name, TextField()))
        for needle in needles:
            if qs.filter(_text__contains=needle).exists():
                found.append((model._meta.db_table, field.column))
    return found


def figures():
    """What the registry and the reports count: cases by centre, life situation and state."""
    return list(
        Case.objects.values("centre", "life_situation", "state", "opened_at", "closed_at")
        .annotate(n=Count("pk"))
        .order_by("centre", "life_situation", "state", "opened_at")
    )


@pytest.fixture
def old_case(new_case, users):
    """A case closed six years ago with personal values in every place they can be."""
    case = new_case(LAST, FIRST)
    citizen = case.citizen
    Citizen.objects.filter(pk=citizen.pk).update(
        phone=PHONE, email=EMAIL, address=ADDRESS, disability_group="2"
    )
    item = add_item(users["curator"], case)
    type(item).objects.filter(pk=item.pk).update(note=f"{LAST}: звонить {PHONE}")
    TransitionLog.objects.create(
        case=case, transition="close", label="Закрыт", from_state=case.state, to_state=r.CLOSED,
        comment=f"{LAST} {FIRST} трудоустроена",
    )  # fmt: skip
    long_ago = timezone.now() - datetime.timedelta(days=6 * 366)
    Case.objects.filter(pk=case.pk).update(
        state=r.CLOSED, closed_at=long_ago, closing_reason=f"Переезд {LAST}"
    )
    Citizen.objects.filter(pk=citizen.pk).update(created_at=long_ago)
    Appointment.objects.create(
        centre=case.centre, starts_at=long_ago, name=f"{LAST} {FIRST}", phone=PHONE,
        comment=f"СНИЛС {citizen.snils_display}", citizen=citizen, case=case,
    )  # fmt: skip
    # Referrals, a job referral and the employment, each with personal words in its free text
    # (created through the ORM: the change log holds them too).
    partner = partners_for(case.centre).first()
    Referral.objects.create(
        case=case, partner=partner, reason=f"{LAST} просит поддержки", offer_on=long_ago.date(),
        partner_specialist="психолог", recommendations=f"Звонить {PHONE}",
        closing_reason=f"{FIRST} переехала",
    )  # fmt: skip
    vacancy = Vacancy.objects.filter(centre=case.centre).first()
    job = JobReferral.objects.create(
        case=case, vacancy=vacancy, issued_on=long_ago.date(), answer_due=long_ago.date(),
        status="refused", refusal_reason=f"{LAST} не подошла", contraindication_note=ADDRESS,
    )  # fmt: skip
    Employment.objects.create(
        case=case, employer_name=vacancy.employer.name, position=f"помощник {LAST}",
        started_on=long_ago.date(), job_referral=job,
    )  # fmt: skip
    LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Citizen),
        object_pk=str(citizen.pk),
        object_id=citizen.pk,
        object_repr=citizen.full_name,
        action=LogEntry.Action.UPDATE,
        changes={"phone": ["", PHONE], "snils": ["", citizen.snils], "last_name": ["", LAST]},
        changes_text=f"{LAST} {PHONE}",
    )
    citizen.refresh_from_db()
    return case, citizen


def personal_values(citizen):
    return [LAST, FIRST, citizen.snils, citizen.snils_display, PHONE, EMAIL, ADDRESS]


def test_erasure_leaves_no_personal_value_in_any_table(old_case):
    case, citizen = old_case
    values = personal_values(citizen)
    assert tables_holding(LAST) and tables_holding(citizen.snils) and tables_holding(PHONE)
    before = figures()
    out = StringIO()
    call_command("erase_expired_citizens", stdout=out)
    assert "Erased" in out.getvalue() and LAST not in out.getvalue()
    for value in values:
        assert tables_holding(value) == [], value
    assert figures() == before
    citizen.refresh_from_db()
    assert citizen.erased_at and citizen.birth_date == datetime.date(1970, 1, 1)
    assert citizen.disability_group == "" and citizen.consent_date is None
    entries = LogEntry.objects.get_for_object(citizen)
    changed = set().union(*(set(entry.changes or {}) for entry in entries))
    assert {"phone", "snils", "last_name"} <= changed  # which fields were changed stays, not values
    assert ModelLogEntry.objects.filter(action="marshrut.citizen.erase", object_id=str(citizen.pk))
    assert Case.objects.get(pk=case.pk).state == r.CLOSED


def test_dry_run_counts_and_changes_nothing(old_case):
    _case, citizen = old_case
    out = StringIO()
    call_command("erase_expired_citizens", "--dry-run", stdout=out)
    assert "Would erase" in out.getvalue() and LAST not in out.getvalue()
    assert citizen.pk in erasure.expired_citizens().values_list("pk", flat=True)
    assert Citizen.objects.get(pk=citizen.pk).last_name == LAST


def test_a_citizen_with_an_open_case_is_never_erased(old_case, users, situation):
    case, citizen = old_case
    Case.objects.filter(pk=case.pk).update(state=r.IN_SERVICE)
    assert citizen.pk not in erasure.expired_citizens().values_list("pk", flat=True)
    with pytest.raises(CommandError, match="открытый случай"):
        call_command("erase_expired_citizens", "--citizen", str(citizen.pk))
    assert Citizen.objects.get(pk=citizen.pk).last_name == LAST


def test_recent_citizens_wait_and_one_can_be_erased_on_request(new_case):
    case = new_case(LAST, FIRST)
    Case.objects.filter(pk=case.pk).update(state=r.CLOSED, closed_at=timezone.now())
    assert case.citizen_id not in erasure.expired_citizens().values_list("pk", flat=True)
    call_command("erase_expired_citizens", "--citizen", str(case.citizen_id), stdout=StringIO())
    assert Citizen.objects.get(pk=case.citizen_id).last_name == erasure.ERASED


def test_scrubbers_of_other_modules_are_called(old_case, monkeypatch):
    case, citizen = old_case
    calls = []
    monkeypatch.setattr(erasure, "SCRUBBERS", [lambda pk, cases: calls.append((pk, cases))])
    erasure.erase_citizen(citizen.pk, reason="request")
    assert calls == [(citizen.pk, [case.pk])]


def test_the_access_log_forgets_the_erased_citizen(old_case, rf, users):
    case, citizen = old_case
    request = rf.get("/staff/")
    request.user = users["curator"]
    entry = record_access(request, case)
    assert entry.citizen_id == citizen.pk
    erasure.erase_citizen(citizen.pk, reason="request")
    entry = AccessLog.objects.get(pk=entry.pk)
    assert entry.citizen_id is None and entry.object_id == case.pk  # still counts, names no one
