"""Routes are edited in the Wagtail admin and validated against the code's route graph."""

import pytest
from django.http import HttpRequest
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
        data[f"steps-{i}-deadline_unit"] = "calendar"
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
    client.login(request=HttpRequest(), username="editor", password="marshrut-demo")
    route = Route.objects.first()
    response = client.get(reverse("wagtailsnippets_content_route:edit", args=[route.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Переходы маршрута" in body and "Передать куратору" in body


def test_editor_creates_a_route_for_a_new_life_situation_in_the_admin(client, disability):
    """The model's own check must not see the (still empty) steps of a route being created."""
    from content.models import HomePage, LifeSituationPage

    home = HomePage.objects.get(locale=disability.locale)
    situation = LifeSituationPage(
        title="Новая ситуация", slug="new-situation", target_audience="<p>Всем.</p>"
    )
    home.add_child(instance=situation)
    situation.save_revision().publish()
    client.login(request=HttpRequest(), username="editor", password="marshrut-demo")
    path = ["start_reception", "assign_curator", "agree_plan", "record_employment", "close"]
    data = {
        "life_situation": situation.pk,
        "description": "",
        "action-publish": "action-publish",
        **formset_data([(name, True) for name in path]),
    }
    response = client.post(reverse("wagtailsnippets_content_route:add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    route = Route.objects.get(life_situation=situation)
    assert route.live and [s.transition for s in route.steps.all()] == path

    # A route that cannot reach closing is still refused, for a new route too.
    Route.objects.filter(pk=route.pk).delete()
    data.update(formset_data([("start_reception", True)]))
    response = client.post(reverse("wagtailsnippets_content_route:add"), data)
    assert response.status_code == 200
    assert "не может дойти до закрытия" in response.content.decode()
    assert not Route.objects.filter(life_situation=situation).exists()


@pytest.mark.parametrize("name", ["route", "script"])
def test_editor_lists_routes_and_scripts(client, db, name):
    client.login(request=HttpRequest(), username="editor", password="marshrut-demo")
    response = client.get(reverse(f"wagtailsnippets_content_{name}:list"))
    assert response.status_code == 200
