"""Conversation scripts are built by editors and refused for publication when incoherent."""

import pytest
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from wagtail.admin.panels import get_edit_handler

from content.models import Script, validate_script_steps


def step(code, *answers, says="Текст"):
    return {"code": code, "says": says, "hint": "", "answers": list(answers)}


def to(text, next_step="", outcome=""):
    return {"text": text, "next_step": next_step, "outcome": outcome}


def messages(steps):
    with pytest.raises(ValidationError) as exc:
        validate_script_steps(steps)
    return " ".join(exc.value.messages)


def test_a_coherent_script_passes():
    validate_script_steps(
        [
            step("a", to("да", "b"), to("нет", outcome="refused")),
            step("b", to("хорошо", outcome="agreed")),
        ]
    )


def test_answer_that_leads_nowhere():
    assert "никуда не ведёт" in messages([step("a", to("да"), to("нет", outcome="refused"))])


def test_answer_to_a_missing_step():
    assert "несуществующий шаг «c»" in messages(
        [step("a", to("да", "c"), to("нет", outcome="refused"))]
    )


def test_unreachable_step():
    assert "не дойти" in messages(
        [
            step("a", to("нет", outcome="refused")),
            step("island", to("ok", outcome="agreed")),
        ]
    )


def test_script_without_an_end():
    assert "Ни один ответ не завершает разговор" in messages(
        [
            step("a", to("дальше", "b")),
            step("b", to("назад", "a")),
        ]
    )


def _form_data(script, steps, publish):
    form_class = get_edit_handler(Script).get_form_class()
    data = {
        "name": script.name,
        "role": script.role_id,
        "stage": "",
        "description": "",
        "steps-count": str(len(steps)),
    }
    for i, s in enumerate(steps):
        prefix = f"steps-{i}"
        data.update(
            {
                f"{prefix}-type": "step",
                f"{prefix}-deleted": "",
                f"{prefix}-order": str(i),
                f"{prefix}-value-code": s["code"],
                f"{prefix}-value-says": s["says"],
                f"{prefix}-value-hint": "",
                f"{prefix}-value-answers-count": str(len(s["answers"])),
            }
        )
        for j, a in enumerate(s["answers"]):
            ap = f"{prefix}-value-answers-{j}"
            data.update(
                {
                    f"{ap}-deleted": "",
                    f"{ap}-order": str(j),
                    f"{ap}-value-text": a["text"],
                    f"{ap}-value-next_step": a["next_step"],
                    f"{ap}-value-outcome": a["outcome"],
                    f"{ap}-value-outcome_note": "",
                    f"{ap}-value-suggest_transition": "",
                    f"{ap}-value-suggest_service": "",
                }
            )
    if publish:
        data["action-publish"] = "action-publish"
    return form_class(data, instance=script, for_user=None)


def test_admin_saves_an_unfinished_draft_but_refuses_to_publish_it(db):
    script = Script.objects.first()
    broken = [step("a", to("да"), to("куда-то", "zzz"))]
    draft = _form_data(script, broken, publish=False)
    assert draft.is_valid(), draft.errors
    publish = _form_data(script, broken, publish=True)
    assert not publish.is_valid()
    text = str(publish.errors)
    assert "никуда не ведёт" in text and "несуществующий шаг" in text


def test_demo_scripts_are_published_and_previewable(client, rf, db):
    assert Script.objects.filter(live=True).count() >= 3
    script = Script.objects.get(name__startswith="Направление в ЦРИ")
    response = script.serve_preview(rf.get("/"), script.default_preview_mode)
    response.render()
    body = response.content.decode()
    assert "ул. Комарова, 5" in body and "итог: Отказался" in body
    client.login(request=HttpRequest(), username="editor", password="marshrut-demo")
    edit = client.get(reverse("wagtailsnippets_content_script:edit", args=[script.pk]))
    assert edit.status_code == 200
    assert reverse("wagtailsnippets_content_script:preview_on_edit", args=[script.pk]) in (
        edit.content.decode()
    )
    assert (
        client.get(reverse("wagtailsnippets_content_script:history", args=[script.pk])).status_code
        == 200
    )
