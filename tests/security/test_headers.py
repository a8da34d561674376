"""Security headers on every kind of page: CSP, Permissions-Policy, Referrer-Policy, COOP, nosniff,
and HSTS in production."""

from unittest import mock

import pytest
from django.conf import settings
from django.test import Client, override_settings

from portal.headers import permissions_policy
from tests.portal.test_settings import production_env, settings_value
from tests.security import page_kinds

pytestmark = pytest.mark.django_db


def directives_of(policy):
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if " " in d.strip())
    return directives


def fetch(url, who):
    client = Client()
    if who:
        client.force_login(page_kinds.user(who))
    return client.get(url)


def assert_headers(response, kind):
    policy = response.get("Content-Security-Policy")
    assert policy, kind
    directives = directives_of(policy)
    assert directives["default-src"] == "'self'", kind
    assert directives["object-src"] == "'none'", kind
    assert directives["base-uri"] == "'self'", kind
    assert directives["form-action"] == "'self'", kind
    assert directives["frame-ancestors"] == "'self'", kind
    scripts = directives["script-src"].split()
    assert "'unsafe-eval'" not in scripts, kind
    assert "*" not in policy and "http:" not in policy and "https:" not in policy, kind
    if response.wsgi_request.path.startswith("/admin/"):
        assert scripts == ["'self'", "'unsafe-inline'"], kind  # docs/security.md: Wagtail's
    else:
        assert "'unsafe-inline'" not in scripts, kind
        assert directives["style-src"] == "'self'", kind
    assert response["Permissions-Policy"] == permissions_policy(settings.PERMISSIONS_POLICY)
    assert "camera=()" in response["Permissions-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    # The survey invitation's URL carries its token: that page sends no referrer at all.
    expected = "no-referrer" if kind == "survey-invitation" else "same-origin"
    assert response["Referrer-Policy"] == expected, kind
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", kind
    assert response["X-Content-Type-Options"] == "nosniff", kind
    assert response["X-Frame-Options"] == "SAMEORIGIN", kind


def test_every_page_model_with_a_live_page_is_walked():
    assert {name for name, _ in page_kinds.wagtail_pages()} == (
        page_kinds.content_types_of_live_pages()
    )


def test_headers_on_every_page_type():
    seen = {}
    for kind, url, who in page_kinds.every_page():
        response = fetch(url, who)
        seen[kind] = response.status_code
        assert_headers(response, kind)
    assert seen["404"] == 404 and seen["staff-404"] == 404 and seen["403"] == 403
    assert all(code == 200 for kind, code in seen.items() if "40" not in kind), seen


def test_headers_on_the_500_page(users):
    client = Client(raise_request_exception=False)
    client.force_login(users["curator"])
    with mock.patch("cases.views.work.render", side_effect=RuntimeError("boom")):
        response = client.get("/staff/")
    assert response.status_code == 500
    assert_headers(response, "500")


def test_a_post_refused_for_its_size_gets_the_headers_and_the_400_page(client):
    body = {"x": "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)}
    response = client.post("/zapis/", body)
    assert response.status_code == 400
    assert_headers(response, "400")


def test_the_admin_relaxes_only_inline_scripts_and_styles():
    admin = directives_of(fetch("/admin/login/", None)["Content-Security-Policy"])
    ours = directives_of(fetch("/staff/login/", None)["Content-Security-Policy"])
    assert set(admin) == set(ours)
    differing = {name for name in ours if admin[name] != ours[name]}
    assert differing <= {"script-src", "style-src", "img-src"}
    assert admin["script-src"] == "'self' 'unsafe-inline'"
    assert admin["style-src"] == "'self' 'unsafe-inline'"
    assert "'unsafe-inline'" not in ours["script-src"] + ours["style-src"]


@override_settings(
    SECURE_HSTS_SECONDS=31536000,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
    SECURE_HSTS_PRELOAD=True,
    SECURE_SSL_REDIRECT=True,
)
def test_hsts_in_production():
    client = Client()
    assert client.get("/staff/login/")["Location"].startswith("https://")
    response = client.get("/staff/login/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")


def test_production_settings_turn_hsts_on(tmp_path):
    """portal/settings.py in production mode: HSTS for a year, with subdomains and preload."""
    value = settings_value(
        "settings.SECURE_HSTS_SECONDS, settings.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "settings.SECURE_HSTS_PRELOAD",
        **production_env(tmp_path),
    )
    assert value == "31536000 True True"
