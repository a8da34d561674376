"""XSS: hostile text in every free-text field comes back escaped on every screen and export.

The fields are enumerated from the models (every CharField and TextField without choices, less
the machine codes named below), so a new free-text field is filled with a payload automatically.
The payloads are written through the ORM, past the forms' validators: the screens must escape
whatever the database holds.
"""

import csv
import io
import itertools

import pytest
from django.db import models
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from cases import route_graph as r
from cases.models import (
    Appointment,
    Case,
    Citizen,
    Employer,
    Employment,
    JobReferral,
    PlanItem,
    Referral,
    ScriptRun,
    TransitionLog,
    Vacancy,
)
from cases.services.referrals import partners_for
from content.models import Script, SurveyPage
from tests.cases.conftest import add_item

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "</textarea><b>x</b>",
    "javascript:alert(1)",
    "{{7*7}}{% now 'Y' %}",
]
# What must never reach a page unescaped (the javascript: URL is harmless as text; it must never
# become a link's address).
RAW = [p for p in PAYLOADS if any(c in p for c in "<>\"'")]
FORMULAS = ['=HYPERLINK("http://x.invalid","y")', "+1+1", "-1+1", "@SUM(1)"]
# Machine codes and derived values, not typed by anyone.
CODE_FIELDS = {
    "Citizen.snils",
    "Citizen.search_text",
    "Ipra.snils",
    "Ipra.search_text",
    "Case.suspended_from",
    "TransitionLog.transition",
    "ScriptRun.current_step",
    "ScriptRun.outcome",
    "ScriptRun.suggest_transition",
    "Employer.inn",
    "Vacancy.search_text",
}
MODELS = [Citizen, Case, PlanItem, Appointment, TransitionLog, ScriptRun]


def free_text_fields(model):
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField)
        and not f.choices
        and f"{model.__name__}.{f.name}" not in CODE_FIELDS
    ]


def fill(obj, payloads):
    """Puts a payload that fits into each free-text field of obj; returns the fields filled."""
    filled = []
    for field in free_text_fields(type(obj)):
        fitting = [p for p in PAYLOADS if len(p) <= (field.max_length or 10_000)]
        payload = fitting[next(payloads) % len(fitting)]
        setattr(obj, field.attname, payload)
        filled.append(field.name)
    type(obj).objects.filter(pk=obj.pk).update(**{f: getattr(obj, f) for f in filled})
    return filled


def test_every_model_has_free_text_fields_to_fill():
    names = {f"{m.__name__}.{f.name}" for m in MODELS for f in free_text_fields(m)}
    assert {"Citizen.last_name", "Citizen.address", "PlanItem.note", "Appointment.comment"} <= names
    assert {"Case.employer", "TransitionLog.comment", "ScriptRun.outcome_note"} <= names


@pytest.fixture
def hostile_case(users, case_at):
    """A case in service whose every free-text field (and its citizen's, plan's…) is hostile."""
    case = case_at(r.IN_SERVICE)
    item = add_item(users["curator"], case)
    script = Script.objects.filter(live=True).first()
    run = ScriptRun.objects.create(case=case, script=script, current_step="intro")
    appointment = Appointment.objects.filter(centre=case.centre).first()
    counter = itertools.count()
    for obj in [case.citizen, case, item, appointment, run, *case.transitions.all()]:
        fill(obj, counter)
    Citizen.objects.filter(pk=case.citizen_id).update(last_name=PAYLOADS[0])
    return case, appointment


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


def assert_escaped(html, where):
    for payload in RAW:
        assert payload not in html, (where, payload)
    assert 'href="javascript:' not in html.lower(), where


def screens(case, appointment):
    survey = SurveyPage.objects.filter(phone_enabled=True, life_situation=None).first()
    day = appointment.starts_at.date().isoformat()
    return {
        "case": reverse("cases:case-detail", args=[case.pk]),
        "print": reverse("cases:plan-print", args=[case.pk]),
        "citizen-edit": reverse("cases:citizen-edit", args=[case.citizen_id]),
        "phone-survey": reverse("cases:phone-survey", args=[case.pk, survey.pk]),
        "my-work": reverse("cases:my-work"),
        "registry": reverse("cases:registry"),
        "registry-search": reverse("cases:registry") + "?q=%3Cscript",
        "journal": reverse("cases:appointments") + f"?day={day}",
    }


def test_hostile_text_is_escaped_on_every_staff_screen(users, hostile_case):
    case, appointment = hostile_case
    client = Client()
    client.force_login(users["curator"])
    seen = {}
    for name, url in screens(case, appointment).items():
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        html = body_of(response)
        assert_escaped(html, name)
        seen[name] = "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # The payload was really shown (escaped), not merely absent.
    assert seen["case"] and seen["print"] and seen["citizen-edit"] and seen["registry"], seen
    assert seen["my-work"], seen


def test_hostile_text_is_escaped_in_the_intake_search(users, hostile_case):
    client = Client()
    client.force_login(users["reception"])
    response = client.post(reverse("cases:intake"), {"action": "search", "q": PAYLOADS[0]})
    assert response.status_code == 200
    html = response.content.decode()
    assert_escaped(html, "intake")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_public_booking_form_echoes_hostile_text_escaped(client, db):
    data = {"name": PAYLOADS[1], "phone": PAYLOADS[3], "comment": PAYLOADS[3]}
    response = client.post("/zapis/", data)
    assert response.status_code in (200, 422)
    html = response.content.decode()
    assert_escaped(html, "booking")
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exports_neutralise_formulas_and_keep_payloads_as_text(users, hostile_case, fmt):
    case, _ = hostile_case
    for formula, field in zip(FORMULAS, ["last_name", "first_name", "patronymic"], strict=False):
        Citizen.objects.filter(pk=case.citizen_id).update(**{field: formula})
    client = Client()
    client.force_login(users["curator"])
    response = client.get(reverse("cases:registry-export", args=[fmt]))
    assert response.status_code == 200
    if fmt == "csv":
        cells = [
            c for row in csv.reader(io.StringIO(body_of(response)), delimiter=";") for c in row
        ]
    else:
        sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
        cells = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    ours = [c for c in cells if any(f in str(c) for f in FORMULAS)]
    assert sorted(ours) == sorted("'" + f for f in FORMULAS[:3])
    assert not any(str(c).startswith(("=", "+", "-", "@")) for c in cells)


def test_transition_comments_are_escaped_in_the_history(users, hostile_case):
    case, _ = hostile_case
    assert TransitionLog.objects.filter(case=case).exists()
    client = Client()
    client.force_login(users["curator"])
    html = client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert_escaped(html, "history")
    assert Case.objects.get(pk=case.pk).employer in PAYLOADS


EMPLOYER_SIDE = [Referral, JobReferral, Employment, Employer, Vacancy]


def test_hostile_text_is_escaped_on_the_referral_and_employer_screens(users, case_at):
    """Every free-text field of referrals, job referrals, the employment, employers and vacancies
    hostile; every screen that shows them escapes it (the print and the journal included)."""
    case = case_at(r.IN_SERVICE)
    partner = partners_for(case.centre).first()
    referral = Referral.objects.create(
        case=case, partner=partner, reason="x", offer_on=case.opened_at.date(), status="concluded"
    )
    vacancy = Vacancy.objects.filter(centre=case.centre, status="open").first()
    job = JobReferral.objects.create(
        case=case,
        vacancy=vacancy,
        issued_on=case.opened_at.date(),
        answer_due=case.opened_at.date(),
    )
    employment = Employment.objects.create(
        case=case, employer_name="x", position="x", started_on=case.opened_at.date()
    )
    counter = itertools.count()
    for obj in [referral, job, employment, vacancy.employer, vacancy]:
        assert fill(obj, counter), type(obj).__name__
    client = Client()
    client.force_login(users["curator"])
    today = case.opened_at.date().isoformat()
    urls = {
        "case": reverse("cases:case-detail", args=[case.pk]),
        "referral": reverse("cases:referral-detail", args=[case.pk, referral.pk]),
        "offer": reverse("cases:referral-offer", args=[case.pk, referral.pk]),
        "journal": reverse("cases:referral-journal") + f"?date_from={today}&date_to={today}",
        "journal-print": reverse("cases:referral-journal-print")
        + f"?date_from={today}&date_to={today}",
        "job-print": reverse("cases:job-referral-print", args=[case.pk, job.pk]),
        "answer": reverse("cases:job-referral-answer", args=[case.pk, job.pk]),
        "vacancies": reverse("cases:vacancies"),
        "employers": reverse("cases:employers"),
        "vacancy": reverse("cases:vacancy-edit", args=[vacancy.pk]),
        "report": reverse("cases:employment-report") + f"?date_from={today}&date_to={today}",
    }
    shown = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        html = body_of(response)
        assert_escaped(html, name)
        shown[name] = "&lt;" in html or "&quot;&gt;" in html
    # The payload was really shown (escaped) where these records' free text appears.
    shown_on = ("case", "referral", "journal-print", "job-print", "vacancies", "employers")
    assert all(shown[n] for n in shown_on), shown
