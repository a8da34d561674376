"""Idle sessions end after the configured time (the clock is patched, never slept on)."""

from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from portal.two_factor import middleware
from tests.portal.test_settings import production_env, settings_value

START = 1_900_000_000
MINUTE = 60


@pytest.fixture
def clock():
    """The idle-timeout middleware's clock, moved by hand."""
    now = {"t": START}
    with mock.patch.object(middleware, "_now", lambda: now["t"]):
        yield lambda minutes: now.update(t=START + int(minutes * MINUTE))


@pytest.fixture
def signed_in(client, db, clock):
    response = client.post(
        reverse("portal:login"), {"username": "curator", "password": "marshrut-demo"}
    )
    assert response.status_code == 302
    return client


def work(client, background=False):
    headers = {"X-Marshrut-Background": "1"} if background else {}
    return client.get(reverse("cases:my-work"), headers=headers)


def test_an_idle_session_ends_after_the_configured_time(signed_in, clock, settings):
    assert settings.IDLE_TIMEOUT_SECONDS == 30 * MINUTE
    clock(29.9)
    assert work(signed_in).status_code == 200
    clock(29.9 + 30.1)
    response = work(signed_in)
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:login") + "?next=" + reverse("cases:my-work")
    page = signed_in.get(response["Location"])
    assert "Сеанс завершён из-за бездействия" in page.content.decode()
    # Signed out for good: coming back is a new sign-in, whatever the clock says.
    clock(0)
    assert work(signed_in).status_code == 302


def test_activity_extends_the_session(signed_in, clock):
    for minutes in (20, 40, 60, 80):
        clock(minutes)
        assert work(signed_in).status_code == 200, minutes


def test_background_requests_do_not_count_as_activity(signed_in, clock):
    clock(20)
    assert work(signed_in, background=True).status_code == 200
    clock(31)
    assert work(signed_in).status_code == 302


def test_the_keep_alive_endpoint_extends_the_session(signed_in, clock):
    clock(29)
    assert signed_in.post(reverse("two_factor:keep-alive")).status_code == 204
    clock(58)
    assert work(signed_in).status_code == 200


def test_the_keep_alive_endpoint_needs_csrf(db):
    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.get(username="curator"))
    assert client.post(reverse("two_factor:keep-alive")).status_code == 403


def test_a_configured_timeout_is_used(signed_in, clock, settings):
    settings.IDLE_TIMEOUT_SECONDS = 5 * MINUTE
    clock(4.9)
    assert work(signed_in).status_code == 200
    clock(10)
    assert work(signed_in).status_code == 302


def test_an_absolute_cap_ends_even_an_active_session(signed_in, clock, settings):
    settings.SESSION_MAX_SECONDS = 2 * 60 * MINUTE
    for minutes in (20, 40, 60, 80, 100, 119):
        clock(minutes)
        assert work(signed_in).status_code == 200
    clock(121)
    response = work(signed_in)
    assert response.status_code == 302
    page = signed_in.get(response["Location"]).content.decode()
    assert "с момента входа прошло больше 2 ч" in page


def test_staff_pages_carry_the_timeout_for_the_warning(signed_in):
    body = work(signed_in).content.decode()
    assert 'data-idle-timeout="1800"' in body
    assert 'data-idle-warning="60"' in body
    assert 'data-keepalive-url="/staff/session/keep-alive/"' in body
    assert 'id="idle-dialog"' in body
    assert "Несохранённые изменения" in body


def test_the_public_site_stays_untouched_for_anonymous_visitors(client, db, clock):
    clock(0)
    client.get("/")
    clock(120)
    assert client.get("/").status_code == 200


def test_session_settings_follow_the_environment(tmp_path):
    assert settings_value("settings.SESSION_COOKIE_AGE", MARSHRUT_ENV="test") == "1800"
    assert (
        settings_value(
            "settings.SESSION_COOKIE_AGE", MARSHRUT_ENV="test", MARSHRUT_IDLE_TIMEOUT_MINUTES="15"
        )
        == "900"
    )
    assert settings_value("settings.MARSHRUT_REQUIRE_2FA", MARSHRUT_ENV="test") == "False"
    assert settings_value("settings.MARSHRUT_REQUIRE_2FA", **production_env(tmp_path)) == "True"
    assert (
        settings_value(
            "settings.MARSHRUT_REQUIRE_2FA", MARSHRUT_REQUIRE_2FA="0", **production_env(tmp_path)
        )
        == "False"
    )
