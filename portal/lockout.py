"""Sign-in lockout (django-axes, configured in portal/settings.py, described in docs/security.md).

Axes counts the failed sign-ins in its database table, so every app process sees the same
counts: AXES_FAILURE_LIMIT failures for one username lock that username from every address,
as many from one address lock that address for every username, until AXES_COOLOFF_TIME after
the failures that reached the limit. Here: the address axes counts, the message and the status of
the refused sign-in, the list of current lockouts and the administrator's unlock (recorded in
Wagtail's audit log).
"""

import ipaddress
import math
from dataclasses import dataclass
from datetime import datetime

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db import models, transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import log_actions

from portal import ratelimit

UNLOCK_ACTION = "portal.unlock_signin"
UNLOCK_PERMISSION = "portal.unlock_accounts"


class LockKind(models.TextChoices):
    """What a lockout holds: a username (from every address) or an address (for every name)."""

    USERNAME = "username", gettext_lazy("учётная запись")
    ADDRESS = "ip_address", gettext_lazy("адрес")


@dataclass(frozen=True)
class Lockout:
    kind: LockKind
    value: str
    failures: int
    last_attempt: datetime
    until: datetime

    @property
    def kind_label(self):
        return LockKind(self.kind).label


def client_address(request):
    """The address axes counts (AXES_CLIENT_IP_CALLABLE): the client behind trusted proxies only,
    as for the rate limits (portal.ratelimit.client_ip); something that is not an address (a
    misconfigured proxy) falls back to the peer, so it can neither break nor dodge the count."""
    for candidate in (ratelimit.client_ip(request), request.META.get("REMOTE_ADDR", "")):
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None


def _lifted_at(rows, limit, cool_off):
    """When a lockout made of `rows` ((last failure, failures) of each attempt record, newest
    first) ends: the records count while younger than `cool_off`, so the lockout lasts until
    the newest records alone no longer reach `limit`. None when they never did."""
    total = 0
    for attempt_time, failures in rows:
        total += failures
        if total >= limit:
            return attempt_time + cool_off
    return None


def locked_until(request, credentials=None):
    """The end of the lockout that refused this request's sign-in (None: no end but an unlock).
    Needs the attributes axes put on the request while it authenticated."""
    cool_off = get_cool_off(request)
    if cool_off is None:
        return None
    handler = AxesProxyHandler.get_implementation()
    if not hasattr(handler, "get_user_attempts"):  # not the database handler: no record times
        return timezone.now() + cool_off
    ends = []
    for attempts in handler.get_user_attempts(request, credentials):
        rows = attempts.order_by("-attempt_time").values_list(
            "attempt_time", "failures_since_start"
        )
        end = _lifted_at(rows, settings.AXES_FAILURE_LIMIT, cool_off)
        if end is not None:
            ends.append(end)
    return max(ends, default=None)


def lockout_message(until, now=None):
    """The same words for a locked username and a locked address, whether or not the username
    exists: nothing here tells a guesser which of their guesses is a real account."""
    if until is None:
        return _(
            "Вход временно заблокирован: было слишком много неудачных попыток входа под этим "
            "именем или с этого адреса. Позвоните администратору портала, чтобы снять блокировку."
        )
    now = now or timezone.now()
    minutes = max(1, math.ceil((until - now).total_seconds() / 60))
    return _(
        "Вход временно заблокирован: было слишком много неудачных попыток входа под этим "
        "именем или с этого адреса. Попробуйте снова после %(time)s (через %(minutes)s мин.). "
        "Если войти нужно раньше, позвоните администратору портала."
    ) % {"time": timezone.localtime(until).strftime("%H:%M %Z"), "minutes": minutes}


def mark_shown(request):
    """The login form calls this when it shows the lockout message on its own page."""
    request.marshrut_lockout_shown = True


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the login page the form already rendered with the lockout message,
    with status 429; anything else that authenticated gets the message as text."""
    status = settings.AXES_HTTP_RESPONSE_CODE
    if original_response is not None and getattr(request, "marshrut_lockout_shown", False):
        original_response.status_code = status
        return original_response
    message = lockout_message(locked_until(request, credentials))
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


def can_unlock(user):
    return user.is_active and user.has_perm(UNLOCK_PERMISSION)


def current_lockouts(now=None):
    """Every lockout in force, by username and by address, the one ending last first."""
    now = now or timezone.now()
    cool_off = get_cool_off()
    limit = settings.AXES_FAILURE_LIMIT
    recent = AccessAttempt.objects.all()
    if cool_off is not None:
        recent = recent.filter(attempt_time__gte=now - cool_off)
    found = []
    for kind in LockKind:
        values = recent.exclude(**{kind.value: None}).values_list(kind.value, flat=True)
        for value in sorted(set(values)):
            rows = list(
                recent.filter(**{kind.value: value})
                .order_by("-attempt_time")
                .values_list("attempt_time", "failures_since_start")
            )
            failures = sum(row[1] for row in rows)
            if cool_off is None:
                until = now if failures >= limit else None
            else:
                until = _lifted_at(rows, limit, cool_off)
            if until is not None and (cool_off is None or until > now):
                found.append(
                    Lockout(
                        kind=kind,
                        value=value,
                        failures=failures,
                        last_attempt=rows[0][0],
                        until=until,
                    )
                )
    return sorted(found, key=lambda lock: lock.until, reverse=True)


@transaction.atomic
def unlock(kind, value, user):
    """Forget every failed sign-in of this username or from this address, and record who did it
    in Wagtail's audit log. The number of records removed (0: nothing was locked)."""
    kind = LockKind(kind)
    attempts = AccessAttempt.objects.select_for_update().filter(**{kind.value: value})
    records = list(attempts.order_by("-attempt_time"))
    if not records:
        return 0
    log_actions.log(
        records[0],
        UNLOCK_ACTION,
        user=user,
        title=f"{kind.label}: {value}",
        data={"kind": kind.value, "failures": sum(r.failures_since_start for r in records)},
    )
    AccessAttempt.objects.filter(pk__in=[r.pk for r in records]).delete()
    return len(records)
