"""The production calendar (производственный календарь): which days are business days for a
centre.

The federal calendar comes from the `holidays` library (holidays.RU): public holidays, the
government's yearly transfers of days off and the weekend days made working days
(`weekend_workdays`) — tests/portal/test_calendar.py checks them for the years in use. On top of
it, `CalendarDay` rows kept in the admin: a region's own days off (Tatarstan's Ураза-байрам,
Курбан-байрам, 30 August, 6 November), and federal overrides (no region) for a transfer the
library does not carry yet. A calendar reads one year once: one query per centre and year.
"""

import datetime
from functools import lru_cache

import holidays
from django.db.models import Q

from portal.models import CalendarDay, CalendarDayKind


@lru_cache(maxsize=16)
def _federal(year):
    """(days off, weekend days that are working days) of the federal calendar for a year."""
    federal = holidays.RU(years=year, language="ru")
    return frozenset(federal), frozenset(d for d in federal.weekend_workdays if d.year == year)


class BusinessCalendar:
    def __init__(self, region=""):
        self.region = (region or "").strip()
        self._years = {}

    def _year(self, year):
        if year not in self._years:
            days_off, working = (set(s) for s in _federal(year))
            rows = CalendarDay.objects.filter(date__year=year).filter(
                Q(region="") | Q(region__iexact=self.region)
            )
            # The region's own days override the federal overrides of the same date.
            for day in sorted(rows, key=lambda d: bool(d.region)):
                if day.kind == CalendarDayKind.DAY_OFF:
                    days_off.add(day.date)
                    working.discard(day.date)
                else:
                    working.add(day.date)
                    days_off.discard(day.date)
            self._years[year] = (days_off, working)
        return self._years[year]

    def is_business_day(self, day):
        days_off, working = self._year(day.year)
        if day in working:
            return True
        return day not in days_off and day.weekday() < 5

    def day_off_name(self, day):
        """What the day is, when it is a day off by the calendar ("" otherwise)."""
        if self.is_business_day(day):
            return ""
        regional = CalendarDay.objects.filter(date=day).filter(
            Q(region="") | Q(region__iexact=self.region)
        )
        row = regional.order_by("-region").first()
        if row:
            return row.name
        return holidays.RU(years=day.year, language="ru").get(day) or "выходной"

    def add_business_days(self, start, days):
        """The `days`-th business day after `start` (`start` itself not counted); with 0, `start`
        if it is a business day, else the next one."""
        day = start
        if days <= 0:
            while not self.is_business_day(day):
                day += datetime.timedelta(days=1)
            return day
        left = days
        while left:
            day += datetime.timedelta(days=1)
            if self.is_business_day(day):
                left -= 1
        return day

    def days_late(self, due, today):
        """Business days past a due date: a date on a day off moves to the next business day,
        and it is late once a business day has passed after that (0 when not late)."""
        if due >= today:
            return 0
        return self.business_days_between(self.add_business_days(due, 0), today)

    def late_cutoff(self, today):
        """The latest due date that is late today (`due <= late_cutoff(today)` exactly when
        `days_late(due, today) > 0`): the business day before the last business day up to
        today. For a query: «просрочено» in SQL without reading each item."""
        last = today
        while not self.is_business_day(last):
            last -= datetime.timedelta(days=1)
        before = last - datetime.timedelta(days=1)
        while not self.is_business_day(before):
            before -= datetime.timedelta(days=1)
        return before

    def business_days_between(self, start, end):
        """Business days after `start` up to and including `end` (0 when end ≤ start)."""
        count, day = 0, start
        while day < end:
            day += datetime.timedelta(days=1)
            count += self.is_business_day(day)
        return count


def calendar_for(centre):
    return BusinessCalendar(centre.region if centre else "")
