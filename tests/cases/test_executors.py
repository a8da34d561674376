"""Plan items have an executor — a specialist or a role (issue 12 point 3): the service's
responsible role by default, handed over with a comment, and «Моя работа» shows each specialist
the items they or their role must deliver."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from cases import route_graph as r
from cases import services
from cases.models import PlanItem
from content.models import Role
from tests.cases.conftest import add_item

pytestmark = pytest.mark.django_db


def role(slug):
    return Role.objects.get(slug=slug, locale__language_code="ru")


def edit(client, item, **changes):
    prefix = f"item{item.pk}"
    data = {
        "service": item.service_id,
        "due_date": item.due_date.isoformat(),
        "need_determined_on": item.need_determined_on.isoformat(),
        "from_life_situation": "on",
        "executor": item.executor_id or "",
        "executor_role": item.executor_role_id or "",
        "note": item.note,
        "version": item.version,
        **changes,
    }
    url = reverse("cases:plan-item", args=[item.case_id, item.pk])
    return client.post(url, {f"{prefix}-{k}": v for k, v in data.items()})


def test_a_new_item_goes_to_the_services_responsible_role(users, case_at):
    case = case_at(r.IN_SERVICE)
    item = add_item(users["curator"], case, "psychological-support")
    assert item.executor_role == role("psychologist") and item.executor is None


def test_my_work_lists_the_items_of_my_role_and_mine_only(client, users, case_at):
    case = case_at(r.IN_SERVICE)
    item = add_item(users["curator"], case, "psychological-support")
    client.force_login(users["psychologist"])
    body = client.get(reverse("cases:my-work")).content.decode()
    assert "Мои пункты планов" in body and f"#item-{item.pk}" in body
    client.force_login(users["career"])
    assert f"#item-{item.pk}" not in client.get(reverse("cases:my-work")).content.decode()
    # Named to one psychologist: only she sees it; done, it leaves the list.
    PlanItem.objects.filter(pk=item.pk).update(executor=users["career"], executor_role=None)
    assert f"#item-{item.pk}" in client.get(reverse("cases:my-work")).content.decode()
    client.force_login(users["psychologist"])
    assert f"#item-{item.pk}" not in client.get(reverse("cases:my-work")).content.decode()
    item.refresh_from_db()
    services.change_plan_item_status(users["career"], item, "complete", "Проведена")
    client.force_login(users["career"])
    assert f"#item-{item.pk}" not in client.get(reverse("cases:my-work")).content.decode()


def test_handing_an_item_over_with_a_comment(client, users, case_at):
    case = case_at(r.IN_SERVICE)
    item = add_item(users["curator"], case, "psychological-support")
    client.force_login(users["curator"])
    response = edit(
        client,
        item,
        executor=users["psychologist"].pk,
        executor_role="",
        handover_note="Гражданин просит встречи после 15:00",
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    item.refresh_from_db()
    assert item.executor == users["psychologist"] and item.executor_role is None
    assert item.handover_note == "Гражданин просит встречи после 15:00"
    changed = set()
    for entry in LogEntry.objects.get_for_object(item):
        changed |= set(entry.changes_dict)
    assert {"executor", "executor_role", "handover_note"} <= changed
    client.force_login(users["psychologist"])
    body = client.get(reverse("cases:my-work")).content.decode()
    assert "Гражданин просит встречи после 15:00" in body


@pytest.mark.parametrize(
    ("who", "field", "message"),
    [
        ("both", "executor_role", "либо сотрудника, либо роль"),
        ("foreign", "executor", "Выберите корректный вариант"),
    ],
)
def test_bad_executors_are_refused_next_to_the_field(client, users, case_at, who, field, message):
    case = case_at(r.IN_SERVICE)
    item = add_item(users["curator"], case, "psychological-support")
    client.force_login(users["curator"])
    executor = users["psychologist"] if who == "both" else users["curator74"]
    response = edit(
        client, item, executor=executor.pk, executor_role=role("psychologist").pk, note="Важно"
    )
    assert response.status_code == 422
    form = response.context["edit_form"]
    assert message in " ".join(form.errors[field])
    assert "Важно" in response.content.decode()
    item.refresh_from_db()
    assert item.executor is None and item.note == ""


def test_my_work_query_budget_does_not_grow_with_items(
    client, users, case_at, django_assert_max_num_queries
):
    case = case_at(r.IN_SERVICE)
    add_item(users["curator"], case, "psychological-support")
    client.force_login(users["psychologist"])
    url = reverse("cases:my-work")
    client.get(url)
    with django_assert_max_num_queries(30) as small:
        client.get(url)
    for _ in range(5):
        add_item(users["curator"], case_at(r.IN_SERVICE), "social-adaptation")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)
