"""Least privilege: every staff URL as each demo role answers as the table of docs/roles.md
says (the table is generated from the views' permissions and ROLE_PERMISSIONS); the hall
administrator sees the journal and nothing of the citizens' records; SNILS masked."""

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.db.models import Value
from django.urls import reverse

from cases import export
from cases import route_graph as r
from cases.access import markdown_table, role_may, staff_screens
from cases.models import Appointment, Case
from cases.permissions import ROLE_PERMISSIONS
from fixtures.common import read
from tests.cases.test_access import kwargs_for, staff_patterns

DEMO_USER = {
    row["role"]: row["username"]
    for row in read("demo_accounts.json")["users"]
    if row.get("role") and row.get("centre") == "nchelny"
}


def test_docs_roles_table_is_the_generated_one():
    text = (Path(settings.BASE_DIR) / "docs" / "roles.md").read_text(encoding="utf-8")
    assert markdown_table() in text, "run `manage.py roles_table` and paste it into docs/roles.md"


def test_every_role_has_a_demo_account():
    assert set(DEMO_USER) == set(ROLE_PERMISSIONS)


@pytest.mark.parametrize("role", sorted(ROLE_PERMISSIONS))
def test_every_staff_url_answers_each_role_as_the_table_says(client, users, case_at, role):
    case = case_at(r.IN_SERVICE)
    client.force_login(users[DEMO_USER[role]])
    permission_of = dict(staff_screens())
    patterns = staff_patterns()
    assert len(patterns) == len(permission_of) >= 19
    for name, arg_names in patterns:
        url = reverse(f"cases:{name}", kwargs=kwargs_for(name, arg_names, case))
        status = client.get(url).status_code
        if role_may(role, permission_of[name]):
            assert status != 403, (role, name, status)
        else:
            assert status == 403, (role, name, status)


def test_hall_administrator_sees_the_journal_but_no_citizen_record(client, users, case_at):
    case = case_at(r.IN_SERVICE)
    citizen = case.citizen
    client.force_login(users[DEMO_USER["hall-administrator"]])
    for url in (
        reverse("cases:case-detail", args=[case.pk]),
        reverse("cases:plan-print", args=[case.pk]),
        reverse("cases:citizen-edit", args=[citizen.pk]),
        reverse("cases:registry"),
        reverse("cases:intake"),
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        assert citizen.last_name not in response.content.decode()
    for url in (reverse("cases:my-work"), reverse("cases:appointments")):
        body = client.get(url).content.decode()
        assert citizen.snils_display not in body and citizen.snils_masked not in body
        assert "Группа инвалидности" not in body
        assert reverse("cases:intake") not in body and reverse("cases:registry") not in body


def test_hall_administrator_journal_shows_name_time_phone(client, users):
    appointment = Appointment.objects.filter(centre=users["hall"].centre).first()
    client.force_login(users[DEMO_USER["hall-administrator"]])
    day = appointment.starts_at.astimezone(ZoneInfo(appointment.centre.timezone)).date()
    body = client.get(reverse("cases:appointments"), {"day": day}).content.decode()
    assert appointment.name in body and appointment.phone in body


def test_snils_in_full_only_with_view_snils(client, users, case_at):
    case = case_at(r.IN_SERVICE)
    full, masked = case.citizen.snils_display, case.citizen.snils_masked
    assert masked.startswith("***-***-") and masked.endswith(full[-6:])
    url = reverse("cases:case-detail", args=[case.pk])
    for role, shown in (("curator", full), ("reception", full), ("career", masked)):
        client.force_login(users[DEMO_USER[role]])
        body = client.get(url).content.decode()
        assert shown in body, role
        if shown == masked:
            assert full not in body, role


def test_registry_export_masks_snils_unless_allowed(case_at):
    case = case_at(r.IN_SERVICE)
    qs = Case.objects.filter(pk=case.pk).annotate(has_overdue=Value(False))
    column = export.HEADER.index("СНИЛС")
    assert next(export.rows(qs))[column] == case.citizen.snils_masked
    assert next(export.rows(qs, full_snils=True))[column] == case.citizen.snils_display
    assert not {"Телефон", "Адрес", "Группа инвалидности"} & set(export.HEADER)
