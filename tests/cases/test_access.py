"""Who may see what: staff see only their own centre; anonymous users go to the login page."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cases import route_graph as r
from cases.models import Case, Ipra, RetentionCheck, ScriptRun
from content.models import LifeSituationPage, Script
from tests.cases.conftest import add_item
from tests.factories import CaseFactory

# URL arguments that are not sub-objects of a case: the case itself, a transition name, an
# export format, and content that every centre shares (scripts, surveys).
NOT_SUB_OBJECTS = {"pk", "name", "fmt", "script", "survey", "action", "part"}
# A valid form for the views that answer an invalid one with 404 themselves: then a 404 for a
# foreign sub-object can only come from its lookup. ("cancel" without a reason changes nothing.)
POST_DATA = {"plan-item-status": {"action": "cancel", "text": ""}, "script-answer": {"answer": "0"}}


def staff_patterns():
    """Every named URL of the `cases` namespace (the staff screens), with its argument names."""
    resolver = get_resolver()
    found = []

    def walk(patterns, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, p.namespace or namespace)
            elif isinstance(p, URLPattern) and namespace == "cases" and p.name:
                found.append((p.name, sorted(p.pattern.regex.groupindex)))

    walk(resolver.url_patterns, None)
    return found


def kwargs_for(url_name, names, case):
    """Arguments naming objects of the case's centre (Naberezhnye Chelny)."""
    from cases.models import (
        Appointment,
        Employer,
        Ipra,
        IpraImport,
        RetentionCheck,
        ScriptRun,
        Vacancy,
    )
    from content.models import Script, SurveyPage

    script = Script.objects.filter(live=True).first()
    run = ScriptRun.objects.create(case=case, script=script, current_step="intro")
    ipra = Ipra.objects.filter(centre=case.centre, measures__isnull=False).first()
    job = IpraImport.objects.filter(centre=case.centre).first()
    pk = {
        "open-case": case.citizen_id,
        "citizen-edit": case.citizen_id,
        "audit-citizen": case.citizen_id,
        "audit-citizen-export": case.citizen_id,
        "audit-user": case.curator_id or case.centre.staff.first().pk,
        "audit-user-export": case.curator_id or case.centre.staff.first().pk,
        "appointment-status": Appointment.objects.filter(centre=case.centre).first().pk,
    }.get(url_name, case.pk)
    if url_name.startswith("queue-"):
        pk = _queue_ticket(case.centre).pk
    if url_name == "vacancy-edit":
        pk = Vacancy.objects.filter(centre=case.centre).first().pk
    if url_name == "employer-edit":
        pk = Employer.objects.filter(centre=case.centre).first().pk
    if url_name.startswith("ipra-import"):
        pk = job.pk
    elif url_name.startswith("ipra-"):
        pk = ipra.pk
    values = {
        "pk": pk,
        "name": "suspend",
        "item": case.plan_items.first().pk,
        "script": script.pk,
        "run": run.pk,
        "fmt": "csv",
        "survey": SurveyPage.objects.filter(phone_enabled=True, life_situation=None).first().pk,
        "measure": ipra.measures.first().pk,
        "check": RetentionCheck.objects.get_or_create(
            case=case, months=1, defaults={"due_on": case.opened_at.date()}
        )[0].pk,
        "referral": _referral(case).pk,
        "jobref": _job_referral(case).pk,
        "vacancy": _open_vacancy(case.centre).pk,
        "action": "send",
        "part": "partners",
    }
    unknown = set(names) - set(values)
    assert not unknown, (
        f"{url_name}: no value for the URL argument(s) {sorted(unknown)}; teach kwargs_for() "
        "an object of the case's centre for them, so the walks cover this URL"
    )
    return {n: values[n] for n in names}


def _referral(case):
    """A drafted referral of the case to a partner of its centre."""
    from cases.models import Referral
    from cases.services.referrals import partners_for

    return Referral.objects.filter(case=case).first() or Referral.objects.create(
        case=case,
        partner=partners_for(case.centre).first(),
        reason="Психологическая поддержка",
        offer_on=case.opened_at.date(),
    )


def _open_vacancy(centre):
    from cases.models import Vacancy

    return Vacancy.objects.filter(centre=centre, status="open", posts_free__gt=0).first()


def _job_referral(case):
    """A job referral of the case waiting for the employer's answer."""
    import datetime

    from cases.models import JobReferral

    vacancy = _open_vacancy(case.centre)
    return JobReferral.objects.filter(case=case).first() or JobReferral.objects.create(
        case=case,
        vacancy=vacancy,
        issued_on=datetime.date.today(),
        answer_due=datetime.date.today(),
    )


def _queue_ticket(centre):
    """A ticket of the centre, called by one of its staff (the queue's URLs name a ticket)."""
    import datetime

    from django.utils import timezone

    from cases.choices import QueuePurpose, TicketState
    from cases.models import QueueTicket

    return QueueTicket.objects.filter(centre=centre).first() or QueueTicket.objects.create(
        centre=centre,
        day=datetime.date(2026, 1, 5),
        seq=1,
        purpose=QueuePurpose.CONSULTATION,
        state=TicketState.CALLED,
        called_by=centre.staff.first(),
        queued_at=timezone.now(),
    )


# Staff URLs outside the `cases` namespace that the walks know about: sign-in and sign-out, and
# the signed-in user's own second factor and session (tests/portal/test_two_factor.py and
# test_idle_timeout.py), which hold nothing of any centre.
WALKED_ELSEWHERE = {("portal", "login"), ("portal", "logout")}
OWN_ACCOUNT_NAMESPACES = {"two_factor"}


def routes_under_staff():
    """(namespace, name) of every URL under /staff/, whatever its namespace."""
    found = []

    def walk(patterns, namespace, prefix):
        for p in patterns:
            route = prefix + str(p.pattern)
            if isinstance(p, URLResolver):
                walk(p.url_patterns, p.namespace or namespace, route)
            elif route.startswith("staff/"):
                found.append((namespace, p.name))

    walk(get_resolver().url_patterns, None, "")
    return found


def test_every_staff_url_is_walked():
    """A new screen under /staff/ in another namespace, or without a name, would escape the walks
    (they enumerate the `cases` namespace): it must fail here until it is walked."""
    for namespace, name in routes_under_staff():
        assert (
            namespace == "cases"
            and name
            or (namespace, name) in WALKED_ELSEWHERE
            or namespace in OWN_ACCOUNT_NAMESPACES
        ), f"/staff/ URL {namespace}:{name} is not walked by tests/cases/test_access.py"
    for name, args in staff_patterns():
        assert set(args) <= {
            "pk",
            "name",
            "item",
            "script",
            "run",
            "fmt",
            "survey",
            "measure",
            "check",
            "referral",
            "jobref",
            "vacancy",
            "action",
            "part",
        }, (
            name,
            args,
        )


def walker(users, name, centre="74"):
    """Who walks a URL: the access-log screens are the data-protection officer's, the centre's
    overdue list the head's."""
    if name.startswith("audit-"):
        return users["dpo" + centre]
    return users[("head" if name == "overdue" else "curator") + centre]


def test_there_are_staff_urls_to_walk():
    names = {name for name, _ in staff_patterns()}
    assert {"my-work", "intake", "case-detail", "case-transition", "plan-print"} <= names
    assert {"audit-log", "audit-citizen", "audit-user", "audit-citizen-export"} <= names
    assert {
        "ipra-registry",
        "ipra-detail",
        "ipra-journal",
        "ipra-import",
        "case-ipra-plan",
    } <= names


def test_every_staff_url_of_another_centre_is_404(client, users, case_at):
    case = case_at(r.IN_SERVICE)
    walked = 0
    for name, args in staff_patterns():
        if "pk" not in args:
            continue
        client.force_login(walker(users, name))
        url = reverse(f"cases:{name}", kwargs=kwargs_for(name, args, case))
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert response.status_code in (404, 405), (name, method, response.status_code)
            if response.status_code == 404:
                walked += 1
    assert walked >= 8
    case.refresh_from_db()
    assert case.state == r.IN_SERVICE


def test_lists_of_another_centre_show_nothing_of_ours(client, users, case_at):
    case = case_at(r.IN_SERVICE)
    for name, args in staff_patterns():
        if "pk" in args:
            continue
        client.force_login(walker(users, name))
        response = client.get(reverse(f"cases:{name}", kwargs=kwargs_for(name, args, case)))
        assert response.status_code == 200, name
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert f"{case.citizen.last_name} {case.citizen.first_name}" not in body.decode(), name
        assert case.citizen.snils_display not in body.decode(), name
    client.force_login(users["curator74"])
    response = client.post(reverse("cases:intake"), {"action": "search", "q": case.citizen.snils})
    assert case.citizen.full_name not in response.content.decode()


def foreign_sub_objects(users):
    """One of every sub-object a staff URL names, all of a case of the other centre."""
    situation = LifeSituationPage.objects.get(
        slug="released-from-prison", locale__language_code="ru"
    )
    foreign = CaseFactory(opened_by=users["reception74"], life_situation=situation)
    script = Script.objects.filter(live=True).first()
    ipra = Ipra.objects.filter(centre__slug="chelyabinsk", measures__isnull=False).first()
    return {
        "item": add_item(users["curator74"], foreign),
        "run": ScriptRun.objects.create(case=foreign, script=script, current_step="intro"),
        "measure": ipra.measures.first(),
        "check": RetentionCheck.objects.create(
            case=foreign, months=1, due_on=foreign.opened_at.date()
        ),
        "referral": _referral(foreign),
        "jobref": _job_referral(foreign),
        "vacancy": _open_vacancy(foreign.centre),
    }


def state_of(obj):
    obj.refresh_from_db()
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def answer_codes(client, name, kwargs, data):
    url = reverse(f"cases:{name}", kwargs=kwargs)
    return [client.get(url).status_code, client.post(url, data).status_code]


def test_our_case_with_a_foreign_sub_object_is_404(client, users, case_at):
    """Each sub-object is looked up within the case of the URL, not only within the centre."""
    ours = case_at(r.IN_SERVICE)
    foreign = foreign_sub_objects(users)
    before = {arg: state_of(obj) for arg, obj in foreign.items()}
    client.force_login(users["curator"])
    walked = set()
    for name, args in staff_patterns():
        subs = [arg for arg in args if arg not in NOT_SUB_OBJECTS]
        if "pk" not in args or not subs:
            continue
        own = kwargs_for(name, args, ours)
        data = POST_DATA.get(name, {})
        assert 404 not in answer_codes(client, name, own, data), (name, "our own sub-object")
        for arg in subs:
            codes = answer_codes(client, name, {**own, arg: foreign[arg].pk}, data)
            assert set(codes) <= {404, 405} and 404 in codes, (name, arg, codes)
            walked.add((name, arg))
    assert walked >= {("plan-item", "item"), ("plan-item-status", "item"), ("script-answer", "run")}
    assert walked >= {("ipra-measure", "measure"), ("ipra-measure-remove", "measure")}
    assert ("case-retention-check", "check") in walked
    assert {
        ("referral-detail", "referral"),
        ("referral-action", "referral"),
        ("referral-offer", "referral"),
        ("job-referral", "vacancy"),
        ("job-referral-print", "jobref"),
        ("job-referral-answer", "jobref"),
    } <= walked
    assert {arg: state_of(obj) for arg, obj in foreign.items()} == before


@pytest.mark.parametrize("name", ["my-work", "intake"])
def test_anonymous_users_are_sent_to_the_login_page(client, db, name):
    response = client.get(reverse(f"cases:{name}"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("portal:login"))


def test_anonymous_users_get_no_case(client, case_at):
    case = case_at(r.RECEPTION)
    response = client.get(reverse("cases:case-detail", args=[case.pk]))
    assert response.status_code == 302 and "/staff/login/" in response["Location"]


def test_hall_administrator_cannot_open_intake(client, users):
    client.force_login(users["hall"])
    assert client.get(reverse("cases:intake")).status_code == 403


def test_editor_without_a_centre_sees_no_case(client, users):
    client.force_login(users["editor"])
    case = Case.objects.first()
    assert client.get(reverse("cases:case-detail", args=[case.pk])).status_code == 403


def test_centre_scoping_gives_nothing_without_a_signed_in_member_of_a_centre(users):
    from django.contrib.auth.models import AnonymousUser

    from cases.models import Appointment, Citizen

    assert Case.objects.filter(centre=users["curator"].centre).exists()
    for model in (Case, Citizen, Appointment):
        assert not model.objects.for_user(AnonymousUser()).exists()
        assert not model.objects.for_user(users["editor"]).exists()  # staff without a centre
        mine = model.objects.for_user(users["curator"])
        assert mine.exists()
        assert set(mine.values_list("centre_id", flat=True)) == {users["curator"].centre_id}
