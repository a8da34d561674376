"""The IPRA's route and measures: each step with who and when in its history, conflicts told,
no lost edits of a measure, the report sent, deadlines for "Моя работа", the plan from the IPRA
with the contraindication warnings, a plan item's outcome reaching its measure, the erasure."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cases import route_graph as r
from cases import services
from cases.choices import IpraState, MeasureOutcome, PlanItemStatus, ReportMethod
from cases.models import Citizen, Ipra, IpraMeasure, PlanItem
from cases.services.erasure import ERASED, erase_citizen
from content.models import ServicePage
from tests.cases.ipra_helpers import fresh_ipra, walked

pytestmark = pytest.mark.django_db
HEAVY = "Противопоказан тяжелый физический труд"


def test_each_step_of_the_route_records_who_and_when(tmp_path, users):
    curator = users["curator"]
    ipra = walked(curator, fresh_ipra(tmp_path, users), "acquaint", "form_measures")
    assert ipra.state == IpraState.MEASURES_FORMED
    assert ipra.acquainted_by == curator and ipra.acquainted_method == "phone"
    assert ipra.measures_formed_on and ipra.measures_formed_by == curator
    assert all(m.starts_on for m in ipra.measures.all())
    log = list(ipra.transitions.order_by("at", "pk").values_list("transition", "user", "to_state"))
    assert log == [
        ("acquaint", curator.pk, IpraState.ACQUAINTED),
        ("form_measures", curator.pk, IpraState.MEASURES_FORMED),
    ]
    assert ipra.version == 2  # each step raised the optimistic lock


def test_a_step_needs_its_data_and_is_refused_from_the_wrong_state(tmp_path, users):
    ipra = fresh_ipra(tmp_path, users)
    run = services.ipra.run_ipra_transition
    with pytest.raises(ValidationError) as exc:
        run(users["curator"], ipra, "acquaint", on=None, method="")
    assert set(exc.value.message_dict) == {"on", "method"}
    with pytest.raises(ValidationError):
        run(users["curator"], ipra, "decline", comment="  ")
    with pytest.raises(ValidationError):
        run(
            users["curator"],
            ipra,
            "acquaint",
            on=timezone.localdate() + datetime.timedelta(1),
            method="phone",
        )
    with pytest.raises(services.TransitionRefused):
        run(users["curator"], ipra, "start_execution")
    ipra.refresh_from_db()
    assert ipra.state == IpraState.RECEIVED and not ipra.transitions.exists()


def test_forming_an_empty_list_is_refused(tmp_path, users):
    ipra = walked(users["curator"], fresh_ipra(tmp_path, users), "acquaint")
    ipra.measures.all().delete()
    with pytest.raises(ValidationError, match="ни одного мероприятия"):
        services.ipra.run_ipra_transition(
            users["curator"], ipra, "form_measures", on=timezone.localdate()
        )


def test_a_colleague_who_moved_the_ipra_first_is_told(tmp_path, users):
    ipra = fresh_ipra(tmp_path, users)
    walked(users["curator"], ipra, "decline")
    with pytest.raises(services.ipra.IpraConflict) as exc:
        services.ipra.run_ipra_transition(
            users["curator"],
            ipra,
            "acquaint",
            expected_state=IpraState.RECEIVED,
            on=timezone.localdate(),
            method="phone",
        )
    assert "«Гражданин отказался»" in exc.value.message


def test_a_measure_edit_opened_on_an_older_version_is_refused(tmp_path, users):
    ipra = walked(users["curator"], fresh_ipra(tmp_path, users), "acquaint", "form_measures")
    measure = ipra.measures.first()
    mine = IpraMeasure.objects.get(pk=measure.pk)
    theirs = IpraMeasure.objects.get(pk=measure.pk)
    theirs.executor = "ЦЗН, отдел сопровождения"
    services.ipra.update_measure(users["career"], theirs, ["executor"])
    mine.result = "Моё"
    mine.outcome, mine.executed_on = MeasureOutcome.DONE, timezone.localdate()
    with pytest.raises(services.StaleEdit) as exc:
        services.ipra.update_measure(users["curator"], mine, ["result"], version=0)
    assert "исполнитель" in exc.value.message.lower()
    assert IpraMeasure.objects.get(pk=measure.pk).result == ""


def test_not_executed_needs_a_reason_and_a_date(tmp_path, users):
    measure = fresh_ipra(tmp_path, users).measures.first()
    measure.outcome = MeasureOutcome.NOT_DONE
    with pytest.raises(ValidationError) as exc:
        services.ipra.update_measure(users["curator"], measure, ["outcome"])
    assert set(exc.value.message_dict) == {"reason", "executed_on"}


def test_the_report_is_recorded_once_every_measure_has_an_outcome(tmp_path, users):
    curator = users["curator"]
    ipra = walked(
        curator, fresh_ipra(tmp_path, users), "acquaint", "form_measures", "start_execution"
    )
    report, done, skipped = services.ipra.record_report(
        curator, [ipra], sent_on=timezone.localdate(), method=ReportMethod.FRI
    )
    assert report is None and skipped[0][1] == "не отмечено исполнение всех мероприятий"
    for measure in ipra.measures.all():
        measure.outcome, measure.executed_on = MeasureOutcome.DONE, timezone.localdate()
        services.ipra.update_measure(curator, measure, ["outcome"])
    report, done, skipped = services.ipra.record_report(
        curator, [ipra], sent_on=timezone.localdate(), method=ReportMethod.FRI
    )
    ipra.refresh_from_db()
    assert ipra.state == IpraState.REPORT_SENT and ipra.report == report
    assert (report.sent_by, report.method) == (curator, ReportMethod.FRI)
    assert ipra.transitions.first().transition == "send_report"


def test_a_declined_ipra_is_reported_without_changing_its_state(tmp_path, users):
    ipra = walked(users["curator"], fresh_ipra(tmp_path, users), "decline")
    report, done, _ = services.ipra.record_report(
        users["curator"], [ipra], sent_on=timezone.localdate(), method=ReportMethod.MAIL
    )
    ipra.refresh_from_db()
    assert done and ipra.state == IpraState.DECLINED and ipra.report == report


def test_deadlines_for_my_work(tmp_path, users):
    today = timezone.localdate()
    overdue = fresh_ipra(tmp_path, users)
    soon = fresh_ipra(tmp_path, users)
    later = fresh_ipra(tmp_path, users)
    done = walked(users["curator"], fresh_ipra(tmp_path, users), "decline")
    Ipra.objects.filter(pk=overdue.pk).update(deadline=today - datetime.timedelta(days=3))
    Ipra.objects.filter(pk=soon.pk).update(deadline=today + datetime.timedelta(days=5))
    Ipra.objects.filter(pk=later.pk).update(deadline=today + datetime.timedelta(days=90))
    Ipra.objects.filter(pk=done.pk).update(deadline=today - datetime.timedelta(days=3))
    found = services.ipra.ipra_deadlines(users["curator"], today, within_days=14, limit=10_000)
    ids = {i.pk: i for i in found}
    assert overdue.pk in ids and soon.pk in ids
    assert later.pk not in ids and done.pk not in ids
    assert ids[overdue.pk].overdue and not ids[soon.pk].overdue
    assert [i.deadline for i in found] == sorted(i.deadline for i in found)
    other = services.ipra.ipra_deadlines(users["curator74"], today, limit=10_000)
    assert not {overdue.pk, soon.pk} & {i.pk for i in other}
    assert services.ipra.ipra_deadlines(users["editor"], today) == []  # no centre, nothing
    by_centre = services.ipra.ipra_deadlines(users["curator"].centre, today, limit=10_000)
    assert [i.pk for i in by_centre] == [i.pk for i in found]


@pytest.fixture
def formed(tmp_path, users, case_at):
    """A case in service whose citizen's IPRA (heavy physical work contraindicated) is formed."""
    case = case_at(r.IN_SERVICE)
    ipra = fresh_ipra(
        tmp_path,
        users,
        snils=case.citizen.snils,
        contraindications=HEAVY,
        measures=["Содействие в трудоустройстве", "Профессиональная ориентация"],
    )
    return case, walked(users["curator"], ipra, "acquaint", "form_measures")


def test_the_ipra_measures_go_to_the_plan_within_its_deadline(formed, users):
    case, ipra = formed
    added, linked, unmapped = services.ipra.add_measures_to_plan(users["curator"], case, ipra)
    services_added = {i.service.slug for i in added} | {m.plan_item.service.slug for m in linked}
    assert {"job-search", "career-guidance"} <= services_added | {
        i.service.slug for i in case.plan_items.all()
    }
    for item in added:
        assert item.from_ipra and item.due_date <= max(ipra.deadline, timezone.localdate())
    ipra.refresh_from_db()
    assert ipra.state == IpraState.IN_EXECUTION
    assert all(m.plan_item_id for m in ipra.measures.all())
    again = services.ipra.add_measures_to_plan(users["curator"], case, ipra)
    assert again == ([], [], [])


def test_a_contraindicated_service_needs_a_reason_and_both_are_kept(formed, users):
    case, ipra = formed
    public_works = ServicePage.objects.get(slug="public-works")
    item = PlanItem(service=public_works, due_date=timezone.localdate() + datetime.timedelta(7))
    with pytest.raises(services.ipra.ContraindicationWarning) as exc:
        services.ipra.add_plan_item_checked(users["curator"], case, item)
    assert f"ИПРА № {ipra.number}" in exc.value.message and f"«{HEAVY}»" in exc.value.message
    assert not case.plan_items.filter(service=public_works).exists()
    item = services.ipra.add_plan_item_checked(
        users["curator"], case, item, reason="Лёгкие работы по благоустройству, согласовано."
    )
    assert HEAVY in item.contraindication and item.contraindication_reason.startswith("Лёгкие")
    from auditlog.models import LogEntry

    entry = LogEntry.objects.get_for_object(item).get(action=LogEntry.Action.CREATE)
    assert "contraindication_reason" in entry.changes
    # and it is in the case's history on the page
    client = Client()
    client.force_login(users["curator"])
    body = client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "Противопоказание:" in body and "Лёгкие работы по благоустройству" in body


def test_a_service_without_contraindicated_conditions_is_added_at_once(formed, users):
    case, ipra = formed
    item = PlanItem(
        service=ServicePage.objects.get(slug="cv-writing"),
        due_date=timezone.localdate() + datetime.timedelta(7),
    )
    item = services.ipra.add_plan_item_checked(users["curator"], case, item)
    assert item.pk and not item.contraindication


def test_a_completed_plan_item_executes_its_measure(formed, users):
    case, ipra = formed
    services.ipra.add_measures_to_plan(users["curator"], case, ipra)
    measure = ipra.measures.select_related("plan_item").first()
    services.change_plan_item_status(users["curator"], measure.plan_item, "complete", "Готово.")
    measure.refresh_from_db()
    assert measure.outcome == MeasureOutcome.DONE and measure.executed_on == timezone.localdate()
    other = ipra.measures.exclude(pk=measure.pk).select_related("plan_item").first()
    if other.plan_item.status in PlanItemStatus.pending():
        services.change_plan_item_status(users["curator"], other.plan_item, "refuse", "Не хочет.")
        other.refresh_from_db()
        assert other.outcome == MeasureOutcome.NOT_DONE and "Не хочет." in other.reason


def test_the_erasure_reaches_the_ipra(tmp_path, users):
    ipra = fresh_ipra(tmp_path, users, contraindications=HEAVY)
    walked(users["curator"], ipra, "decline")
    citizen = ipra.citizen
    name, snils = ipra.last_name, ipra.snils
    erase_citizen(citizen.pk, reason="test")
    ipra.refresh_from_db()
    assert ipra.last_name == ERASED and ipra.snils == "" and ipra.contraindications == ""
    assert ipra.birth_date.month == 1 and ipra.birth_date.day == 1
    assert not Ipra.objects.filter(last_name=name, snils=snils).exists()
    assert ipra.transitions.get().comment == ""
    assert Citizen.objects.get(pk=citizen.pk).last_name == ERASED
