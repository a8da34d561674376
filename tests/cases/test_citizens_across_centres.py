"""One person, two centres: each centre registers and serves its own record of the person (SNILS
unique per centre) and learns nothing of the other's (docs/security.md)."""

import re

import pytest
from django.urls import reverse

from cases import services
from cases.models import Citizen
from cases.models.citizens import SNILS_TAKEN
from tests.cases.conftest import make_snils

INTAKE = "/staff/intake/"
REGISTRY = "/staff/registry/"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def form(snils, last_name="Двухцентрова"):
    return {
        "action": "create",
        "last_name": last_name,
        "first_name": "Анна",
        "patronymic": "",
        "birth_date": "1979-04-02",
        "snils": f"{snils[:3]}-{snils[3:6]}-{snils[6:9]} {snils[9:]}",
        "phone": "+7 917 000-00-00",
        "preferred_channel": "phone",
        "preferred_language": "ru",
        "consent_given": "on",
    }


def answer(response):
    """What the user is shown, without the CSRF token that changes on every page."""
    body = CSRF.sub("", response.content.decode())
    return response.status_code, response.get("Location", ""), body.split("<main", 1)[-1]


@pytest.fixture
def in_chelny(client, users, situation):
    """A citizen of Naberezhnye Chelny with an open case."""
    client.force_login(users["reception"])
    snils = make_snils()
    response = client.post(INTAKE, form(snils, "Челнинская"))
    assert response.status_code == 302
    citizen = Citizen.objects.get(snils=snils)
    services.open_case(users["reception"], citizen, situation)
    return citizen


def test_the_same_snils_registers_in_two_centres(users, in_chelny, client):
    client.force_login(users["reception74"])
    response = client.post(INTAKE, form(in_chelny.snils, "Челябинская"))
    assert response.status_code == 302
    records = Citizen.objects.filter(snils=in_chelny.snils).order_by("centre__slug")
    assert {c.centre_id for c in records} == {in_chelny.centre_id, users["reception74"].centre_id}
    assert {c.last_name for c in records} == {"Челнинская", "Челябинская"}


def test_the_same_snils_twice_in_one_centre_is_refused_next_to_the_field(users, in_chelny, client):
    client.force_login(users["reception"])
    response = client.post(INTAKE, form(in_chelny.snils, "Повторова"))
    assert response.status_code == 422
    body = response.content.decode()
    assert str(SNILS_TAKEN) in body and 'value="Повторова"' in body
    assert Citizen.objects.filter(snils=in_chelny.snils).count() == 1


def test_the_other_centre_holding_a_snils_changes_no_answer(users, in_chelny, client):
    """Chelyabinsk's answers for Chelny's SNILS are those for a SNILS nobody holds."""
    client.force_login(users["reception74"])
    client.get(INTAKE)  # the fixture's «registered» message, shown and gone
    fresh = make_snils()
    search_known = client.post(INTAKE, {"action": "search", "q": in_chelny.snils})
    search_fresh = client.post(INTAKE, {"action": "search", "q": fresh})
    assert answer(search_known)[0] == answer(search_fresh)[0] == 200
    assert answer(search_known)[2].replace(in_chelny.snils, fresh) == answer(search_fresh)[2]
    # Registering: both go through; both twins are then refused with the same message.
    first = [client.post(INTAKE, form(s)) for s in (in_chelny.snils, fresh)]
    assert [r.status_code for r in first] == [302, 302]
    again = [client.post(INTAKE, form(s)) for s in (in_chelny.snils, fresh)]
    assert [r.status_code for r in again] == [422, 422]
    for r in again:
        assert str(SNILS_TAKEN) in r.content.decode()


def test_nothing_of_one_centre_shows_in_the_other(users, in_chelny, client):
    client.force_login(users["reception74"])
    client.post(INTAKE, form(in_chelny.snils, "Челябинская"))
    ours = Citizen.objects.get(snils=in_chelny.snils, centre=users["reception74"].centre)
    assert services.find_citizens(users["curator74"], in_chelny.snils) == [ours]
    body = client.post(INTAKE, {"action": "search", "q": in_chelny.snils}).content.decode()
    assert "Челябинская" in body and "Челнинская" not in body
    client.force_login(users["curator74"])
    client.post(REGISTRY, {"reset": "1"})
    client.post(REGISTRY, {"q": in_chelny.snils})
    assert "Челнинская" not in client.get(REGISTRY).content.decode()
    export = client.get(reverse("cases:registry-export", args=["csv"]))
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "Челнинская" not in text
