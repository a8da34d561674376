"""Every page type passes the W3C Nu Html Checker with zero errors.

The pages are rendered from the demo data by Django's test client — each public page type in
each language it exists in, every staff screen (a case at each stage of the route, so that
every section of the case page is present), the print view, the kiosk, the booking and survey
pages and the error pages — and checked in one run of `vnu.jar` (the `vnu-jar` package from
the npm registry: `npm ci`; Java from Debian's `default-jre-headless`).

Without Java or vnu.jar the test is skipped with a plain message, unless
MARSHRUT_REQUIRE_HTML_CHECKER is set (as CI does), in which case it fails.
"""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.translation import override
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Page

from cases import route_graph as r
from cases.models import Appointment, Case, ReceptionRecord, SurveyInvitation
from content.models import ServiceIndexPage, SurveyPage
from portal.errors import permission_denied, server_error
from tests.themes.employer_pages import employer_pages
from tests.themes.ipra_pages import ipra_pages

ROOT = Path(__file__).resolve().parent.parent.parent
VNU = Path(os.environ.get("MARSHRUT_VNU_JAR", ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"))
REQUIRED = os.environ.get("MARSHRUT_REQUIRE_HTML_CHECKER", "").lower() in {"1", "true", "yes"}


def checker():
    java = shutil.which("java")
    if java and VNU.exists():
        return java
    message = (
        f"Nu Html Checker not available (java: {java or 'not found'}, {VNU}: "
        f"{'found' if VNU.exists() else 'not found'}): markup check skipped "
        "(install with `apt-get install -y default-jre-headless && npm ci`)"
    )
    if REQUIRED:
        pytest.fail(message + " — MARSHRUT_REQUIRE_HTML_CHECKER is set, so this is a failure")
    pytest.skip(message)


def validate(java, pages):
    """{name: [error messages]} for the given {name: html} pages, in one run of the checker."""
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for index, (name, html) in enumerate(pages.items()):
            path = Path(tmp) / f"page-{index:03d}.html"
            path.write_text(html, encoding="utf-8")
            files[str(path)] = name
        result = subprocess.run(
            [java, "-Xss1024k", "-jar", str(VNU), "--format", "json", "--exit-zero-always"]
            + [str(Path(tmp) / f"page-{i:03d}.html") for i in range(len(pages))],
            capture_output=True,
            text=True,
            timeout=300,
        )
    report = json.loads(result.stderr or result.stdout)
    errors = {name: [] for name in pages}
    for message in report["messages"]:
        if message.get("type") == "error" or message.get("subType") == "fatal":
            url = message.get("url", "")
            name = files.get(url.removeprefix("file:"), url)
            errors.setdefault(name, []).append(
                f"line {message.get('lastLine')}: {message['message']} "
                f"[{message.get('extract', '').strip()[:80]}]"
            )
    return errors


def body(response):
    assert response.status_code in (200, 400, 403, 404, 409, 422, 500), response.status_code
    assert response["Content-Type"].startswith("text/html"), response["Content-Type"]
    return response.content.decode()


def public_pages(client):
    """Every live public page of the site, in every language it is published in."""
    pages = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        url = page.get_url()
        if url:
            label = f"{type(page).__name__} [{page.locale.language_code}] {url}"
            pages[label] = body(client.get(url))
    catalogue = Page.objects.live().type(ServiceIndexPage).first()
    pages["ServiceIndexPage searched"] = body(client.get(catalogue.url, {"q": "пенсия"}))
    survey = SurveyPage.objects.live().filter(public_enabled=True).first()
    pages["SurveyPage with errors"] = body(client.post(survey.url, {}))
    kiosk_survey = SurveyPage.objects.live().filter(kiosk_enabled=True).first()
    pages["SurveyPage kiosk"] = body(client.get(kiosk_survey.url + "kiosk/nchelny/"))
    for language in ("ru", "tt", "en"):
        with override(language):
            pages[f"booking [{language}]"] = body(client.get(reverse("booking")))
            pages[f"booking with errors [{language}]"] = body(
                client.post(reverse("booking"), {"name": "", "phone": "x"})
            )
            pages[f"booking done [{language}]"] = body(client.get(reverse("booking-done")))
            pages[f"404 [{language}]"] = body(
                client.get(("" if language == "ru" else f"/{language}") + "/net-takoj-stranicy/")
            )
    invitation = SurveyInvitation.objects.filter(answered_at=None).first()
    if invitation is None:
        invitation = SurveyInvitation.objects.create(
            case=Case.objects.first(), survey=SurveyPage.objects.live().first()
        )
    pages["survey invitation"] = body(
        client.get(reverse("survey-invitation", args=[invitation.token]))
    )
    pages["survey invitation done"] = body(client.get(reverse("survey-invitation-done")))
    return pages


def queue_pages(client, users, case):
    """The hall queue's screens (the curator may issue, call and read the report)."""
    from cases.models import QueueTicket
    from cases.services import queue as q

    ticket = q.issue_ticket(users["curator"], QueueTicket(purpose="ipra", disability=True))
    q.issue_ticket(users["curator"], QueueTicket(purpose="consultation"))
    q.call_next(users["curator"], "3")
    issue = reverse("cases:queue-issue")
    redirect = reverse("cases:queue-redirect", args=[ticket.pk])
    pages = {
        "queue issue": body(client.get(issue)),
        "queue issue with errors": body(client.post(issue, {"disability": "on"})),
        "queue slip": body(client.get(reverse("cases:queue-slip", args=[ticket.pk]))),
        "queue panel": body(client.get(reverse("cases:queue-panel"))),
        "queue panel with errors": body(client.post(reverse("cases:queue-panel"), {})),
        "queue board": body(client.get(reverse("cases:queue-board"))),
        "queue report": body(client.get(reverse("cases:queue-report"))),
        "queue redirect": body(client.get(redirect)),
        "queue redirect with errors": body(client.post(redirect, {"comment": "x"})),
    }
    return pages


def staff_pages(client, users, case_at, tmp_path):
    pages = {"login": body(client.get(reverse("portal:login")))}
    client.force_login(users["curator"])
    for name in ("my-work", "intake", "registry", "appointments"):
        pages[name] = body(client.get(reverse(f"cases:{name}")))
    pages["intake search"] = body(
        client.post(reverse("cases:intake"), {"action": "search", "q": "Иванов"})
    )
    for state in (r.RECEPTION, r.PROFILING, r.IN_SERVICE, r.EMPLOYED, r.CLOSED):
        case = case_at(state)
        pages[f"case [{state}]"] = body(client.get(reverse("cases:case-detail", args=[case.pk])))
    pages["plan print"] = body(client.get(reverse("cases:plan-print", args=[case.pk])))
    pages["citizen edit"] = body(client.get(reverse("cases:citizen-edit", args=[case.citizen_id])))
    pages["open case"] = body(client.get(reverse("cases:open-case", args=[case.citizen_id])))
    reception = reverse("cases:case-reception", args=[case.pk])
    pages["reception screen"] = body(client.get(reception))
    pages["reception screen with errors"] = body(
        client.post(reception, {"document_series": "1", "service_months": "13"})
    )
    employed = Case.objects.filter(centre=case.centre, state=r.RETENTION_CHECK).first()
    check = employed.retention_checks.order_by("months").first()
    pages["case [retention checks]"] = body(
        client.get(reverse("cases:case-detail", args=[employed.pk]))
    )
    retention = reverse("cases:case-retention-check", args=[employed.pk, check.pk])
    pages["retention check"] = body(client.get(retention))
    pages["retention check with errors"] = body(client.post(retention, {"outcome": "left"}))
    pages["retention report"] = body(client.get(reverse("cases:retention-report")))
    pages.update(queue_pages(client, users, case))
    filled = ReceptionRecord.objects.filter(case__centre=case.centre).first().case
    pages["case [reception screen filled]"] = body(
        client.get(reverse("cases:case-detail", args=[filled.pk]))
    )
    phone = SurveyPage.objects.live().filter(phone_enabled=True, life_situation=None).first()
    pages["phone survey"] = body(
        client.get(reverse("cases:phone-survey", args=[case.pk, phone.pk]))
    )
    day = Appointment.objects.filter(centre=users["curator"].centre).first().starts_at.date()
    pages["appointments of a day"] = body(
        client.get(reverse("cases:appointments"), {"day": day.isoformat()})
    )
    pages["staff 404"] = body(client.get("/staff/cases/999999999/"))
    too_large = {"comment": "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)}
    pages["400 (body too large)"] = body(client.post(reverse("booking"), too_large))

    client.force_login(users["dpo"])
    pages["access log"] = body(client.get(reverse("cases:audit-log"), {"action": "view"}))
    pages["access log of a citizen"] = body(
        client.get(reverse("cases:audit-citizen", args=[case.citizen_id]))
    )
    pages["access log of a colleague"] = body(
        client.get(reverse("cases:audit-user", args=[users["curator"].pk]))
    )
    client.force_login(users["head"])
    pages["overdue in the centre [head]"] = body(client.get(reverse("cases:overdue")))
    client.force_login(users["career"])  # the SNILS masked (no view_snils)
    pages["case [masked SNILS]"] = body(client.get(reverse("cases:case-detail", args=[case.pk])))
    client.force_login(users["hall"])
    pages["staff 403"] = body(client.get(reverse("cases:intake")))
    pages["appointments [hall administrator]"] = body(
        client.get(reverse("cases:appointments"), {"day": day.isoformat()})
    )
    pages |= ipra_pages(client, users, case_at, body, tmp_path)
    pages |= employer_pages(client, users, case_at, body, tmp_path)
    return pages | two_factor_pages(client, users)


def two_factor_pages(client, users):
    """Enrolment (and its error), the recovery codes, the settings, the code step."""
    client.force_login(users["career"])
    setup = reverse("two_factor:setup")
    pages = {"two-factor enrolment": body(client.get(setup))}
    pages["two-factor enrolment error"] = body(client.post(setup, {"code": "12"}))
    device = TOTPDevice.objects.get(user=users["career"])
    device.throttle_reset()  # the wrong code above started django-otp's back-off
    code = f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
    pages["two-factor recovery codes"] = body(client.post(setup, {"code": code}))
    assert "Коды восстановления" in pages["two-factor recovery codes"]
    pages["two-factor settings"] = body(client.get(setup))
    client.logout()
    client.force_login(users["career"])
    pages["two-factor code step"] = body(client.get(reverse("two_factor:verify")))
    return pages


def error_pages(rf):
    request = rf.get("/staff/cases/1/")
    from django.core.exceptions import PermissionDenied

    return {
        "500 [staff]": server_error(request).content.decode(),
        "500 [public]": server_error(rf.get("/")).content.decode(),
        "403 with a reason": permission_denied(
            request, PermissionDenied("Этот переход доступен куратору.")
        ).content.decode(),
    }


@pytest.mark.django_db
def test_every_page_type_passes_the_nu_html_checker(client, rf, users, case_at, tmp_path):
    java = checker()
    pages = public_pages(client) | staff_pages(client, users, case_at, tmp_path) | error_pages(rf)
    types = {label.split(" ")[0] for label in pages}
    assert {"HomePage", "LifeSituationPage", "ServiceIndexPage", "ServicePage"} <= types
    assert {"ContactsPage", "StandardPage", "FAQPage", "SurveyPage"} <= types
    assert any("[tt]" in label for label in pages if label.startswith("LifeSituationPage"))
    errors = validate(java, pages)
    failing = {name: found for name, found in errors.items() if found}
    summary = "\n".join(f"{name}: {len(found)} error(s)" for name, found in errors.items())
    Path(tempfile.gettempdir(), "marshrut-markup-summary.txt").write_text(summary + "\n")
    assert not failing, "\n".join(
        f"{name}:\n  " + "\n  ".join(found) for name, found in failing.items()
    )
    assert len(errors) == len(pages) >= 60


def test_the_checker_finds_what_it_should(db):
    """The check is not vacuous: a page with an `hx-post` and a microsecond datetime fails."""
    java = checker()
    bad = (
        '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>t</title></head>'
        '<body><form hx-post="/x"><time datetime="2026-12-01T10:00:00.123456+03:00">'
        "1 декабря</time></form></body></html>"
    )
    errors = validate(java, {"bad": bad})["bad"]
    assert any("hx-post" in e for e in errors), errors
    assert any("datetime" in e for e in errors), errors
