"""Staff walk a conversation script on a case; the path is saved in the case history."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from cases import route_graph as r
from cases import services
from content.models import Script


@pytest.fixture
def reception_script(db):
    return Script.objects.get(name__startswith="Первичный приём")


def test_scripts_of_the_current_stage_for_the_users_role(case_at, users, reception_script):
    case = case_at(r.RECEPTION)
    assert reception_script in services.scripts_for(case, users["reception"])
    assert reception_script not in services.scripts_for(case, users["curator"])
    with pytest.raises(PermissionDenied):
        services.start_script(users["curator"], case, reception_script)


def test_walking_a_script_records_the_path_and_suggests_the_next_step(
    client, users, case_at, reception_script
):
    case = case_at(r.RECEPTION)
    client.force_login(users["reception"])
    start = reverse("cases:script-start", args=[case.pk, reception_script.pk])
    client.post(start)
    run = case.script_runs.get()
    assert run.current_step == "greeting"
    answer = reverse("cases:script-answer", args=[case.pk, run.pk])
    body = client.post(answer, {"answer": "1"}, follow=True).content.decode()
    assert "есть ли что-то, что нам важно учесть" in body
    assert client.post(answer, {"answer": "9"}).status_code == 422
    client.post(answer, {"answer": "0"})  # health: yes -> offer
    body = client.post(answer, {"answer": "0"}, follow=True).content.decode()  # agreed
    run.refresh_from_db()
    assert run.finished and run.outcome == "agreed" and run.suggest_transition == "assign_curator"
    assert [p["answer"] for p in run.path] == [
        "Ищу работу, о здоровье не говорит",
        "Да, есть группа инвалидности или ИПРА",
        "Да, согласен",
    ]
    assert "Скрипт предлагает" in body and "Передать куратору" in body
    assert "Разговоры по скриптам" in body and "Согласился на комплекс услуг" in body


def test_a_finished_talk_takes_no_more_answers(users, case_at, reception_script):
    case = case_at(r.RECEPTION)
    run = services.start_script(users["reception"], case, reception_script)
    services.answer_script(users["reception"], run, 2)
    with pytest.raises(services.TransitionRefused):
        services.answer_script(users["reception"], run, 0)


def test_run_follows_the_version_it_started_with(users, case_at, reception_script):
    case = case_at(r.RECEPTION)
    run = services.start_script(users["reception"], case, reception_script)
    steps = list(reception_script.steps.raw_data)
    steps[0]["value"]["says"] = "Новая формулировка приветствия"
    reception_script.steps = steps
    reception_script.save_revision().publish()
    assert services.script_version(run).first_step["says"].startswith("Здравствуйте")
    fresh = services.start_script(
        users["reception"], case, Script.objects.get(pk=reception_script.pk)
    )
    assert services.script_version(fresh).first_step["says"] == "Новая формулировка приветствия"


def test_suggested_service_goes_into_the_plan(client, users, case_at):
    case = case_at(r.PROFILING)
    script = Script.objects.get(name__startswith="Куратор")
    run = services.start_script(users["curator"], case, script)
    services.answer_script(users["curator"], run, 0)  # job
    services.answer_script(users["curator"], run, 0)  # cv
    client.force_login(users["curator"])
    body = client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "Добавить в план: Составление резюме" in body
