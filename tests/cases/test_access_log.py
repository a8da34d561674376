"""The access log: who opened, printed, exported or searched personal data, from where — and
nothing of the data itself; append-only; purged after the retention period; read by the
data-protection officer of the centre only."""

import datetime
import io

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from cases.choices import AccessAction, AccessObject
from cases.models import AccessLog, AppendOnly

ADDRESS = "203.0.113.7"


def personal_values(citizen):
    return [citizen.last_name, citizen.first_name, citizen.snils, citizen.snils_display]


def assert_no_personal_data(entry, citizen):
    for f in AccessLog._meta.concrete_fields:
        value = str(getattr(entry, f.attname))
        for secret in personal_values(citizen):
            assert secret not in value, (f.name, value)


def test_a_case_view_writes_exactly_one_entry_without_personal_data(client, users, case_at):
    case = case_at("in_service")
    client.force_login(users["curator"])
    before = AccessLog.objects.count()
    url = reverse("cases:case-detail", args=[case.pk])
    response = client.get(
        url + f"?q={case.citizen.snils}", REMOTE_ADDR=ADDRESS, HTTP_X_FORWARDED_FOR="198.51.100.1"
    )
    assert response.status_code == 200
    assert AccessLog.objects.count() == before + 1
    entry = AccessLog.objects.latest("pk")
    assert entry.user == users["curator"]
    assert entry.centre_id == users["curator"].centre_id
    assert entry.address == ADDRESS  # X-Forwarded-For of an untrusted client is not believed
    assert (entry.action, entry.object_type, entry.object_id) == ("view", "case", case.pk)
    assert entry.label == f"Случай № {case.number}"
    assert entry.citizen_id == case.citizen_id
    assert_no_personal_data(entry, case.citizen)


@pytest.mark.parametrize(
    "url_name", ["case-detail", "registry", "appointments", "ipra-registry", "ipra-detail"]
)
def test_an_htmx_header_does_not_hide_a_view(client, users, case_at, url_name):
    """A client sends HX-Request itself and gets the whole screen: it is logged all the same."""
    from cases.models import Ipra

    case = case_at("in_service")
    client.force_login(users["curator"])
    ipra = Ipra.objects.filter(centre=users["curator"].centre).first()
    args = {"case-detail": [case.pk], "ipra-detail": [ipra.pk]}.get(url_name, [])
    before = AccessLog.objects.count()
    response = client.get(reverse(f"cases:{url_name}", args=args), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert AccessLog.objects.count() == before + 1
    assert AccessLog.objects.latest("pk").action == "view"


def test_the_plan_refreshed_on_cancel_is_a_view_too(client, users, case_at):
    case = case_at("in_service")
    client.force_login(users["curator"])
    item = case.plan_items.first()
    url = reverse("cases:case-detail", args=[case.pk])
    response = client.get(url, {"item": item.pk}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    entry = AccessLog.objects.latest("pk")
    assert (entry.object_type, entry.object_id, entry.detail) == ("case", case.pk, "план")


def test_a_registry_filter_is_a_search_logged_by_kind(client, users, case_at):
    case = case_at("in_service")
    client.force_login(users["curator"])
    url = reverse("cases:registry")
    for q in (case.citizen.snils_display, case.citizen.last_name):
        client.post(url, {"q": q}, HTTP_HX_REQUEST="true")
    entries = list(AccessLog.objects.order_by("-pk")[:2])[::-1]
    assert [(e.action, e.object_type, e.detail) for e in entries] == [
        ("search", "registry", "СНИЛС"),
        ("search", "registry", "ФИО"),
    ]
    for entry in entries:
        assert_no_personal_data(entry, case.citizen)


def test_the_address_comes_through_trusted_proxies_only(client, users, case_at, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    case = case_at("in_service")
    client.force_login(users["curator"])
    url = reverse("cases:case-detail", args=[case.pk])
    client.get(url, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.9")
    assert AccessLog.objects.latest("pk").address == "203.0.113.9"


@pytest.mark.parametrize(
    ("url_name", "action", "kind", "detail"),
    [
        ("registry-export", "export", "registry", "csv"),
        ("plan-print", "print", "case", "план для гражданина"),
    ],
)
def test_an_export_or_print_writes_one_entry(
    client, users, case_at, url_name, action, kind, detail
):
    case = case_at("in_service")
    client.force_login(users["curator"])
    args = ["csv"] if url_name == "registry-export" else [case.pk]
    before = AccessLog.objects.count()
    response = client.get(reverse(f"cases:{url_name}", args=args), REMOTE_ADDR=ADDRESS)
    if response.streaming:
        b"".join(response.streaming_content)
    assert AccessLog.objects.count() == before + 1
    entry = AccessLog.objects.latest("pk")
    assert (entry.action, entry.object_type, entry.detail) == (action, kind, detail)
    assert entry.user == users["curator"] and entry.address == ADDRESS
    assert_no_personal_data(entry, case.citizen)


def test_other_views_of_personal_data_are_logged(client, users, case_at):
    case = case_at("in_service")
    citizen = case.citizen
    client.force_login(users["curator"])
    client.get(reverse("cases:citizen-edit", args=[citizen.pk]))
    client.get(reverse("cases:open-case", args=[citizen.pk]))
    client.get(reverse("cases:registry"))
    client.get(reverse("cases:appointments"))
    client.post(reverse("cases:intake"), {"action": "search", "q": citizen.snils_display})
    client.post(reverse("cases:intake"), {"action": "search", "q": citizen.last_name})
    entries = list(AccessLog.objects.order_by("-pk")[:6])[::-1]
    assert [(e.action, e.object_type) for e in entries] == [
        ("view", "citizen"),
        ("view", "citizen"),
        ("view", "registry"),
        ("view", "appointments"),
        ("search", "citizen_search"),
        ("search", "citizen_search"),
    ]
    assert [e.detail for e in entries[-2:]] == ["СНИЛС", "ФИО"]  # the kind, never the text
    for entry in entries:
        assert_no_personal_data(entry, citizen)


def test_entries_cannot_be_changed_or_deleted(client, users, case_at):
    case = case_at("in_service")
    client.force_login(users["curator"])
    client.get(reverse("cases:case-detail", args=[case.pk]))
    entry = AccessLog.objects.latest("pk")
    entry.label = "подделка"
    with pytest.raises(AppendOnly):
        entry.save()
    with pytest.raises(AppendOnly):
        entry.delete()
    with pytest.raises(AppendOnly):
        AccessLog.objects.filter(pk=entry.pk).update(label="подделка")
    with pytest.raises(AppendOnly):
        AccessLog.objects.filter(pk=entry.pk).delete()
    entry.refresh_from_db()
    assert entry.label == f"Случай № {case.number}"


def test_the_purge_respects_the_retention_periods(users, case_at, settings):
    settings.ACCESS_LOG_RETENTION_DAYS = 30
    settings.CHANGE_LOG_RETENTION_DAYS = 60
    now = timezone.now()
    old, kept = (
        AccessLog.objects.create(
            user=users["curator"],
            action=AccessAction.VIEW,
            object_type=AccessObject.REGISTRY,
            at=now - datetime.timedelta(days=days),
        )
        for days in (31, 29)
    )
    case = case_at("registered")
    entries = LogEntry.objects.filter(additional_data__citizen=case.citizen_id)
    old_change, kept_change = LogEntry.objects.filter(pk__in=entries.values("pk"))[:2]
    LogEntry.objects.filter(pk=old_change.pk).update(timestamp=now - datetime.timedelta(days=61))
    LogEntry.objects.filter(pk=kept_change.pk).update(timestamp=now - datetime.timedelta(days=59))
    call_command("purge_audit_logs", stdout=io.StringIO())
    assert not AccessLog.objects.filter(pk=old.pk).exists()
    assert AccessLog.objects.filter(pk=kept.pk).exists()
    assert not LogEntry.objects.filter(pk=old_change.pk).exists()
    assert LogEntry.objects.filter(pk=kept_change.pk).exists()


# --- the data-protection officer's screens ---------------------------------------------------


def test_the_officer_reads_per_record_per_user_filtered_and_exports(client, users, case_at):
    case = case_at("in_service")
    client.force_login(users["career"])
    client.get(reverse("cases:case-detail", args=[case.pk]))
    client.get(reverse("cases:plan-print", args=[case.pk]))
    client.force_login(users["dpo"])

    page = client.get(reverse("cases:audit-log")).content.decode()
    assert f"Случай № {case.number}" in page and users["career"].get_short_name() in page

    printed = client.get(reverse("cases:audit-log"), {"action": "print"}).content.decode()
    assert "Печать" in printed and '<td data-label="Действие">Просмотр</td>' not in printed

    record = client.get(reverse("cases:audit-citizen", args=[case.citizen_id]))
    body = record.content.decode()
    assert record.status_code == 200
    assert "Печать" in body and "История изменений" in body
    assert "Этап" in body  # the case's route, from the change log

    mine = client.get(reverse("cases:audit-user", args=[users["career"].pk])).content.decode()
    assert f"Случай № {case.number}" in mine

    before = AccessLog.objects.count()
    response = client.get(reverse("cases:audit-citizen-export", args=[case.citizen_id, "csv"]))
    csv = b"".join(response.streaming_content).decode()
    assert f"Случай № {case.number}" in csv and "Печать" in csv
    assert case.citizen.last_name not in csv
    assert AccessLog.objects.count() == before + 1
    assert AccessLog.objects.latest("pk").action == "export"


def test_bad_filter_dates_are_told_not_obeyed(client, users, db):
    client.force_login(users["dpo"])
    response = client.get(reverse("cases:audit-log"), {"date_from": "2026-02-30"})
    assert response.status_code == 422
    assert "Введите правильную дату" in response.content.decode()


def test_others_than_the_officer_are_refused(client, users, case_at):
    case = case_at("in_service")
    for username in ("curator", "reception", "hall"):
        client.force_login(users[username])
        for url in (
            reverse("cases:audit-log"),
            reverse("cases:audit-export", args=["csv"]),
            reverse("cases:audit-citizen", args=[case.citizen_id]),
            reverse("cases:audit-user", args=[users["curator"].pk]),
        ):
            assert client.get(url).status_code == 403, (username, url)


def test_the_other_centres_entries_are_invisible(client, users, case_at):
    case = case_at("in_service")
    client.force_login(users["curator"])
    client.get(reverse("cases:case-detail", args=[case.pk]))
    client.force_login(users["dpo74"])
    page = client.get(reverse("cases:audit-log")).content.decode()
    assert f"Случай № {case.number}" not in page
    csv = b"".join(client.get(reverse("cases:audit-export", args=["csv"])).streaming_content)
    assert f"Случай № {case.number}" not in csv.decode()
    assert client.get(reverse("cases:audit-user", args=[users["curator"].pk])).status_code == 404


def test_links_to_the_log_only_for_the_officer(client, users, case_at):
    case = case_at("in_service")
    link = reverse("cases:audit-citizen", args=[case.citizen_id])
    client.force_login(users["curator"])
    assert link not in client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    client.force_login(users["dpo"])
    assert link in client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the append-only trigger is PostgreSQL's"
)
def test_the_database_refuses_changes_outside_the_purge(users):
    entry = AccessLog.objects.create(
        user=users["curator"], action=AccessAction.VIEW, object_type=AccessObject.REGISTRY
    )
    for sql in ("UPDATE cases_accesslog SET label = 'x'", "DELETE FROM cases_accesslog"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql + " WHERE id = %s", [entry.pk])
    with transaction.atomic():
        AccessLog.objects.filter(pk=entry.pk).purge()
    assert not AccessLog.objects.filter(pk=entry.pk).exists()
