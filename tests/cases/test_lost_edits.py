"""No lost edits: of two staff editing the same citizen card or plan item, the second save is
refused with what the first changed; the form keeps what was typed; nothing is overwritten."""

import threading

import pytest
from django.db import connection, transaction
from django.urls import reverse

from cases import services
from cases.models import Citizen, PlanItem
from tests.cases.test_change_log import plan_post

CARD = [
    "last_name",
    "first_name",
    "patronymic",
    "birth_date",
    "snils",
    "phone",
    "phone_extra",
    "email",
    "address",
    "disability_group",
    "preferred_channel",
    "preferred_language",
]


def card_post(citizen, **changes):
    data = {name: getattr(citizen, name) or "" for name in CARD}
    data["birth_date"] = citizen.birth_date.isoformat()
    data.update(consent_given="on", version=citizen.version, **changes)
    return data


def test_the_second_save_of_a_citizen_card_is_refused_and_keeps_its_input(client, users, case_at):
    case = case_at("in_service")
    citizen = case.citizen
    url = reverse("cases:citizen-edit", args=[citizen.pk])
    opened = Citizen.objects.get(pk=citizen.pk)  # both opened the card at this version
    client.force_login(users["curator"])
    assert client.post(url, card_post(opened, phone="+7 917 000-11-22")).status_code == 302

    client.force_login(users["reception"])
    response = client.post(url, card_post(opened, address="г. Казань, ул. Новая, 1"))
    body = response.content.decode()
    assert response.status_code == 409
    assert "Пока вы редактировали, карточку изменил(а) Рева Н. С. в" in body
    assert "телефон — «+7 917 000-11-22»" in body
    assert 'value="г. Казань, ул. Новая, 1"' in body  # what was typed is kept
    fresh = Citizen.objects.get(pk=citizen.pk)
    assert fresh.address == citizen.address and fresh.phone == "+7 917 000-11-22"
    assert f'name="version" value="{fresh.version}"' in body
    # Sent again, having read what changed, it is saved (over the current version).
    again = card_post(fresh, address="г. Казань, ул. Новая, 1")
    assert client.post(url, again).status_code == 302
    assert Citizen.objects.get(pk=citizen.pk).address == "г. Казань, ул. Новая, 1"


def test_the_second_save_of_a_plan_item_is_refused_through_htmx(client, users, case_at):
    case = case_at("in_service")
    item = case.plan_items.get()
    url = reverse("cases:plan-item", args=[case.pk, item.pk])
    opened = PlanItem.objects.get(pk=item.pk)
    client.force_login(users["curator"])
    assert client.post(url, plan_post(opened, note="Первый")).status_code == 302
    client.force_login(users["career"])
    response = client.post(
        url,
        plan_post(opened, note="Второй"),
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="plan",
    )
    body = response.content.decode()
    assert response.status_code == 409
    assert "пункт плана изменил(а) Рева Н. С." in body and "примечание — «Первый»" in body
    assert "Второй</textarea>" in body
    assert PlanItem.objects.get(pk=item.pk).note == "Первый"


def test_the_service_refuses_a_stale_version(users, case_at):
    case = case_at("in_service")
    item = case.plan_items.get()
    first, second = PlanItem.objects.get(pk=item.pk), PlanItem.objects.get(pk=item.pk)
    first.note = "один"
    services.update_plan_item(users["curator"], first, ["note"])
    second.note = "два"
    with pytest.raises(services.StaleEdit) as refused:
        services.update_plan_item(users["curator"], second, ["note"], version=0)
    assert "примечание — «один»" in refused.value.message
    assert PlanItem.objects.get(pk=item.pk).note == "один"


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="not applicable on SQLite: one writer holds the whole database for its transaction; "
    "runs on PostgreSQL (DATABASE_URL=postgres://…)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_truly_simultaneous_saves_cannot_both_win(users, situation):
    citizen = Citizen.objects.filter(centre=users["curator"].centre, consent_given=True).first()
    barrier = threading.Barrier(2)
    outcomes = []

    def save(phone):
        try:
            with transaction.atomic():
                mine = Citizen.objects.get(pk=citizen.pk)
                barrier.wait(timeout=10)
                mine.phone = phone
                services.update_citizen(users["curator"], mine, ["phone"], version=mine.version)
            outcomes.append("saved")
        except services.StaleEdit:
            outcomes.append("refused")
        except Exception as exc:
            outcomes.append(type(exc).__name__)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=(p,)) for p in ("+7 900 000-00-01", "+7 900 000-00-02")
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(outcomes) == ["refused", "saved"]
    assert Citizen.objects.get(pk=citizen.pk).version == citizen.version + 1
