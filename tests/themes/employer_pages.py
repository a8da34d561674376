"""The pages of referrals to partners and of the employer side, for the Nu Html checker
(tests/themes/test_markup.py): every screen, its print and its form with errors."""

from django.urls import reverse

from cases import route_graph as r
from cases.models import Employer, JobReferral, Referral, Vacancy
from tests.cases.test_access import _job_referral, _referral


def employer_pages(client, users, case_at, body, tmp_path):
    pages = {}
    case = case_at(r.IN_SERVICE)
    referral = _referral(case)
    job = _job_referral(case)
    client.force_login(users["curator"])
    new = reverse("cases:referral-new", args=[case.pk])
    pages["referral: choose the partner"] = body(client.get(new))
    with_partner = f"{new}?partner={referral.partner_id}"
    pages["referral form"] = body(client.get(with_partner))
    pages["referral form with errors"] = body(client.post(with_partner, {"reason": ""}))
    card = reverse("cases:referral-detail", args=[case.pk, referral.pk])
    pages["referral card [draft]"] = body(client.get(card))
    send = reverse("cases:referral-action", args=[case.pk, referral.pk, "send"])
    pages["referral card [not sent, errors]"] = body(client.post(send, {}))
    pages["referral offer"] = body(
        client.get(reverse("cases:referral-offer", args=[case.pk, referral.pk]))
    )
    Referral.objects.filter(pk=referral.pk).update(
        status="sent", sent_on=case.opened_at.date(), conclusion_due=case.opened_at.date()
    )
    conclusion = reverse("cases:referral-action", args=[case.pk, referral.pk, "conclusion"])
    pages["referral card [conclusion errors]"] = body(client.post(conclusion, {}))
    Referral.objects.filter(pk=referral.pk).update(
        status="concluded", recommendations="Профессии типа «человек — знак»"
    )
    pages["referral card [concluded]"] = body(client.get(card))
    for name in ("referral-journal", "vacancies", "employers", "vacancy-import"):
        pages[name] = body(client.get(reverse(f"cases:{name}")))
    pages["referral journal print"] = body(client.get(reverse("cases:referral-journal-print")))
    pages["vacancy form with errors"] = body(client.post(reverse("cases:vacancy-new"), {}))
    vacancy = Vacancy.objects.filter(centre=case.centre).first()
    pages["vacancy form"] = body(client.get(reverse("cases:vacancy-edit", args=[vacancy.pk])))
    employer = Employer.objects.filter(centre=case.centre).first()
    pages["employer form"] = body(client.get(reverse("cases:employer-edit", args=[employer.pk])))
    pages["employer form with errors"] = body(
        client.post(reverse("cases:employer-new"), {"inn": "1"})
    )
    bad = tmp_path / "vacancies.csv"
    bad.write_text("ИНН работодателя;Работодатель;Должность;Место работы\n1;;;\n", "utf-8")
    with open(bad, "rb") as fh:
        pages["vacancy import with errors"] = body(
            client.post(reverse("cases:vacancy-import"), {"file": fh})
        )
    pages["employment report"] = body(client.get(reverse("cases:employment-report")))
    pages["job referral"] = body(
        client.get(reverse("cases:job-referral", args=[case.pk, vacancy.pk]))
    )
    pages["job referral print"] = body(
        client.get(reverse("cases:job-referral-print", args=[case.pk, job.pk]))
    )
    answer = reverse("cases:job-referral-answer", args=[case.pk, job.pk])
    pages["job referral answer"] = body(client.get(answer))
    pages["job referral answer with errors"] = body(client.post(answer, {"status": "refused"}))
    employment = reverse("cases:case-employment", args=[case.pk])
    pages["employment"] = body(client.get(employment))
    pages["employment with errors"] = body(client.post(employment, {}))
    JobReferral.objects.filter(pk=job.pk).update(status="hired")
    pages["employment [by referral]"] = body(client.get(employment))
    return pages
