"""The IPRA screens: searches posted and kept in the session (never in a URL), every view, print
and export in the access log, SNILS masked unless allowed, the card's actions with Russian
messages next to the fields, the case page's IPRA section and the plan's warning, query budgets,
and no IPRA for the roles without the permission."""

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from cases import route_graph as r
from cases.choices import AccessAction, AccessObject, IpraState
from cases.models import AccessLog, Ipra
from content.models import ServicePage
from tests.cases.ipra_helpers import fresh_ipra, walked

pytestmark = pytest.mark.django_db


def last_access(user):
    return AccessLog.objects.filter(user=user).order_by("-pk").first()


def ours(users):
    return Ipra.objects.current().filter(centre=users["curator"].centre).first()


def test_the_registry_search_is_posted_kept_in_the_session_and_logged(client, users):
    ipra = ours(users)
    client.force_login(users["curator"])
    url = reverse("cases:ipra-registry")
    response = client.post(url, {"q": ipra.snils})
    assert response.status_code == 302 and response["Location"] == url  # nothing in the URL
    entry = last_access(users["curator"])
    assert (entry.action, entry.object_type, entry.detail) == (
        AccessAction.SEARCH,
        AccessObject.IPRA_REGISTRY,
        "СНИЛС",
    )
    assert ipra.snils not in entry.label + entry.detail
    body = client.get(url).content.decode()
    assert ipra.number in body and body.count("<tr>") == 2  # the header and the one IPRA
    client.post(url, {"q": ipra.number})
    assert ipra.number in client.get(url).content.decode()
    client.post(url, {"q": ipra.last_name.upper()})
    assert ipra.number in client.get(url).content.decode()


def test_the_registry_filters(client, users, tmp_path):
    client.force_login(users["curator"])
    url = reverse("cases:ipra-registry")
    overdue = fresh_ipra(tmp_path, users)
    Ipra.objects.filter(pk=overdue.pk).update(deadline=timezone.localdate().replace(year=2020))
    client.post(url, {"deadline": "overdue", "state": [IpraState.RECEIVED], "q": overdue.number})
    body = client.get(url).content.decode()
    assert overdue.number in body and "(истёк)" in body
    client.post(url, {"deadline": "within", "days": "14", "q": overdue.number})
    card = reverse("cases:ipra-detail", args=[overdue.pk])
    assert card not in client.get(url).content.decode()
    response = client.post(url, {"days": "0"})
    assert response.status_code == 302
    assert client.get(url).status_code == 422  # kept and told, not silently dropped


def test_the_registry_export_masks_snils_and_is_logged(client, users):
    client.force_login(users["curator"])
    client.post(reverse("cases:ipra-registry"), {"reset": "1"})
    response = client.get(reverse("cases:ipra-export", args=["xlsx"]))
    sheet = load_workbook(__import__("io").BytesIO(response.content)).active
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    snils = header.index("СНИЛС")
    first = [c.value for c in next(sheet.iter_rows(min_row=2, max_row=2))]
    assert first[snils].count("-") == 2  # the curator sees it in full (view_snils)
    entry = last_access(users["curator"])
    assert (entry.action, entry.object_type, entry.detail) == (
        AccessAction.EXPORT,
        AccessObject.IPRA_REGISTRY,
        "xlsx",
    )
    client.force_login(users["career"])
    assert client.get(reverse("cases:ipra-export", args=["csv"])).status_code == 403


def test_the_card_is_logged_and_masks_snils_for_specialists(client, users):
    ipra = ours(users)
    client.force_login(users["career"])
    body = client.get(reverse("cases:ipra-detail", args=[ipra.pk])).content.decode()
    assert ipra.snils_masked in body and ipra.snils_display not in body
    entry = last_access(users["career"])
    assert (entry.object_type, entry.object_id, entry.citizen_id) == (
        AccessObject.IPRA,
        ipra.pk,
        ipra.citizen_id,
    )
    assert ipra.last_name not in entry.label
    client.get(reverse("cases:ipra-print", args=[ipra.pk]))
    assert last_access(users["career"]).action == AccessAction.PRINT


@pytest.mark.parametrize("role", ["hall", "reception"])
def test_roles_without_the_permission_see_no_ipra(client, users, role, case_at):
    ipra = ours(users)
    client.force_login(users[role])
    assert client.get(reverse("cases:ipra-detail", args=[ipra.pk])).status_code == 403
    assert client.get(reverse("cases:ipra-registry")).status_code == 403
    menu = client.get(reverse("cases:my-work")).content.decode()
    assert reverse("cases:ipra-registry") not in menu
    if role == "reception":
        case = Ipra.objects.filter(centre=ipra.centre, case__isnull=False).first().case
        body = client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
        assert 'id="ipra-section"' not in body and "Противопоказан" not in body


def test_acquainting_without_a_method_is_told_next_to_the_field(client, users, tmp_path):
    ipra = fresh_ipra(tmp_path, users)
    client.force_login(users["curator"])
    url = reverse("cases:ipra-transition", args=[ipra.pk, "acquaint"])
    response = client.post(url, {"expected_state": ipra.state, "on": timezone.localdate()})
    body = response.content.decode()
    assert response.status_code == 422
    assert "Выберите способ ознакомления." in body and 'id="method-acquaint-error"' in body
    ipra.refresh_from_db()
    assert ipra.state == IpraState.RECEIVED
    response = client.post(
        url, {"expected_state": ipra.state, "on": timezone.localdate(), "method": "phone"}
    )
    assert response.status_code == 302
    ipra.refresh_from_db()
    assert ipra.state == IpraState.ACQUAINTED


def test_a_stale_action_is_a_conflict(client, users, tmp_path):
    ipra = walked(users["curator"], fresh_ipra(tmp_path, users), "decline")
    client.force_login(users["curator"])
    response = client.post(
        reverse("cases:ipra-transition", args=[ipra.pk, "acquaint"]),
        {"expected_state": IpraState.RECEIVED, "on": timezone.localdate(), "method": "phone"},
    )
    assert response.status_code == 409
    assert "ИПРА уже изменил другой сотрудник" in response.content.decode()


def test_the_plan_warns_of_a_contraindication_and_keeps_what_was_typed(
    client, users, case_at, tmp_path
):
    case = case_at(r.IN_SERVICE)
    fresh_ipra(
        tmp_path,
        users,
        snils=case.citizen.snils,
        contraindications="Противопоказан тяжелый физический труд",
    )
    client.force_login(users["curator"])
    public_works = ServicePage.objects.get(slug="public-works")
    due = (timezone.localdate() + timezone.timedelta(days=10)).isoformat()
    data = {
        "service": public_works.pk,
        "due_date": due,
        "need_determined_on": timezone.localdate().isoformat(),
        "note": "Благоустройство",
    }
    url = reverse("cases:plan-add", args=[case.pk])
    response = client.post(url, data, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="plan")
    body = response.content.decode()
    assert response.status_code == 422
    assert "«Противопоказан тяжелый физический труд»" in body and 'id="plan-warning"' in body
    assert "Благоустройство" in body and f'value="{public_works.pk}" selected' in body
    assert not case.plan_items.filter(service=public_works).exists()
    data["contraindication_reason"] = "Только лёгкие работы, согласовано с гражданином."
    assert client.post(url, data).status_code == 302
    item = case.plan_items.get(service=public_works)
    assert "тяжелый физический труд" in item.contraindication


def test_the_journal_and_reports_periods(client, users):
    client.force_login(users["curator"])
    url = reverse("cases:ipra-journal")
    response = client.get(url, {"date_from": "2026-02-01", "date_to": "2025-01-01"})
    assert response.status_code == 422
    assert "Конец периода раньше его начала." in response.content.decode()
    assert client.get(url).status_code == 200
    entry = last_access(users["curator"])
    assert entry.object_type == AccessObject.IPRA_JOURNAL
    today = timezone.localdate()
    period = {"date_from": today.replace(day=1), "date_to": today}
    printed = client.get(reverse("cases:ipra-journal-print"), period).content.decode()
    assert "Журнал учета разработки перечня мероприятий по ИПРА" in printed
    assert 'class="sheet sheet-landscape"' in printed
    assert last_access(users["curator"]).action == AccessAction.PRINT
    export = client.get(reverse("cases:ipra-journal-export", args=["csv"]), period)
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    assert text.startswith("№ п/п;Дата поступления;Номер ИПРА")


def test_query_budgets(client, users, django_assert_max_num_queries, case_at, tmp_path):
    case = case_at(r.IN_SERVICE)
    ipra = walked(
        users["curator"],
        fresh_ipra(
            tmp_path,
            users,
            snils=case.citizen.snils,
            contraindications="Противопоказан тяжелый физический труд",
        ),
        "acquaint",
        "form_measures",
    )
    client.force_login(users["curator"])
    client.get(reverse("cases:ipra-registry"))  # warm the bureaus' cache
    today = timezone.localdate()
    pages = {
        "registry": (reverse("cases:ipra-registry"), {}, 14),
        "card": (reverse("cases:ipra-detail", args=[ipra.pk]), {}, 22),
        "journal": (
            reverse("cases:ipra-journal"),
            {"date_from": today.replace(day=1), "date_to": today},
            14,
        ),
        "reports": (reverse("cases:ipra-reports"), {}, 14),
        "case with the IPRA section": (
            reverse("cases:case-detail", args=[case.pk]),
            {},
            49,
        ),  # + the notices, the curators to hand the case to; + referrals, job referrals, the
        # employment, the open vacancies and their conditions (the IPRA's lines read once)
    }
    for name, (url, params, budget) in pages.items():
        with django_assert_max_num_queries(budget, info=name):
            assert client.get(url, params).status_code == 200, name


def test_the_case_section_costs_a_fixed_number_of_queries(
    client, users, case_at, tmp_path, django_assert_num_queries
):
    """The IPRA section adds the same few queries whatever the IPRA holds."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    case = case_at(r.IN_SERVICE)
    client.force_login(users["curator"])
    url = reverse("cases:case-detail", args=[case.pk])
    with CaptureQueriesContext(connection) as without:
        client.get(url)
    fresh_ipra(
        tmp_path,
        users,
        snils=case.citizen.snils,
        measures=[
            "Содействие в трудоустройстве",
            "Профессиональная ориентация",
            "Психологическая поддержка",
        ],
    )
    with CaptureQueriesContext(connection) as with_ipra:
        assert 'id="ipra-section"' in client.get(url).content.decode()
    assert len(with_ipra) - len(without) <= 6


def test_hostile_text_in_an_ipra_comes_back_escaped(client, users, case_at, tmp_path):
    """Every free-text field of the IPRA and its measures (enumerated from the models) holds a
    payload; the card, its print and report, the registry, the journal and the case section
    escape it."""
    import itertools

    from cases.models import IpraMeasure
    from tests.security.test_xss import RAW, fill

    case = case_at(r.IN_SERVICE)
    ipra = fresh_ipra(tmp_path, users, snils=case.citizen.snils)
    counter = itertools.count()
    filled = fill(ipra, counter)
    for measure in ipra.measures.all():
        filled += fill(measure, counter)
    assert {"last_name", "contraindications", "bureau", "name", "reason"} <= set(filled)
    assert IpraMeasure.objects.filter(ipra=ipra).exists()
    client.force_login(users["curator"])
    today = timezone.localdate()
    Ipra.objects.filter(pk=ipra.pk).update(received_on=today, deadline=today)
    period = {"date_from": today.replace(day=1), "date_to": today}
    client.post(reverse("cases:ipra-registry"), {"q": ipra.number})
    pages = [
        client.get(reverse("cases:ipra-detail", args=[ipra.pk])),
        client.get(reverse("cases:ipra-print", args=[ipra.pk])),
        client.get(reverse("cases:ipra-report", args=[ipra.pk])),
        client.get(reverse("cases:ipra-registry")),
        client.get(reverse("cases:ipra-journal"), period),
        client.get(reverse("cases:ipra-journal-print"), period),
        client.get(reverse("cases:ipra-reports"), period),
        client.get(reverse("cases:case-detail", args=[case.pk])),
    ]
    for response in pages:
        body = response.content.decode()
        assert response.status_code == 200
        for payload in RAW:
            assert payload not in body, (response.request["PATH_INFO"], payload)


def test_recording_a_period_report_sent(client, users, tmp_path):
    """Every ready IPRA of the period gets the report; the others are counted, not touched."""
    from cases.choices import MeasureOutcome

    today = timezone.localdate()
    ready = walked(users["curator"], fresh_ipra(tmp_path, users), "decline")
    waiting = fresh_ipra(tmp_path, users)
    Ipra.objects.filter(pk__in=[ready.pk, waiting.pk]).update(deadline=today)
    assert waiting.measures.filter(outcome=MeasureOutcome.PENDING).exists()
    client.force_login(users["curator"])
    url = reverse("cases:ipra-reports") + f"?date_from={today:%Y-%m-%d}&date_to={today:%Y-%m-%d}"
    response = client.post(url, {"sent_on": "", "method": ""})
    assert response.status_code == 422
    assert "Выберите способ направления." in response.content.decode()
    response = client.post(url, {"sent_on": today.isoformat(), "method": "fri"}, follow=True)
    assert "Отмечено: отчёт направлен по" in response.content.decode()
    ready.refresh_from_db()
    waiting.refresh_from_db()
    assert ready.report and ready.report.period_from == today and waiting.report is None
    assert ready.state == IpraState.DECLINED and waiting.state == IpraState.RECEIVED
    client.force_login(users["career"])
    assert client.post(url, {"sent_on": today.isoformat(), "method": "fri"}).status_code == 403
