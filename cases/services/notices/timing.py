"""When a notice may go: never in the night of the centre's time zone."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings

REMINDER_HOUR = 10  # reminders the day before, and invitations, go at 10:00 local time
LEASE = datetime.timedelta(minutes=5)  # a notice "sending" longer than this lost its worker
GRACE = datetime.timedelta(minutes=5)  # a due notice waiting longer than this lost its task
BACKOFF = [datetime.timedelta(minutes=m) for m in (1, 5, 15, 60)]  # between failed attempts
MAX_ATTEMPTS = len(BACKOFF) + 1


def quiet_hours():
    """(start, end) hours of the night: (21, 9) unless NOTICE_QUIET_HOURS says otherwise."""
    return getattr(settings, "NOTICE_QUIET_HOURS", (21, 9))


def at_local(day, hour, tz):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=ZoneInfo(tz))


def allowed_moment(moment, tz):
    """`moment` itself, or the end of the night it falls in (centre's local time)."""
    start, end = quiet_hours()
    local = moment.astimezone(ZoneInfo(tz))
    if local.hour >= start:
        return at_local(local.date() + datetime.timedelta(days=1), end, tz)
    if local.hour < end:
        return at_local(local.date(), end, tz)
    return moment


def backoff(attempts):
    return BACKOFF[min(attempts, len(BACKOFF)) - 1]


def stamp(moment):
    """A moment as it goes into a key: the same whatever time zone it is read in."""
    return moment.astimezone(datetime.UTC).strftime("%Y%m%d%H%M")
