"""Handing a case over to another curator with a comment (cases.services.handover)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from cases import route_graph as r
from cases import services
from cases.services import handover


@pytest.fixture
def case(case_at):
    return case_at(r.IN_SERVICE)


def post(client, case, **data):
    form = {
        "handover-curator": "",
        "handover-comment": "",
        "handover-expected_curator": case.curator_id,
        **{f"handover-{k}": v for k, v in data.items()},
    }
    return client.post(reverse("cases:case-handover", args=[case.pk]), form)


def test_the_curator_hands_her_case_over_and_the_new_one_reads_why(client, users, case):
    client.force_login(users["curator"])
    page = client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "Передать случай другому куратору" in page
    assert f'value="{users["curator2"].pk}"' in page
    assert f'<option value="{users["curator"].pk}"' not in page.split("handover-curator")[1]
    response = post(client, case, curator=users["curator2"].pk, comment="Ждёт ответа из МСЭ")
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.curator == users["curator2"] and case.handover_note == "Ждёт ответа из МСЭ"
    assert case.handed_over_by == users["curator"]
    client.force_login(users["curator2"])
    work = client.get(reverse("cases:my-work")).content.decode()
    assert f"№ {case.number}" in work and "Ждёт ответа из МСЭ" in work
    detail = client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "При передаче" in detail and "Ждёт ответа из МСЭ" in detail
    # The change log keeps who had it before.
    changes = [c for row in services.case_history(case) for c in row.changes]
    assert any(
        c.label == "куратор" and (c.old, c.new) == ("Рева Н. С.", "Хасанов И. Р.") for c in changes
    ), [(c.label, c.old, c.new) for c in changes]


def test_bad_input_is_told_next_to_the_field_and_the_comment_kept(client, users, case):
    client.force_login(users["curator"])
    response = post(client, case, comment="Важно: плохо слышит")
    assert response.status_code == 422
    body = response.content.decode()
    assert "Выберите куратора." in body and "Важно: плохо слышит" in body
    response = post(client, case, curator=users["curator2"].pk, comment="   ")
    assert response.status_code == 422
    assert "Напишите, что важно знать новому куратору." in response.content.decode()
    response = post(client, case, curator=users["curator74"].pk, comment="x")
    assert response.status_code == 422
    assert "Этого куратора нет в списке" in response.content.decode()
    case.refresh_from_db()
    assert case.curator == users["curator"] and case.handover_note == ""


def test_only_the_cases_curator_or_the_head_hands_it_over(client, users, case):
    assert not handover.may_hand_over(users["curator2"], case)
    assert handover.may_hand_over(users["head"], case)
    assert not handover.may_hand_over(users["psychologist"], case)
    client.force_login(users["curator2"])
    response = post(client, case, curator=users["curator2"].pk, comment="Беру себе")
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        services.hand_over_case(
            users["curator2"], case, users["curator2"], "Беру себе", case.curator_id
        )
    client.force_login(users["head"])
    response = post(client, case, curator=users["curator2"].pk, comment="Куратор в отпуске")
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.curator == users["curator2"] and case.handed_over_by == users["head"]


def test_a_handover_made_meanwhile_is_not_overridden(client, users, case):
    services.hand_over_case(users["head"], case, users["curator2"], "Срочно", case.curator_id)
    client.force_login(users["head"])
    # The head's page still showed the first curator.
    response = post(
        client,
        case,
        curator=users["curator"].pk,
        comment="Обратно",
        expected_curator=users["curator"].pk,
    )
    assert response.status_code == 409
    assert "Случай уже передан другим сотрудником" in response.content.decode()
    case.refresh_from_db()
    assert case.curator == users["curator2"] and case.handover_note == "Срочно"


def test_a_closed_case_and_the_same_curator_are_refused(users, case_at):
    case = case_at(r.IN_SERVICE)
    with pytest.raises(ValidationError) as same:
        services.hand_over_case(users["curator"], case, users["curator"], "x", case.curator_id)
    assert "уже у этого куратора" in str(same.value)
    case = services.run_transition(case, "withdraw", users["curator"], comment="Переехал")
    assert not handover.may_hand_over(users["curator"], case)
