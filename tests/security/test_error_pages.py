"""Error pages leak nothing: a 500 in production mode (DEBUG off) shows no traceback, no SNILS,
no SQL; a 404 does not echo the address typed."""

from unittest import mock

from django.db import ProgrammingError
from django.test import Client, override_settings
from django.urls import reverse

SNILS = "112-233-445 95"
SQL = 'SELECT "cases_citizen"."snils" FROM "cases_citizen" WHERE last_name = \'Иванов\''


@override_settings(DEBUG=False, DEBUG_PROPAGATE_EXCEPTIONS=False)
def test_a_500_shows_no_traceback_snils_or_sql(users):
    client = Client(raise_request_exception=False)
    client.force_login(users["curator"])
    with mock.patch("cases.views.work.render", side_effect=ProgrammingError(f"{SQL} {SNILS}")):
        response = client.get(reverse("cases:my-work"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "<h1>Сбой на сервере</h1>" in html
    for leak in (SNILS, "SELECT", "cases_citizen", "Иванов", "Traceback", "ProgrammingError"):
        assert leak not in html, leak
    assert response["Content-Security-Policy"]


def test_a_404_does_not_echo_the_address(client, db):
    response = client.get("/staff/cases/999999/112-233-445-95/?snils=11223344595")
    assert response.status_code == 404
    html = response.content.decode()
    assert "112-233-445" not in html and "11223344595" not in html
