"""Sign-in lockout (portal/lockout.py, django-axes): per username and per address, on both
sign-in doors, with a Russian message on the login page, and the administrator's unlock."""

import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.db.models import F
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from portal import lockout

PASSWORD = "marshrut-demo"
STAFF_LOGIN = "/staff/login/"
ADMIN_LOGIN = "/admin/login/"
HERE = "203.0.113.5"


def sign_in(client, username, password, address=HERE, url=STAFF_LOGIN, **headers):
    return client.post(
        url, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def lock(client, username="curator", address=HERE, url=STAFF_LOGIN):
    return [sign_in(client, username, f"wrong-{i}", address, url) for i in range(5)]


def signed_in(client):
    return "_auth_user_id" in client.session


def message(response):
    """The lockout block's text, the time of day blanked (two answers may straddle a minute)."""
    body = response.content.decode()
    found = re.search(r'<p class="error-message">(.*?)</p>', body, re.S)
    assert found, body
    return re.sub(r"\d\d:\d\d", "HH:MM", found.group(1))


def test_thirty_wrong_passwords_then_the_right_one_is_refused(client, db):
    codes = [sign_in(client, "curator", f"guess-{i}").status_code for i in range(30)]
    assert codes[:4] == [200] * 4
    assert set(codes[4:]) == {429}
    response = sign_in(client, "curator", PASSWORD)
    assert response.status_code == 429
    assert not signed_in(client)
    assert client.get(reverse("cases:my-work")).status_code == 302
    # Tries made while locked out are not counted: the lockout ends when the page said.
    assert sum(AccessAttempt.objects.values_list("failures_since_start", flat=True)) == 5


def test_the_locked_page_is_the_login_page_with_a_russian_message(client, db):
    response = lock(client)[-1]
    assert response.status_code == 429
    body = response.content.decode()
    assert "Вход для сотрудников" in body and 'name="password"' in body
    assert 'value="curator"' in body  # what was typed is kept (the password is not)
    assert "wrong-4" not in body
    text = message(response)
    assert "Вход временно заблокирован" in text
    assert "под этим именем или с этого адреса" in text
    assert "позвоните администратору портала" in text
    assert re.search(r"Попробуйте снова после HH:MM MSK \(через 30 мин\.\)", text), text
    assert "Неверное имя пользователя или пароль" not in body


def test_the_message_does_not_tell_whether_the_username_exists(client, db):
    real = lock(client, "curator", "198.51.100.1")[-1]
    unknown = lock(client, "nobody-by-this-name", "198.51.100.2")[-1]
    assert real.status_code == unknown.status_code == 429
    assert message(real) == message(unknown)


def test_a_locked_username_is_locked_from_every_address(client, db):
    for i in range(5):
        sign_in(client, "curator", "wrong", f"198.51.100.{10 + i}")
    assert sign_in(client, "curator", PASSWORD, "192.0.2.77").status_code == 429
    # Those addresses are not locked for others: one failure each.
    assert sign_in(client, "editor", PASSWORD, "198.51.100.10").status_code == 302


def test_an_address_is_locked_for_every_username(client, db):
    for i in range(5):
        sign_in(client, f"guess-{i}", "wrong", "203.0.113.9")
    assert sign_in(client, "curator", PASSWORD, "203.0.113.9").status_code == 429
    assert not signed_in(client)
    assert sign_in(client, "curator", PASSWORD, "203.0.113.10").status_code == 302


def test_behind_a_trusted_proxy_the_real_client_is_counted(client, db, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    for i in range(5):
        sign_in(client, f"guess-{i}", "wrong", "10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.7"}
    blocked = sign_in(client, "curator", PASSWORD, "10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert blocked.status_code == 429
    # Another person behind the same proxy is not locked out with them.
    other = sign_in(client, "curator", PASSWORD, "10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.8")
    assert other.status_code == 302


def test_the_lockout_ends_by_itself_after_the_cool_off(client, db):
    lock(client)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timezone.timedelta(minutes=31))
    assert sign_in(client, "curator", PASSWORD).status_code == 302


def test_the_wagtail_admin_login_locks_too(client, db):
    lock(client, "editor", url=ADMIN_LOGIN)
    response = sign_in(client, "editor", PASSWORD, url=ADMIN_LOGIN)
    assert response.status_code == 429
    assert not signed_in(client)
    body = response.content.decode()
    assert "Вход временно заблокирован" in body
    assert 'name="password"' in body  # Wagtail's own login page, with the message
    # One count for both doors: the staff login is locked for this name as well.
    assert sign_in(client, "editor", PASSWORD).status_code == 429


@pytest.fixture
def administrator(django_user_model):
    admin = django_user_model.objects.create_superuser("root-admin", password="x" * 20)
    client = Client()
    client.force_login(admin)
    return admin, client


def test_the_administrator_lists_and_unlocks_and_the_user_signs_in(client, db, administrator):
    admin, admin_client = administrator
    lock(client)
    page = admin_client.get(reverse("portal_lockouts"))
    assert page.status_code == 200
    body = page.content.decode()
    assert "curator" in body and HERE in body and "Разблокировать" in body
    assert "wrong-" not in body and "password" not in body.split("<main", 1)[-1].lower()
    response = admin_client.post(reverse("portal_unlock"), {"kind": "username", "value": "curator"})
    assert response.status_code == 302
    assert sign_in(client, "curator", PASSWORD).status_code == 302
    entry = ModelLogEntry.objects.get(action=lockout.UNLOCK_ACTION)
    assert entry.user == admin
    assert "curator" in entry.label
    assert entry.data["failures"] == 5
    history = admin_client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Снятие блокировки входа" in history


def test_unlocking_an_address(client, db, administrator):
    _, admin_client = administrator
    for i in range(5):
        sign_in(client, f"guess-{i}", "wrong", "203.0.113.9")
    locks = lockout.current_lockouts()
    assert {(lk.kind, lk.value) for lk in locks} == {("ip_address", "203.0.113.9")}
    admin_client.post(reverse("portal_unlock"), {"kind": "ip_address", "value": "203.0.113.9"})
    assert lockout.current_lockouts() == []
    assert sign_in(client, "curator", PASSWORD, "203.0.113.9").status_code == 302


def test_only_holders_of_the_permission_see_and_unlock(client, db, django_user_model):
    lock(client)
    editor = django_user_model.objects.get(username="editor")
    editor_client = Client()
    editor_client.force_login(editor)
    # Wagtail answers a refused admin view with a redirect to the dashboard and a message.
    assert editor_client.get(reverse("portal_lockouts"))["Location"] == "/admin/"
    refused = editor_client.post(reverse("portal_unlock"), {"kind": "username", "value": "curator"})
    assert refused["Location"] == "/admin/"
    assert lockout.current_lockouts()
    menu = reverse("portal_lockouts")  # the menu is JSON in the page: look for its address
    assert menu not in editor_client.get("/admin/").content.decode()
    editor.user_permissions.add(Permission.objects.get(codename="unlock_accounts"))
    editor_client.force_login(django_user_model.objects.get(pk=editor.pk))
    assert editor_client.get(reverse("portal_lockouts")).status_code == 200
    assert menu in editor_client.get("/admin/").content.decode()


def test_the_unlock_needs_the_csrf_token(client, db, django_user_model):
    lock(client)
    admin = django_user_model.objects.create_superuser("root-admin", password="x" * 20)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(admin)
    refused = strict.post(reverse("portal_unlock"), {"kind": "username", "value": "curator"})
    assert refused.status_code == 403
    assert lockout.current_lockouts()


def test_the_management_command_unlocks_too(client, db):
    lock(client)
    call_command("axes_reset_username", "curator", verbosity=0)
    assert sign_in(client, "curator", PASSWORD).status_code == 302
