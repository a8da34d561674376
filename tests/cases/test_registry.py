"""The registry of recipients: filters, search, sort, pagination without COUNT, export."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from cases import route_graph as r
from cases.choices import PlanItemStatus
from cases.models import PlanItem
from portal.calendar import calendar_for
from portal.spreadsheets import neutralise

URL = "/staff/registry/"


@pytest.fixture
def curator_client(client, users):
    client.force_login(users["curator"])
    return client


def search(client, **data):
    client.post(URL, {"reset": "1"})
    response = client.post(URL, data)
    assert response.status_code == 302 and response["Location"] == URL
    return client.get(URL).content.decode()


def test_search_is_posted_and_kept_out_of_the_url(curator_client, new_case):
    case = new_case("Ёлкин", "Фёдор")
    body = search(curator_client, q="ЕЛКИН федор")
    assert "Ёлкин Фёдор Ильич" in body
    assert reverse("cases:case-detail", args=[case.pk]) in body
    # The term travelled in the POST body and sits in the server-side session only.
    response = curator_client.post(URL, {"q": "ЕЛКИН федор"})
    assert response["Location"] == URL
    assert QueryDict(curator_client.session["registry_filters"])["q"] == "ЕЛКИН федор"
    assert "?" not in response["Location"]
    snils = case.citizen.snils
    assert "Ёлкин" in search(curator_client, q=f"{snils[:3]} {snils[3:6]}-{snils[6:]}")


def test_filters_by_state_situation_curator_and_overdue(curator_client, case_at, users):
    in_service = case_at(r.IN_SERVICE)
    suspended = case_at(r.SUSPENDED)
    item = in_service.plan_items.exclude(status__in=PlanItemStatus.finished()).first()
    PlanItem.objects.filter(pk=item.pk).update(
        due_date=timezone.localdate() - datetime.timedelta(days=5)
    )
    body = search(curator_client, state=[r.SUSPENDED])
    assert suspended.number in body and in_service.number not in body
    body = search(curator_client, overdue="on", q=in_service.citizen.last_name)
    assert in_service.number in body
    body = search(curator_client, overdue="on", q=suspended.citizen.snils)
    assert "Ничего не найдено" in body
    body = search(
        curator_client,
        curator=users["curator"].pk,
        life_situation=in_service.life_situation_id,
        state=[r.IN_SERVICE],
    )
    assert in_service.number in body and suspended.number not in body


def test_sorting_and_pagination_without_counting(curator_client, new_case):
    for i in range(30):
        new_case(f"Аааев{i:02d}")
    curator_client.post(URL, {"reset": "1"})
    with CaptureQueriesContext(connection) as ctx:
        body = curator_client.get(URL + "?sort=citizen").content.decode()
    assert 'aria-sort="ascending"' in body
    assert not [q for q in ctx.captured_queries if "COUNT(" in q["sql"].upper()]
    assert "Страница 1" in body and "Следующая" in body
    assert body.index("Аааев00") < body.index("Аааев01")
    body = curator_client.get(URL + "?sort=-citizen&page=2").content.decode()
    assert "Страница 2" in body and "Предыдущая" in body
    assert 'aria-sort="descending"' in body


@pytest.fixture
def own_centre(users, situation):
    """A centre of its own with a curator, so that the registry shows only the test's cases."""
    from cases.views.registry import PER_PAGE
    from tests.factories import UserFactory

    assert PER_PAGE == 25
    curator = UserFactory()
    curator.groups.set(users["curator"].groups.all())
    reception = UserFactory(centre=curator.centre)
    reception.groups.set(users["reception"].groups.all())

    def add_cases(n):
        from tests.factories import CaseFactory

        for i in range(n):
            CaseFactory(opened_by=reception, life_situation=situation, last_name=f"Своев{i:02d}")

    return curator, add_cases


def registry_queries(client, page=1):
    with CaptureQueriesContext(connection) as queries:
        body = client.get(URL, {"page": page}).content.decode()
    return len(queries.captured_queries), body.count("Своев")


def test_query_budget_does_not_grow_with_the_number_of_cases(client, own_centre):
    curator, add_cases = own_centre
    client.force_login(curator)
    client.post(URL, {"reset": "1"})
    client.get(URL)  # sessions, permissions and the like are cached from here on
    add_cases(30)
    thirty, rows = registry_queries(client)
    assert rows >= 25
    last_page, last_rows = registry_queries(client, page=2)
    add_cases(30)
    sixty, rows_sixty = registry_queries(client)
    assert rows_sixty == rows
    # The same number of queries for 30 cases and for 60, and for a full page of 25 rows and
    # the last page of 5: nothing is counted over all cases, nothing is asked row by row.
    assert thirty == sixty == last_page, (thirty, sixty, last_page)
    assert 0 < last_rows < rows


def test_other_centre_sees_none_of_our_cases(client, users, new_case):
    case = new_case("Секретов")
    client.force_login(users["curator74"])
    assert case.number not in search(client, q="Секретов")
    export = client.get(reverse("cases:registry-export", args=["csv"]))
    assert "Секретов" not in b"".join(export.streaming_content).decode()


@pytest.mark.parametrize("value", ['=HYPERLINK("x")', "+7 900", "-1+1", "@SUM(A1)"])
def test_formula_cells_are_neutralised(value):
    assert neutralise(value) == "'" + value
    assert neutralise("Иванов") == "Иванов"


def test_csv_and_xlsx_exports_neutralise_formulas(curator_client, new_case):
    case = new_case("=cmd|' /C calc'!A0", "@Имя")
    search(curator_client, q=case.citizen.snils)
    response = curator_client.get(reverse("cases:registry-export", args=["csv"]))
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][0] == "Случай" and len(rows) == 2
    assert rows[1][1] == "'=cmd|' /C calc'!A0" and rows[1][2] == "'@Имя"
    response = curator_client.get(reverse("cases:registry-export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell.value for cell in sheet[2]]
    assert values[1] == "'=cmd|' /C calc'!A0" and values[2] == "'@Имя"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_registry_without_javascript_and_with_htmx(curator_client):
    response = curator_client.post(URL, {"state": [r.CLOSED]}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="results"')
    assert "data-announce" in body


def test_registry_pages_are_never_cached(curator_client):
    assert "no-store" in curator_client.get(URL)["Cache-Control"]


def test_overdue_counts_business_days_as_everywhere_else(curator_client, case_at, users):
    """An item due on a date whose next business day has not yet passed is not overdue in the
    registry (as on the case page and in «Моя работа»); one due a business day earlier is."""
    case = case_at(r.IN_SERVICE)
    item = case.plan_items.exclude(status__in=PlanItemStatus.finished()).first()
    calendar = calendar_for(case.centre)
    today = timezone.localdate()
    cutoff = calendar.late_cutoff(today)
    PlanItem.objects.filter(pk=item.pk).update(due_date=cutoff + datetime.timedelta(days=1))
    assert calendar.days_late(cutoff + datetime.timedelta(days=1), today) == 0
    body = search(curator_client, overdue="on", q=case.citizen.last_name)
    assert "Ничего не найдено" in body
    PlanItem.objects.filter(pk=item.pk).update(due_date=cutoff)
    body = search(curator_client, overdue="on", q=case.citizen.last_name)
    assert case.number in body
