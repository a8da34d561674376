"""Routes are edited in the Wagtail admin and validated against the code's route graph."""

import pytest
from django.urls import reverse
from wagtail.admin.panels import get_edit_handler

from content.models import Route


def formset_data(steps):
    data = {
        "steps-TOTAL_FORMS": str(len(steps)),
        "steps-INITIAL_FORMS": "0",
        "steps-MIN_NUM_FORMS": "0",
        "steps-MAX_NUM_FORMS": "1000",
    }
    for i, (transition, enabled) in enumerate(steps):
        data[f"steps-{i}-transition"] = transition
        data[f"steps-{i}-ORDER"] = str(i)
        if enabled:
            data[f"steps-{i}-enabled"] = "on"
    return data


@pytest.fixture
def form_class():
    return get_edit_handler(Route).get_form_class()


def test_admin_form_refuses_a_transition_the_code_does_not_have(form_class, db):
    route = Route.objects.first()
    data = {"life_situation": route.life_situation_id, **formset_data([("fly_away", True)])}
    form = form_class(data, instance=Route(), for_user=None)
    assert not form.is_valid()
    errors = str(form.errors) + str([f.errors for f in form.formsets["steps"].forms])
    assert "fly_away" in errors


def test_admin_form_refuses_a_route_that_cannot_close(form_class, db):
    route = Route.objects.first()
    data = {
        "life_situation": route.life_situation_id,
        **formset_data([("start_reception", True), ("assign_curator", True), ("withdraw", False)]),
    }
    form = form_class(data, instance=route, for_user=None)
    assert not form.is_valid()
    assert "не может дойти до закрытия" in str(form.non_field_errors())


def test_editor_opens_the_route_in_the_admin(client, db):
    client.login(username="editor", password="marshrut-demo")
    route = Route.objects.first()
    response = client.get(reverse("wagtailsnippets_content_route:edit", args=[route.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Переходы маршрута" in body and "Передать куратору" in body
