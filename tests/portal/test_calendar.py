"""The production calendar (issue 12 point 4): the federal calendar of the `holidays` library
with the government's transfers and working Saturdays for the years in use, the regions' own days
off kept in the admin, business-day arithmetic across long holidays, and route deadlines counted
in business days (tests/cases/test_business_deadlines.py)."""

import datetime

import pytest
from django.urls import reverse

from portal.calendar import BusinessCalendar, calendar_for
from portal.models import CalendarDay, CalendarDayKind, Centre

pytestmark = pytest.mark.django_db
D = datetime.date.fromisoformat
TATARSTAN = "Республика Татарстан"


@pytest.mark.parametrize(
    ("day", "business"),
    [
        # 2024, decree of 10.08.2023 № 1314: Saturdays 27 April, 2 November, 28 December worked;
        # 29–30 April, 10 May, 30–31 December off.
        ("2024-04-27", True),
        ("2024-11-02", True),
        ("2024-12-28", True),
        ("2024-04-29", False),
        ("2024-05-10", False),
        ("2024-12-30", False),
        # 2025, decree of 04.10.2024 № 1335: Saturday 1 November worked, 3 November off;
        # 2 and 8 May, 31 December off.
        ("2025-11-01", True),
        ("2025-11-03", False),
        ("2025-05-02", False),
        ("2025-05-08", False),
        ("2025-12-31", False),
        # 2026, decree of 24.09.2025 № 1466: 9 January, 9 March, 11 May, 31 December off.
        ("2026-01-09", False),
        ("2026-03-09", False),
        ("2026-05-11", False),
        ("2026-12-31", False),
        ("2026-01-12", True),
        # Plain weekdays and weekends.
        ("2026-12-02", True),
        ("2026-12-05", False),
    ],
)
def test_the_federal_calendar_carries_the_transfers(day, business):
    assert BusinessCalendar().is_business_day(D(day)) is business


def test_a_regional_day_off_is_tatarstans_not_chelyabinsks():
    nchelny, chelyabinsk = (Centre.objects.get(slug=s) for s in ("nchelny", "chelyabinsk"))
    constitution_day = D("2026-11-06")  # a Friday
    assert not calendar_for(nchelny).is_business_day(constitution_day)
    assert calendar_for(chelyabinsk).is_business_day(constitution_day)
    assert "Конституции" in calendar_for(nchelny).day_off_name(constitution_day)
    # Republic Day 2026 falls on a Sunday: the day off moves to Monday 31 August.
    assert not calendar_for(nchelny).is_business_day(D("2026-08-31"))
    assert calendar_for(chelyabinsk).is_business_day(D("2026-08-31"))


def test_a_federal_override_and_a_working_day_entered_in_the_admin():
    calendar = BusinessCalendar(TATARSTAN)
    CalendarDay.objects.create(date=D("2027-12-30"), name="Перенос (постановление)")
    CalendarDay.objects.create(
        region=TATARSTAN, date=D("2027-12-30"), kind=CalendarDayKind.WORKING, name="Рабочий"
    )
    assert not BusinessCalendar("Челябинская область").is_business_day(D("2027-12-30"))
    assert calendar.is_business_day(D("2027-12-30"))  # the region's own day wins


def test_business_days_across_the_new_year_holidays():
    calendar = BusinessCalendar()
    # 30 December 2025 (Tuesday); 31 December and 1–11 January 2026 are days off.
    assert calendar.add_business_days(D("2025-12-30"), 1) == D("2026-01-12")
    assert calendar.add_business_days(D("2025-12-30"), 3) == D("2026-01-14")
    assert calendar.add_business_days(D("2026-01-03"), 0) == D("2026-01-12")
    assert calendar.add_business_days(D("2026-01-12"), 0) == D("2026-01-12")
    assert calendar.business_days_between(D("2025-12-29"), D("2026-01-12")) == 2
    assert calendar.business_days_between(D("2026-01-12"), D("2026-01-12")) == 0


def test_one_query_per_centre_and_year(django_assert_num_queries):
    calendar = BusinessCalendar(TATARSTAN)
    with django_assert_num_queries(2):  # 2025 and 2026, whatever the number of days asked
        calendar.add_business_days(D("2025-12-01"), 40)
        calendar.business_days_between(D("2025-12-01"), D("2026-03-01"))


def test_editors_keep_the_calendar_and_a_second_entry_of_a_day_is_refused(client):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="editor"))
    CalendarDay.objects.create(region=TATARSTAN, date=D("2028-08-30"), name="День Республики")
    url = reverse("wagtailsnippets_portal_calendarday:add")
    response = client.post(
        url, {"region": TATARSTAN, "date": "2028-08-30", "kind": "day_off", "name": "Дубль"}
    )
    assert response.status_code == 200
    assert "Этот день для этого субъекта РФ уже указан" in response.content.decode()
    assert CalendarDay.objects.filter(date=D("2028-08-30")).count() == 1
    assert 'value="Дубль"' in response.content.decode()


def test_the_late_cutoff_agrees_with_days_late_across_holidays_and_regional_days():
    """The registry's «просрочено» is a SQL comparison with late_cutoff; it must say what
    days_late says for every due date and day: New Year holidays, a transferred day off, and
    Tatarstan's 30 August and 6 November."""
    for region in ("Республика Татарстан", "Челябинская область"):
        calendar = BusinessCalendar(region)
        start = datetime.date(2026, 8, 20)
        for offset in range(170):
            today = start + datetime.timedelta(days=offset)
            cutoff = calendar.late_cutoff(today)
            for back in range(0, 20):
                due = today - datetime.timedelta(days=back)
                assert (due <= cutoff) == (calendar.days_late(due, today) > 0), (region, due, today)
