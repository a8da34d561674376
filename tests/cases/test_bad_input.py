"""Bad input never answers 500: impossible days, unknown statuses, far-off years."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from cases.forms_booking import BOOKING_HORIZON_DAYS
from cases.models import Appointment
from portal.models import Centre


@pytest.fixture(autouse=True)
def _clear_rate_limit():
    cache.clear()


@pytest.mark.parametrize("day", ["2026-02-30", "9999-12-31", "0001-01-01", "2026-13-01", "вчера"])
def test_the_journal_shows_today_with_a_message_for_a_day_that_is_not_one(client, users, day):
    client.force_login(users["reception"])
    response = client.get(reverse("cases:appointments"), {"day": day})
    assert response.status_code == 200
    html = response.content.decode()
    assert "не существует или вне журнала" in html and day in html
    assert timezone.localdate().strftime("%Y") in html


def test_the_journal_reads_a_real_day_without_a_message(client, users):
    client.force_login(users["reception"])
    response = client.get(reverse("cases:appointments"), {"day": "2026-03-02"})
    assert response.status_code == 200
    assert "не существует" not in response.content.decode()
    assert response.context["day"] == datetime.date(2026, 3, 2)


def test_an_unknown_appointment_status_is_refused_and_nothing_changes(client, users):
    client.force_login(users["reception"])
    appointment = Appointment.objects.filter(centre=users["reception"].centre).first()
    before = appointment.status
    url = reverse("cases:appointment-status", args=[appointment.pk])
    response = client.post(url, {"status": "lost"}, headers={"HX-Request": "true"})
    assert response.status_code == 422
    assert "Неизвестный статус записи." in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.status == before
    response = client.post(url, {"status": "lost"})
    assert response.status_code == 302
    assert "Неизвестный статус записи." in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("year", [9999, 2200])
def test_public_booking_far_in_the_future_is_refused_next_to_the_date(client, db, year):
    centre = Centre.objects.get(slug="nchelny")
    count = Appointment.objects.count()
    data = {
        "centre": centre.pk,
        "name": "Зульфия",
        "phone": "+7 917 222-33-44",
        "date": f"{year}-12-31",
        "time": "23:45",
        "consent": "on",
        "website": "",
    }
    response = client.post("/zapis/", data)
    assert response.status_code == 422
    form = response.context["form"]
    assert "не более чем на 90 дней вперёд" in form.errors["date"][0]
    assert form["date"].value() == f"{year}-12-31" and form["name"].value() == "Зульфия"
    assert Appointment.objects.count() == count
    assert BOOKING_HORIZON_DAYS == 90
