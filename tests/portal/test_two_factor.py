"""Two-factor sign-in: enrolment, the code step after the password, recovery codes, throttling,
production's forced enrolment (staff screens and the Wagtail admin), resets."""

import re
from unittest import mock

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from portal.two_factor import services

PASSWORD = "marshrut-demo"
VERIFY = "/staff/two-factor/code/"
SETUP = "/staff/two-factor/"


def code_for(device, step_offset=0):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + step_offset):06d}"  # noqa: E501


def sign_in(client, username="curator"):
    response = client.post(reverse("portal:login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return response


@pytest.fixture
def curator(users):
    return users["curator"]


@pytest.fixture
def device(curator):
    """A confirmed app with recovery codes, as after an enrolment."""
    totp_device = TOTPDevice.objects.create(user=curator, name="app", confirmed=True)
    static = StaticDevice.objects.create(user=curator, name="recovery", confirmed=True)
    StaticToken.objects.create(device=static, token="abcd2345")
    StaticToken.objects.create(device=static, token="efgh6723")
    return totp_device


def actions(user):
    return list(
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(user), object_id=str(user.pk)
        ).values_list("action", flat=True)
    )


def test_enrolment_shows_the_qr_code_and_confirms_the_device_with_a_first_code(client, curator):
    sign_in(client)
    page = client.get(SETUP)
    body = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in body and "otpauth://" not in body  # the URI only inside the QR image
    device = TOTPDevice.objects.get(user=curator, confirmed=False)
    assert services.secret_groups(device) in body
    # A wrong first code: a message beside the field, the field empty, nothing confirmed.
    wrong = client.post(SETUP, {"code": "000000" if code_for(device) != "000000" else "111111"})
    assert wrong.status_code == 422
    assert "Код не подошёл" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=curator, confirmed=True).exists()
    device.refresh_from_db()
    device.throttle_reset()
    done = client.post(SETUP, {"code": code_for(device)})
    body = done.content.decode()
    assert done.status_code == 200
    assert "Коды восстановления" in body
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", body)
    assert len(codes) == 10
    assert TOTPDevice.objects.get(user=curator).confirmed
    assert set(
        StaticToken.objects.filter(device__user=curator).values_list("token", flat=True)
    ) == set(codes)  # noqa: E501
    assert services.ENROL in actions(curator)
    entry = ModelLogEntry.objects.get(action=services.ENROL, object_id=str(curator.pk))
    assert "Пользователь №" in entry.label
    assert device.key not in str(entry.data) and codes[0] not in str(entry.data)
    # The session that enrolled is verified: the staff screens open.
    assert client.get(reverse("cases:my-work")).status_code == 200


def test_sign_in_with_a_device_asks_for_the_code_before_any_staff_page(client, device):
    response = sign_in(client)
    work = client.get(response["Location"])
    assert work.status_code == 302
    assert work["Location"].startswith(VERIFY + "?next=")
    assert client.get(reverse("cases:intake")).status_code == 302
    page = client.get(work["Location"])
    assert "Код из приложения" in page.content.decode()
    done = client.post(VERIFY, {"code": code_for(device), "next": reverse("cases:intake")})
    assert done.status_code == 302 and done["Location"] == reverse("cases:intake")
    assert client.get(reverse("cases:my-work")).status_code == 200


def test_wagtail_admin_sign_in_also_asks_for_the_code(client, users):
    editor = users["editor"]
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    response = client.post(
        "/admin/login/", {"username": "editor", "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302
    admin = client.get("/admin/")
    assert admin.status_code == 302 and admin["Location"].startswith(VERIFY)
    client.post(VERIFY, {"code": code_for(device), "next": "/admin/"})
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_gets_a_message_an_empty_field_and_then_a_pause(client, device):
    sign_in(client)
    wrong = "999999" if code_for(device) != "999999" else "888888"
    response = client.post(VERIFY, {"code": wrong})
    body = response.content.decode()
    assert response.status_code == 422
    assert "Код не подошёл" in body
    assert wrong not in body
    assert 'aria-invalid="true"' in body
    # Straight away again, even with the right code: django-otp's throttle answers.
    again = client.post(VERIFY, {"code": code_for(device)})
    assert again.status_code == 422
    assert "Слишком много неверных кодов подряд" in again.content.decode()
    assert client.get(reverse("cases:my-work")).status_code == 302


def test_a_recovery_code_works_once_only(client, device, curator):
    sign_in(client)
    assert client.post(VERIFY, {"code": "ABCD-2345"}).status_code == 302
    assert client.get(reverse("cases:my-work")).status_code == 200
    assert services.RECOVERY_USED in actions(curator)
    client.post(reverse("portal:logout"))
    sign_in(client)
    refused = client.post(VERIFY, {"code": "abcd2345"})
    assert refused.status_code == 422
    assert "Код не подошёл" in refused.content.decode()
    assert client.get(reverse("cases:my-work")).status_code == 302
    assert StaticToken.objects.filter(device__user=curator).count() == 1


def test_recovery_codes_are_regenerated_with_a_current_code(client, device, curator):
    sign_in(client)
    client.post(VERIFY, {"code": "efgh6723"})
    response = client.post(
        reverse("two_factor:regenerate"),
        {"regenerate-password": PASSWORD, "regenerate-code": "abcd2345"},
    )
    assert response.status_code == 200
    assert not StaticToken.objects.filter(token__in=["abcd2345", "efgh6723"]).exists()
    assert StaticToken.objects.filter(device__user=curator).count() == 10


def test_the_user_switches_it_off_with_the_password_and_a_current_code(client, device, curator):
    sign_in(client)
    client.post(VERIFY, {"code": "abcd2345"})
    disable = reverse("two_factor:disable")
    refused = client.post(disable, {"disable-password": PASSWORD, "disable-code": "nothing1"})
    assert refused.status_code == 422
    assert TOTPDevice.objects.filter(user=curator).exists()
    throttled = client.post(disable, {"disable-password": PASSWORD, "disable-code": "efgh6723"})
    assert "Слишком много неверных кодов подряд" in throttled.content.decode()
    for throttled_device in (device, StaticDevice.objects.get(user=curator)):
        throttled_device.refresh_from_db()
        throttled_device.throttle_reset()
    client.post(disable, {"disable-password": PASSWORD, "disable-code": "efgh6723"})
    assert not TOTPDevice.objects.filter(user=curator).exists()
    assert services.DISABLE in actions(curator)


@pytest.mark.parametrize("prefix", ["disable", "regenerate"])
def test_a_code_without_the_password_changes_nothing(client, device, curator, prefix):
    """Whoever finds a signed-in screen and the phone still needs the password (ASVS 7.5.1)."""
    sign_in(client)
    client.post(VERIFY, {"code": "abcd2345"})
    url = reverse(f"two_factor:{prefix}")
    for password in ("", "not-the-password"):
        response = client.post(url, {f"{prefix}-password": password, f"{prefix}-code": "efgh6723"})
        assert response.status_code == 422
        body = response.content.decode()
        message = "Введите ваш пароль." if not password else "Пароль не подошёл."
        assert message in body
        assert "not-the-password" not in body and "efgh6723" not in body
        device.refresh_from_db()
        device.throttle_reset()
    assert TOTPDevice.objects.filter(user=curator).exists()
    assert StaticToken.objects.filter(token="efgh6723").exists()  # the code was not spent
    assert services.FAILED in actions(curator)


def test_the_session_key_changes_when_the_second_factor_is_passed(client, device, curator):
    sign_in(client)
    before = client.session.session_key
    client.post(VERIFY, {"code": code_for(device)})
    assert client.session.session_key != before
    assert client.get(reverse("cases:my-work")).status_code == 200


def test_an_enrolment_secret_belongs_to_one_session(client, curator, django_user_model):
    """Whoever opened the enrolment page in another session with the password never learns the
    secret this user confirms: a new session gets a new secret."""
    from django.test import Client

    other = Client()
    sign_in(other)
    seen_elsewhere = other.get(SETUP).context["secret"]
    sign_in(client)
    mine = client.get(SETUP).context["secret"]
    assert mine != seen_elsewhere
    assert client.get(SETUP).context["secret"] == mine  # a reload keeps it
    device = TOTPDevice.objects.get(user=curator, confirmed=False)
    assert services.secret_groups(device) == mine
    client.post(SETUP, {"code": code_for(device)})
    assert TOTPDevice.objects.filter(user=curator).count() == 1


def test_a_wrong_code_is_in_the_users_history(client, device, curator):
    sign_in(client)
    client.post(VERIFY, {"code": "000000"})
    assert actions(curator).count(services.FAILED) == 1


def test_an_administrator_resets_a_users_second_factor(client, device, curator):
    sign_in(client, "admin")
    url = reverse("two_factor_admin_reset", args=[curator.pk])
    listing = client.get("/admin/users/").content.decode()
    assert f'href="{url}"' in listing  # the button on the user with a device
    assert "Сбросить" in client.get(url).content.decode()
    client.post(url)
    assert not TOTPDevice.objects.filter(user=curator).exists()
    assert not StaticDevice.objects.filter(user=curator).exists()
    assert services.RESET in actions(curator)


def test_a_staff_member_cannot_reset_anyone(client, device, users):
    sign_in(client, "reception")
    assert client.post(
        reverse("two_factor_admin_reset", args=[users["curator"].pk])
    ).status_code in (302, 403)  # noqa: E501
    assert TOTPDevice.objects.filter(user=users["curator"]).exists()


def test_production_forces_enrolment_before_any_staff_page_and_the_admin(client, settings, users):
    settings.MARSHRUT_REQUIRE_2FA = True
    sign_in(client, "editor")
    for path in (reverse("cases:my-work"), reverse("cases:intake"), "/admin/", "/admin/pages/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(SETUP + "?next="), path
    # What stays open: the enrolment itself, the public site, the API, the health check.
    assert client.get(SETUP).status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.get("/api/v2/pages/").status_code == 200
    assert client.get("/").status_code == 200
    device = TOTPDevice.objects.get(user=users["editor"], confirmed=False)
    client.post(SETUP, {"code": code_for(device)})
    assert client.get("/admin/").status_code == 200
    # Signing out works without a second factor, too.
    client.post(reverse("portal:logout"))
    assert client.get("/admin/").status_code == 302


def test_production_signed_in_with_a_device_cannot_enrol_a_second_one(client, settings, device):
    settings.MARSHRUT_REQUIRE_2FA = True
    sign_in(client)
    response = client.get(SETUP)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)


def test_demo_mode_does_not_force_enrolment(client, settings, db):
    settings.MARSHRUT_REQUIRE_2FA = False
    sign_in(client)
    assert client.get(reverse("cases:my-work")).status_code == 200
    assert client.get(SETUP).status_code == 200  # and it can be enrolled from the menu


def test_a_code_not_yet_due_is_refused_and_an_old_one_too(client, device):
    sign_in(client)
    with mock.patch("django_otp.plugins.otp_totp.models.time.time", return_value=10**9):
        response = client.post(VERIFY, {"code": code_for(device, step_offset=5)})
    assert response.status_code == 422
