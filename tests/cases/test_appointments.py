"""Public booking and the staff appointments journal."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from cases.choices import AppointmentSource, AppointmentStatus
from cases.models import Appointment
from portal.models import Centre


def next_working_day(centre, days_ahead=1):
    day = timezone.localdate() + datetime.timedelta(days=days_ahead)
    while str(day.isoweekday()) not in centre.working_days:
        day += datetime.timedelta(days=1)
    return day


@pytest.fixture
def chelny(db):
    return Centre.objects.get(slug="nchelny")


@pytest.fixture(autouse=True)
def _clear_rate_limit():
    cache.clear()


def booking_data(centre, **extra):
    return {
        "centre": centre.pk,
        "name": "Зульфия Тестовна",
        "phone": "+7 917 222-33-44",
        "date": next_working_day(centre).isoformat(),
        "time": "10:30",
        "consent": "on",
        "website": "",
        **extra,
    }


def test_public_booking_asks_little_confirms_and_lands_in_the_journal(client, chelny, users):
    page = client.get("/zapis/")
    assert page.status_code == 200
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]
    body = page.content.decode()
    for field in ("name", "phone", "date", "time", "consent", "needs_assistance"):
        assert f'name="{field}"' in body
    assert 'name="snils"' not in body and 'name="email"' not in body
    response = client.post("/zapis/", booking_data(chelny, needs_assistance="on"))
    assert response["Location"] == "/zapis/gotovo/"
    done = client.get("/zapis/gotovo/").content.decode()
    assert "Вы записаны на консультацию" in done and "10:30" in done
    assert "(8552) 52-47-10" in done and "Паспорт" in done
    appointment = Appointment.objects.get(name="Зульфия Тестовна")
    assert appointment.source == AppointmentSource.PUBLIC and appointment.needs_assistance
    assert timezone.localtime(appointment.starts_at, ZoneInfo(chelny.timezone)).hour == 10
    client.force_login(users["reception"])
    journal = client.get(
        reverse("cases:appointments"),
        {"day": appointment.starts_at.astimezone(ZoneInfo(chelny.timezone)).date()},
    )
    assert "Зульфия Тестовна" in journal.content.decode()


@pytest.mark.parametrize(
    ("change", "field_message"),
    [
        ({"date": "2020-01-10"}, "Это время уже прошло"),
        ({"time": "07:00"}, "Центр принимает с 08:00 до 17:00"),
        ({"time": "16:45"}, "Центр принимает с 08:00 до 17:00"),
        ({"phone": "позвоните"}, "Укажите телефон цифрами"),
        ({"consent": ""}, "Без согласия на обработку данных"),
        ({"name": ""}, "Напишите, как к вам обращаться"),
    ],
)
def test_bad_bookings_are_refused_next_to_the_field_keeping_what_was_typed(
    client, chelny, change, field_message
):
    data = booking_data(chelny, **change)
    response = client.post("/zapis/", data)
    assert response.status_code == 422
    body = response.content.decode()
    assert field_message in body
    assert 'class="error-summary"' in body and "autofocus" in body
    assert 'value="+7 917 222-33-44"' in body or change.get("phone")
    assert not Appointment.objects.filter(name="Зульфия Тестовна").exists()


def test_booking_on_a_day_off_is_refused(client, chelny):
    day = timezone.localdate() + datetime.timedelta(days=1)
    while str(day.isoweekday()) in chelny.working_days:
        day += datetime.timedelta(days=1)
    before = Appointment.objects.count()
    response = client.post("/zapis/", booking_data(chelny, date=day.isoformat()))
    assert response.status_code == 422
    assert "В этот день центр не принимает. Рабочие дни: пн, вт, ср, чт, пт" in (
        response.content.decode()
    )
    assert Appointment.objects.count() == before
    assert not Appointment.objects.filter(name="Зульфия Тестовна").exists()
    # The same booking on a working day goes through: the refusal was for the day alone.
    assert client.post("/zapis/", booking_data(chelny)).status_code == 302
    assert Appointment.objects.count() == before + 1


def test_honeypot_saves_nothing(client, chelny):
    response = client.post("/zapis/", booking_data(chelny, website="http://spam.example"))
    assert response.status_code == 302
    assert not Appointment.objects.filter(name="Зульфия Тестовна").exists()


def test_rate_limit_per_address(client, chelny):
    for i in range(5):
        client.post("/zapis/", booking_data(chelny, name=f"Посетитель {i}"))
    response = client.post("/zapis/", booking_data(chelny, name="Шестой"))
    assert response.status_code == 429
    assert "Слишком много записей" in response.content.decode()
    assert not Appointment.objects.filter(name="Шестой").exists()


def test_staff_add_and_mark_appointments(client, chelny, users):
    client.force_login(users["reception"])
    day = next_working_day(chelny, 2)
    url = reverse("cases:appointments")
    bad = client.post(
        url,
        {
            "centre": chelny.pk,
            "name": "Марат Тестов",
            "phone": "+7 900 000 00 00",
            "date": day.isoformat(),
            "time": "18:00",
        },
    )
    assert bad.status_code == 422 and "Центр принимает с 08:00 до 17:00" in bad.content.decode()
    response = client.post(
        url,
        {
            "centre": chelny.pk,
            "name": "Марат Тестов",
            "phone": "+7 900 000 00 00",
            "date": day.isoformat(),
            "time": "11:00",
        },
    )
    assert response.status_code == 302
    appointment = Appointment.objects.get(name="Марат Тестов")
    assert appointment.source == AppointmentSource.STAFF and appointment.staff == users["reception"]
    client.post(reverse("cases:appointment-status", args=[appointment.pk]), {"status": "attended"})
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.ATTENDED


def test_journal_is_centre_scoped(client, chelny, users):
    client.force_login(users["curator74"])
    appointment = Appointment.objects.filter(centre=chelny).first()
    response = client.post(
        reverse("cases:appointment-status", args=[appointment.pk]), {"status": "cancelled"}
    )
    assert response.status_code == 404
    day = timezone.localtime(appointment.starts_at).date()
    body = client.get(reverse("cases:appointments"), {"day": day}).content.decode()
    assert f'id="appointment-{appointment.pk}"' not in body and appointment.phone not in body


def test_every_public_page_links_to_the_booking_form(client, db):
    for url in ("/", "/services/", "/tt/"):
        body = client.get(url).content.decode()
        assert 'href="/zapis/"' in body or 'href="/tt/zapis/"' in body, url


def test_booking_form_speaks_tatar_and_english(client, chelny):
    tt = client.get("/tt/zapis/").content.decode()
    assert "Консультациягә алдан язылу" in tt and "Сезгә ничек эндәшергә" in tt
    en = client.get("/en/zapis/").content.decode()
    assert "Book a consultation" in en and "Contact phone" in en
    response = client.post("/tt/zapis/", booking_data(chelny, time="07:00"))
    assert "арасында кабул итә" in response.content.decode()
