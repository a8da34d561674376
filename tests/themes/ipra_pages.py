"""The IPRA screens for the HTML validity check (tests/themes/test_markup.py): every page and
the states that change their markup (errors, the measure edit form, the warning, the import's
rejected rows)."""

import random

from django.urls import reverse
from django.utils import timezone

from cases import route_graph as r
from cases import services
from cases.models import Ipra
from content.models import ServicePage
from fixtures.ipra_demo import fictional_row, write_csv
from portal.models import Centre
from tests.cases.ipra_helpers import SAMPLE_CSV


def ipra_pages(client, users, case_at, body, tmp_path):
    client.force_login(users["curator"])
    case = case_at(r.IN_SERVICE)
    row = fictional_row(
        987_001, today=timezone.localdate(), rng=random.Random(1), snils=case.citizen.snils
    )
    row["Противопоказания"] = (
        "Противопоказан тяжелый физический труд; противопоказано значительное зрительное напряжение"
    )
    row["Мероприятия"] = "Содействие в трудоустройстве; Профессиональное обучение"
    path = tmp_path / "markup.csv"
    write_csv(path, [row])
    centre = Centre.objects.get(slug="nchelny")
    ipra = Ipra.objects.get(import_job=services.ipra.import_file(path, centre))
    job = services.ipra.import_file(SAMPLE_CSV, centre)
    today = timezone.localdate()
    period = {"date_from": today.replace(day=1), "date_to": today}
    pages = {
        "ipra registry": body(client.get(reverse("cases:ipra-registry"))),
        "ipra card": body(client.get(reverse("cases:ipra-detail", args=[ipra.pk]))),
        "ipra card, action with errors": body(
            client.post(
                reverse("cases:ipra-transition", args=[ipra.pk, "acquaint"]),
                {"expected_state": ipra.state, "on": ""},
            )
        ),
        "ipra card, measure edited": body(
            client.get(reverse("cases:ipra-measure", args=[ipra.pk, ipra.measures.first().pk]))
        ),
        "ipra print": body(client.get(reverse("cases:ipra-print", args=[ipra.pk]))),
        "ipra report print": body(client.get(reverse("cases:ipra-report", args=[ipra.pk]))),
        "ipra journal": body(client.get(reverse("cases:ipra-journal"), period)),
        "ipra journal, bad period": body(
            client.get(
                reverse("cases:ipra-journal"), {"date_from": "2026-03-01", "date_to": "2026-02-01"}
            )
        ),
        "ipra journal print": body(client.get(reverse("cases:ipra-journal-print"), period)),
        "ipra reports": body(client.get(reverse("cases:ipra-reports"))),
        "ipra reports print": body(client.get(reverse("cases:ipra-reports-print"), period)),
        "ipra imports": body(client.get(reverse("cases:ipra-imports"))),
        "ipra imports, no file": body(client.post(reverse("cases:ipra-imports"), {})),
        "ipra import with rejected rows": body(
            client.get(reverse("cases:ipra-import", args=[job.pk]))
        ),
        "case with its IPRA": body(client.get(reverse("cases:case-detail", args=[case.pk]))),
    }
    client.post(reverse("cases:ipra-registry"), {"q": ipra.number, "deadline": "within"})
    pages["ipra registry, searched"] = body(client.get(reverse("cases:ipra-registry")))
    due = (today + timezone.timedelta(days=10)).isoformat()
    pages["case plan, contraindication warning"] = body(
        client.post(
            reverse("cases:plan-add", args=[case.pk]),
            {
                "service": ServicePage.objects.get(slug="public-works").pk,
                "due_date": due,
                "need_determined_on": today.isoformat(),
            },
        )
    )
    services.ipra.run_ipra_transition(users["curator"], ipra, "acquaint", on=today, method="phone")
    services.ipra.run_ipra_transition(users["curator"], ipra, "form_measures", on=today)
    pages["case, IPRA measures contraindicated"] = body(
        client.post(reverse("cases:case-ipra-plan", args=[case.pk]))
    )
    client.force_login(users["employers"])
    pages["ipra card [employer-zone specialist]"] = body(
        client.get(reverse("cases:ipra-detail", args=[ipra.pk]))
    )
    return pages
