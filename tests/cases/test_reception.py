"""The reception screen (экран приёма, issue 12 point 2): saved whole with its categories,
refused with Russian messages next to the fields and nothing saved, the profiling only by the
curator, no lost edits, the editors' categories per region, and who may read or edit it."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from cases import route_graph as r
from cases import services
from cases.choices import AccessAction
from cases.models import AccessLog, ReceptionRecord
from content.models import ApplicantCategory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def url(case):
    return reverse("cases:case-reception", args=[case.pk])


def category(name_start, region=None):
    qs = ApplicantCategory.objects.filter(name__startswith=name_start)
    return qs.get() if region is None else qs.get(region=region)


def valid(**changes):
    day = (TODAY - datetime.timedelta(days=3)).isoformat()
    data = {
        "document_kind": "passport",
        "document_series": "92 15",
        "document_number": "123456",
        "document_issued_by": "Отделом УФМС России по РТ в г. Набережные Челны",
        "document_issued_on": "2015-06-01",
        "dependents": "2",
        "dependents_note": "двое детей",
        "employment_relation": "not_employed",
        "non_employment_basis": "dismissed",
        "education": "vocational",
        "last_job_ended_on": "2024-04-15",
        "last_job_reason": "по собственному желанию",
        "last_employer": "МУП «Парк культуры и отдыха»",
        "last_position": "Разнорабочий",
        "service_months": "6",
        "service_days": "3",
        "documents_received_on": day,
        "unemployed_since": day,
        "unemployed_order_on": TODAY.isoformat(),
        "special_categories": [category("Инвалид").pk],
        "regional_categories": [category("Гражданин, не работающий").pk],
        "version": "0",
    }
    data.update(changes)
    return data


def test_reception_fills_the_screen_and_the_case_page_shows_it(client, users, new_case):
    case = new_case()
    client.force_login(users["reception"])
    page = client.get(url(case))
    assert page.status_code == 200
    assert AccessLog.objects.filter(action=AccessAction.VIEW, detail="экран приёма").exists()
    response = client.post(url(case), valid())
    assert response.status_code == 302, response.content.decode()[:2000]
    record = ReceptionRecord.objects.get(case=case)
    assert (record.document_number, record.service_months, record.dependents) == ("123456", 6, 2)
    assert {c.name[:7] for c in record.categories.all()} == {"Инвалид", "Граждан"}
    body = client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "Экран приёма" in body and "Уволенный из организации" in body
    assert "6 мес. 3 дн." in body and "Гражданин, не работающий более одного года" in body
    # The change log holds the record's fields and its categories.
    changed = set()
    for entry in LogEntry.objects.get_for_object(record):
        changed |= set(entry.changes_dict)
    assert {"document_number", "categories"} <= changed
    assert "«—» → «добавлено: Гражданин, не работающий более одного года; Инвалид»" in body


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"document_series": "12"}, "document_series", "Серия паспорта РФ — 4 цифры"),
        ({"document_number": "12345a"}, "document_number", "Номер паспорта РФ — 6 цифр"),
        ({"document_issued_on": ""}, "document_issued_on", "Укажите дату выдачи документа"),
        (
            {"documents_received_on": (TODAY + datetime.timedelta(days=1)).isoformat()},
            "documents_received_on",
            "Дата не может быть позже сегодняшней",
        ),
        ({"document_issued_on": "1950-01-01"}, "document_issued_on", "раньше даты рождения"),
        ({"non_employment_basis": ""}, "non_employment_basis", "укажите основание"),
        (
            {"employment_relation": "employed", "unemployed_since": "", "unemployed_order_on": ""},
            "non_employment_basis",
            "только для незанятого",
        ),
        ({"last_employer": ""}, "last_employer", "Укажите последнего работодателя"),
        ({"last_job_ended_on": ""}, "last_job_ended_on", "Укажите дату увольнения"),
        ({"service_months": "12", "service_days": "5"}, "service_days", "больше 12 месяцев"),
        ({"service_months": "13"}, "service_months", "меньше либо равно 12"),
        (
            {"unemployed_since": (TODAY - datetime.timedelta(days=9)).isoformat()},
            "unemployed_since",
            "не раньше, чем приняты документы",
        ),
        (
            {"unemployed_order_on": (TODAY - datetime.timedelta(days=9)).isoformat()},
            "unemployed_order_on",
            "Приказ не может быть раньше",
        ),
        ({"documents_received_on": ""}, "documents_received_on", "укажите дату его приёма"),
        ({"dependents": "-1"}, "dependents", "больше либо равно 0"),
        ({"special_categories": ["999999"]}, "special_categories", "Выберите корректный"),
    ],
)
def test_bad_input_is_refused_next_to_the_field_and_nothing_is_saved(
    client, users, new_case, changes, field, message
):
    case = new_case()
    client.force_login(users["reception"])
    data = valid(**changes)
    response = client.post(url(case), data)
    assert response.status_code == 422
    form = response.context["form"]
    assert field in form.errors, form.errors
    assert message in " ".join(form.errors[field])
    body = response.content.decode()
    assert f'id="id_{field}_error"' in body  # the message stands next to the field
    # What was typed is kept.
    assert 'value="МУП «Парк культуры и отдыха»"' in body or field == "last_employer"
    assert not ReceptionRecord.objects.filter(case=case).exists()


def test_only_the_curator_records_the_profiling(client, users, case_at):
    case = case_at(r.IN_SERVICE)
    record = services.reception_of(case)
    record.employment_relation = "not_employed"
    record.non_employment_basis = "first_time"
    services.save_reception(users["reception"], record, ["non_employment_basis"])
    # Reception's form shows the profiling but ignores a posted value.
    client.force_login(users["reception"])
    data = valid(profiling_outcome="high", version=str(record.version))
    assert client.post(url(case), data).status_code == 302
    record.refresh_from_db()
    assert record.profiling_outcome == "" and record.profiled_by is None
    # The service refuses it outright.
    record.profiling_outcome = "high"
    with pytest.raises(PermissionDenied):
        services.save_reception(users["reception"], record, ["profiling_outcome"])
    # The curator records it, stamped with the date and the curator.
    client.force_login(users["curator"])
    record.refresh_from_db()
    data = valid(
        profiling_outcome="low", profiling_note="Нужно сопровождение", version=str(record.version)
    )
    assert client.post(url(case), data).status_code == 302
    record.refresh_from_db()
    assert (record.profiling_outcome, record.profiled_by, record.profiled_on) == (
        "low",
        users["curator"],
        TODAY,
    )


def test_a_save_over_a_colleagues_newer_one_is_refused_and_keeps_what_was_typed(
    client, users, new_case
):
    case = new_case()
    client.force_login(users["reception"])
    assert client.post(url(case), valid()).status_code == 302
    record = ReceptionRecord.objects.get(case=case)
    opened = record.version
    record.dependents = 3
    services.save_reception(users["curator"], record, ["dependents"])
    response = client.post(url(case), valid(dependents="1", version=str(opened)))
    assert response.status_code == 409
    body = response.content.decode()
    assert "Пока вы редактировали" in body and "лиц на содержании" in body.lower()
    assert 'name="dependents" value="1"' in body
    record.refresh_from_db()
    assert record.dependents == 3


def test_regional_categories_are_the_centres_regions_own(client, users, new_case):
    tatar = category("Гражданин, не работающий", region="Республика Татарстан")
    client.force_login(users["reception"])
    assert f'value="{tatar.pk}"' in client.get(url(new_case())).content.decode()
    foreign = ReceptionRecord.objects.filter(case__centre__slug="chelyabinsk").first()
    client.force_login(users["reception74"])
    page = client.get(url(foreign.case)).content.decode()
    assert f'value="{tatar.pk}"' not in page and "Региональных категорий" in page
    data = valid(regional_categories=[tatar.pk], version=str(foreign.version))
    response = client.post(url(foreign.case), data)
    assert response.status_code == 422
    assert "regional_categories" in response.context["form"].errors
    assert not foreign.categories.filter(pk=tatar.pk).exists()


def test_who_may_read_and_edit_the_reception_screen(client, users, new_case):
    case = new_case()
    client.force_login(users["reception"])
    client.post(url(case), valid())
    detail = reverse("cases:case-detail", args=[case.pk])
    client.force_login(users["career"])
    assert "Уволенный из организации" in client.get(detail).content.decode()
    assert client.get(url(case)).status_code == 403
    client.force_login(users["hall"])
    assert client.get(url(case)).status_code in (403, 404)


def test_erasure_scrubs_the_reception_screen_and_its_change_log(client, users, case_at):
    from cases.services.erasure import ERASED, erase_citizen

    case = case_at(r.CLOSED)
    client.force_login(users["reception"])
    assert client.post(url(case), valid()).status_code == 302
    record = ReceptionRecord.objects.get(case=case)
    erase_citizen(case.citizen_id, reason="срок хранения истёк")
    record.refresh_from_db()
    assert (record.document_number, record.document_issued_by, record.last_employer) == ("", "", "")
    assert record.last_job_ended_on is None and record.dependents_note == ""
    assert record.education == "vocational"  # coded facts stay for the reports
    for entry in LogEntry.objects.get_for_object(record):
        values = {v for pair in entry.changes_dict.values() for v in pair}
        assert values <= {ERASED}, values
