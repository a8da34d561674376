"""Booking in the Chelyabinsk centre, which works on Yekaterinburg time (UTC+5, the server
keeps Moscow time, UTC+3): the centre's clock decides, never the server's.

Time is controlled by patching `django.utils.timezone.now`; 1 March 2027 is a Monday.
"""

import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.urls import reverse

from cases.models import Appointment
from portal.models import Centre

UTC = datetime.UTC
MONDAY, TUESDAY = datetime.date(2027, 3, 1), datetime.date(2027, 3, 2)


@pytest.fixture
def chelyabinsk(db):
    centre = Centre.objects.get(slug="chelyabinsk")
    assert centre.timezone == "Asia/Yekaterinburg"
    assert (centre.opens_at, centre.closes_at) == (datetime.time(8, 30), datetime.time(17, 30))
    assert centre.working_days == "12345"
    return centre


@pytest.fixture(autouse=True)
def _clear_rate_limit():
    cache.clear()


def at_utc(*args):
    return mock.patch(
        "django.utils.timezone.now", return_value=datetime.datetime(*args, tzinfo=UTC)
    )


def book(client, centre, day, time, name="Гульшат Часовая"):
    return client.post(
        "/zapis/",
        {
            "centre": centre.pk,
            "name": name,
            "phone": "+7 351 222-33-44",
            "date": day.isoformat(),
            "time": time,
            "consent": "on",
            "website": "",
        },
    )


def test_the_time_chosen_is_the_centres_wall_clock(client, chelyabinsk):
    with at_utc(2027, 3, 1, 12, 0):
        assert book(client, chelyabinsk, TUESDAY, "08:30").status_code == 302
    saved = Appointment.objects.get(name="Гульшат Часовая")
    # 08:30 in Chelyabinsk is 03:30 UTC (06:30 in Moscow, where the server's clock is).
    assert saved.starts_at == datetime.datetime(2027, 3, 2, 3, 30, tzinfo=UTC)
    done = client.get(reverse("booking-done")).content.decode()
    assert "08:30" in done and "06:30" not in done


@pytest.mark.parametrize(
    ("time", "accepted"),
    [("08:00", False), ("08:30", True), ("17:00", True), ("17:30", False), ("12:00", True)],
)
def test_working_hours_are_the_centres_08_30_to_17_30(client, chelyabinsk, time, accepted):
    with at_utc(2027, 3, 1, 12, 0):
        response = book(client, chelyabinsk, TUESDAY, time)
    assert response.status_code == (302 if accepted else 422)
    assert Appointment.objects.filter(name="Гульшат Часовая").exists() is accepted
    if not accepted:
        assert "Центр принимает с 08:30 до 17:30" in response.content.decode()


def test_a_time_already_past_in_chelyabinsk_is_refused_though_not_yet_in_moscow(
    client, chelyabinsk
):
    # 04:00 UTC on Tuesday: 09:00 in Chelyabinsk, 07:00 in Moscow.
    with at_utc(2027, 3, 2, 4, 0):
        late = book(client, chelyabinsk, TUESDAY, "08:30", name="Опоздавший")
        on_time = book(client, chelyabinsk, TUESDAY, "09:30", name="Успевший")
    assert late.status_code == 422
    assert "Это время уже прошло" in late.content.decode()
    assert not Appointment.objects.filter(name="Опоздавший").exists()
    assert on_time.status_code == 302
    assert Appointment.objects.get(name="Успевший").starts_at == datetime.datetime(
        2027, 3, 2, 4, 30, tzinfo=UTC
    )


def test_after_midnight_in_chelyabinsk_today_is_already_tuesday(client, chelyabinsk, users):
    # 19:10 UTC on Monday: 00:10 on Tuesday in Chelyabinsk, still 22:10 on Monday in Moscow.
    with at_utc(2027, 3, 1, 19, 10):
        assert book(client, chelyabinsk, TUESDAY, "08:30").status_code == 302
        monday_evening = book(client, chelyabinsk, MONDAY, "17:00", name="Вчерашний")
        client.force_login(users["curator74"])
        journal = client.get(reverse("cases:appointments")).content.decode()
    assert monday_evening.status_code == 422
    assert not Appointment.objects.filter(name="Вчерашний").exists()
    # The journal opens on the centre's today, Tuesday, with the booking at 08:30.
    assert "Гульшат Часовая" in journal
    assert "08:30" in journal


def test_the_staff_journal_shows_chelyabinsk_times(client, chelyabinsk, users):
    Appointment.objects.create(
        centre=chelyabinsk,
        starts_at=datetime.datetime(2027, 3, 2, 8, 30, tzinfo=ZoneInfo("Asia/Yekaterinburg")),
        name="Записанная Заранее",
        phone="+7 351 000-00-00",
    )
    client.force_login(users["curator74"])
    journal = client.get(reverse("cases:appointments"), {"day": "2027-03-02"}).content.decode()
    assert "Записанная Заранее" in journal and "08:30" in journal
