"""CSRF: every staff URL and every public form refuses a POST without the CSRF token with the
project's 403 page. The staff URLs are enumerated from the URLconf (as the cross-centre walk
does), so a new staff view — or a `csrf_exempt` one — cannot slip through."""

import pytest
from django.test import Client
from django.urls import get_resolver, reverse

from cases import route_graph as r
from content.models import SurveyPage
from tests.cases.test_access import kwargs_for, staff_patterns
from tests.security import page_kinds

STALE = "Страница устарела: обновите её и повторите действие."
# The only URL that takes a POST without a token: browsers send CSP reports without one, and the
# view changes nothing (portal/views.py).
EXEMPT = {"csp-report"}


def refuses(client, url, data=None):
    response = client.post(url, data or {"action": "x", "text": "x"})
    return response.status_code == 403 and STALE in response.content.decode()


def test_every_staff_url_refuses_a_post_without_the_token(users, case_at):
    case = case_at(r.IN_SERVICE)
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["curator"])
    walked = []
    for name, args in staff_patterns():
        url = reverse(f"cases:{name}", kwargs=kwargs_for(name, args, case))
        assert refuses(client, url), name
        walked.append(name)
    for name in ("login", "logout"):
        assert refuses(client, reverse(f"portal:{name}")), name
    assert len(walked) >= 15
    case.refresh_from_db()
    assert case.state == r.IN_SERVICE


def test_public_forms_refuse_a_post_without_the_token(db):
    client = Client(enforce_csrf_checks=True)
    survey = SurveyPage.objects.get(slug=page_kinds.KIOSK_SURVEY, locale__language_code="ru")
    urls = [u for kind, u, _ in page_kinds.public_pages() if kind in {"survey-invitation", "kiosk"}]
    for url in ["/zapis/", survey.url, *urls, "/admin/login/"]:
        assert client.post(url, {"name": "x"}).status_code == 403, url


def test_only_the_csp_report_is_exempt():
    """Root URL names other than the namespaced ones, so a new exempt view must be named here."""
    names = {p.name for p in get_resolver().url_patterns if getattr(p, "name", None)}
    assert names == {"healthz", "csp-report"}
    client = Client(enforce_csrf_checks=True)
    assert client.post(reverse("healthz")).status_code == 403
    report = client.post(reverse("csp-report"), "{}", content_type="application/csp-report")
    assert report.status_code == 204


@pytest.mark.parametrize("name", sorted(EXEMPT))
def test_the_exempt_view_changes_nothing_and_logs_no_personal_data(client, db, caplog, name):
    body = (
        '{"csp-report": {"document-uri": "https://x.ru/staff/registry/?q=Иванов",'
        ' "effective-directive": "script-src-elem",'
        ' "blocked-uri": "https://evil.example/steal?snils=11223344595",'
        ' "script-sample": "alert(Иванов)"}}'
    )
    response = client.post(reverse(name), body, content_type="application/csp-report")
    assert response.status_code == 204
    logged = caplog.text
    assert "script-src-elem" in logged and "https://evil.example" in logged
    assert "/staff/registry/" in logged
    assert "Иванов" not in logged and "11223344595" not in logged and "steal" not in logged
