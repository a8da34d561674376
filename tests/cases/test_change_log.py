"""The change log (django-auditlog): field-level differences of every record holding personal
data, shown in Russian; the actor and the address from the request; no name in an entry's
label; anonymised with the citizen."""

import datetime

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from cases import route_graph as r
from cases import services
from cases.models import (
    AccessLog,
    Citizen,
    IpraImport,
    IpraImportError,
    IpraReport,
    IpraTransitionLog,
    PlanItem,
    ScriptRun,
    SurveyInvitation,
    TransitionLog,
)
from content.models import ServicePage

# Models of the `cases` app deliberately not in the change log, each with its reason. A new
# model is either tracked (cases/models/__init__.py: `track(...)`) or listed here.
UNTRACKED = {
    AccessLog: "the access log itself: append-only",
    TransitionLog: "a log already: each entry written once, never changed",
    ScriptRun: "the record of a conversation, appended step by step; its history is itself",
    SurveyInvitation: "no personal data: a survey, a token and whether it was answered",
    IpraTransitionLog: "a log already: each entry written once, never changed",
    IpraImport: "an import job: its file name, counts and state; the rows are the IPRA",
    IpraImportError: "a rejected row: line, column and reason, never the row's data",
    IpraReport: "a sending of a report: date, method and staff member, written once",
}


def test_every_model_of_the_app_is_tracked_or_deliberately_not():
    models = set(apps.get_app_config("cases").get_models())
    forgotten = {m.__name__ for m in models if not auditlog.contains(m) and m not in UNTRACKED}
    assert not forgotten, f"track() these models or list them in UNTRACKED: {forgotten}"
    assert not {m.__name__ for m in UNTRACKED if auditlog.contains(m)}
    assert {"Citizen", "Case", "PlanItem", "Appointment"} <= {
        m.__name__ for m in models if auditlog.contains(m)
    }


def edit_url(case, item):
    return reverse("cases:plan-item", args=[case.pk, item.pk])


def plan_post(item, **changes):
    p = f"item{item.pk}"
    data = {
        f"{p}-service": item.service_id,
        f"{p}-due_date": item.due_date.isoformat(),
        f"{p}-need_determined_on": item.need_determined_on.isoformat(),
        f"{p}-note": item.note,
        f"{p}-version": item.version,
        f"{p}-executor": item.executor_id or "",
        f"{p}-executor_role": item.executor_role_id or "",
    }
    for name in ("from_life_situation", "from_profiling", "from_ipra"):
        if getattr(item, name):
            data[f"{p}-{name}"] = "on"
    for name, value in changes.items():
        if value is False:
            data.pop(f"{p}-{name}", None)
        else:
            data[f"{p}-{name}"] = "on" if value is True else value
    return data


def test_the_diff_of_a_plan_edit_in_russian_with_old_and_new_and_actor(client, users, case_at):
    case = case_at("in_service")
    item = case.plan_items.get()
    old_due = item.due_date
    new_due = timezone.localdate() + datetime.timedelta(days=30)
    client.force_login(users["curator"])
    response = client.post(
        edit_url(case, item),
        plan_post(item, due_date=new_due.isoformat(), from_ipra=True, note="Созвониться"),
        REMOTE_ADDR="203.0.113.5",
        HTTP_X_FORWARDED_FOR="198.51.100.66",
    )
    assert response.status_code == 302
    entry = LogEntry.objects.get_for_object(item).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == users["curator"]
    assert entry.remote_addr == "203.0.113.5"  # not the spoofable X-Forwarded-For
    assert entry.object_repr == f"Пункт плана № {item.pk}"
    rows = services.case_history(case)
    changes = {c.label: (c.old, c.new) for c in rows[0].changes}
    assert changes == {
        "срок исполнения": (old_due.strftime("%d.%m.%Y"), new_due.strftime("%d.%m.%Y")),
        "по ИПРА": ("нет", "да"),
        "примечание": ("—", "Созвониться"),
    }
    page = client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "История изменений" in page
    assert f"Срок исполнения</span>: «{old_due:%d.%m.%Y}» → «{new_due:%d.%m.%Y}»" in page
    assert "(Рева Н. С.)" in page


def test_related_objects_and_stages_by_their_labels(users, case_at):
    case = case_at("in_service")
    item = case.plan_items.get()
    before = item.service.title
    item.service = ServicePage.objects.get(slug="cv-writing")
    services.update_plan_item(users["curator"], item, ["service"])
    rows = services.case_history(case)
    assert {c.label: (c.old, c.new) for c in rows[0].changes} == {
        "услуга": (before, item.service.title)
    }
    stages = {(c.old, c.new) for row in rows for c in row.changes if c.label == "этап"}
    assert (r.STATE_LABELS[r.PLAN_AGREED], r.STATE_LABELS[r.IN_SERVICE]) in stages


def test_no_name_in_an_entrys_label_and_excluded_fields_are_not_logged(users, new_case):
    case = new_case(last_name="Особенный")
    entries = LogEntry.objects.filter(additional_data__citizen=case.citizen_id)
    assert entries.count() >= 2
    for entry in entries:
        assert "Особенный" not in entry.object_repr
    citizen = Citizen.objects.get(pk=case.citizen_id)
    citizen.phone = "+7 900 123-45-67"
    services.update_citizen(users["reception"], citizen, ["phone"])
    entry = LogEntry.objects.get_for_object(citizen).filter(action=LogEntry.Action.UPDATE).get()
    assert set(entry.changes) == {"phone"}  # not search_text, updated_at, version


def test_scrub_citizen_anonymises_both_logs(client, users, case_at):
    case = case_at("in_service")
    citizen = case.citizen
    citizen.address = "ул. Тайная, 7"
    services.update_citizen(users["reception"], citizen, ["address"])
    client.force_login(users["curator"])
    client.get(reverse("cases:case-detail", args=[case.pk]))
    changed, detached = services.scrub_citizen(citizen)
    assert changed >= 3 and detached >= 1
    about = LogEntry.objects.filter(additional_data__citizen=citizen.pk)
    for entry in about:
        text = str(entry.changes) + str(entry.serialized_data) + entry.object_repr
        for secret in (citizen.last_name, citizen.snils, "ул. Тайная"):
            assert secret not in text
    assert not AccessLog.objects.filter(citizen=citizen).exists()


def test_the_case_page_costs_the_same_however_long_its_history(
    client, users, case_at, django_assert_max_num_queries
):
    case = case_at("in_service")
    client.force_login(users["curator"])
    url = reverse("cases:case-detail", args=[case.pk])
    with django_assert_max_num_queries(200) as small:
        client.get(url)
    item = case.plan_items.get()
    for days in range(5, 25):
        item = PlanItem.objects.get(pk=item.pk)
        item.due_date = timezone.localdate() + datetime.timedelta(days=days)
        item.from_ipra = not item.from_ipra
        services.update_plan_item(users["curator"], item, ["due_date"])
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count('class="change-field"') >= 40
