"""Who may see what: staff see only their own centre; anonymous users go to the login page."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cases import route_graph as r
from cases.models import Case


def staff_patterns():
    """Every named URL of the `cases` namespace (the staff screens), with its argument names."""
    resolver = get_resolver()
    found = []

    def walk(patterns, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, p.namespace or namespace)
            elif isinstance(p, URLPattern) and namespace == "cases" and p.name:
                found.append((p.name, sorted(p.pattern.regex.groupindex)))

    walk(resolver.url_patterns, None)
    return found


def kwargs_for(url_name, names, case):
    """Arguments naming objects of the case's centre (Naberezhnye Chelny)."""
    from cases.models import Appointment, ScriptRun
    from content.models import Script, SurveyPage

    script = Script.objects.filter(live=True).first()
    run = ScriptRun.objects.create(case=case, script=script, current_step="intro")
    pk = {
        "open-case": case.citizen_id,
        "citizen-edit": case.citizen_id,
        "appointment-status": Appointment.objects.filter(centre=case.centre).first().pk,
    }.get(url_name, case.pk)
    values = {
        "pk": pk,
        "name": "suspend",
        "item": case.plan_items.first().pk,
        "script": script.pk,
        "run": run.pk,
        "fmt": "csv",
        "survey": SurveyPage.objects.filter(phone_enabled=True, life_situation=None).first().pk,
    }
    return {n: values[n] for n in names}


def test_there_are_staff_urls_to_walk():
    names = {name for name, _ in staff_patterns()}
    assert {"my-work", "intake", "case-detail", "case-transition", "plan-print"} <= names


def test_every_staff_url_of_another_centre_is_404(client, users, case_at):
    case = case_at(r.IN_SERVICE)
    client.force_login(users["curator74"])
    walked = 0
    for name, args in staff_patterns():
        if "pk" not in args:
            continue
        url = reverse(f"cases:{name}", kwargs=kwargs_for(name, args, case))
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert response.status_code in (404, 405), (name, method, response.status_code)
            if response.status_code == 404:
                walked += 1
    assert walked >= 8
    case.refresh_from_db()
    assert case.state == r.IN_SERVICE


def test_lists_of_another_centre_show_nothing_of_ours(client, users, case_at):
    case = case_at(r.IN_SERVICE)
    client.force_login(users["curator74"])
    for name, args in staff_patterns():
        if "pk" in args:
            continue
        response = client.get(reverse(f"cases:{name}", kwargs=kwargs_for(name, args, case)))
        assert response.status_code == 200, name
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert f"{case.citizen.last_name} {case.citizen.first_name}" not in body.decode(), name
        assert case.citizen.snils_display not in body.decode(), name
    response = client.post(reverse("cases:intake"), {"action": "search", "q": case.citizen.snils})
    assert case.citizen.full_name not in response.content.decode()


@pytest.mark.parametrize("name", ["my-work", "intake"])
def test_anonymous_users_are_sent_to_the_login_page(client, db, name):
    response = client.get(reverse(f"cases:{name}"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("portal:login"))


def test_anonymous_users_get_no_case(client, case_at):
    case = case_at(r.RECEPTION)
    response = client.get(reverse("cases:case-detail", args=[case.pk]))
    assert response.status_code == 302 and "/staff/login/" in response["Location"]


def test_hall_administrator_cannot_open_intake(client, users):
    client.force_login(users["hall"])
    assert client.get(reverse("cases:intake")).status_code == 403


def test_editor_without_a_centre_sees_no_case(client, users):
    client.force_login(users["editor"])
    case = Case.objects.first()
    assert client.get(reverse("cases:case-detail", args=[case.pk])).status_code == 403
