"""A fixed-window rate limit per client address, kept in the "limits" cache: Redis when
REDIS_URL is set, otherwise a database table (portal/settings.py), so that every app process
counts the same attempts.

Used for the anonymous forms (booking, surveys) instead of a CAPTCHA, together with a honeypot
field. Behind a reverse proxy the client is found in X-Forwarded-For, but only through the
proxies named in settings.TRUSTED_PROXIES: otherwise anyone could send the header and pick
their own address, and without it one proxy would make the whole city share one limit.
"""

import functools
import ipaddress
import math
import time

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import router, transaction

from portal.models import LimitsCacheEntry

LIMITS_CACHE = "limits"


@functools.cache
def _networks(proxies):
    return tuple(ipaddress.ip_network(p, strict=False) for p in proxies)


def _trusted(address):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request):
    """The client's address: REMOTE_ADDR, or — when that is a trusted proxy — the right-most
    address of X-Forwarded-For that is not one of our proxies."""
    address = request.META.get("REMOTE_ADDR", "")
    if not settings.TRUSTED_PROXIES or not _trusted(address):
        return address
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed([h for h in hops if h]):
        if not _trusted(hop):
            return hop
        address = hop
    return address


def hit(scope, request, limit, window):
    """Count one attempt for this address in `scope`; True when the limit is already reached."""
    cache = caches[LIMITS_CACHE]
    key = f"rate:{scope}:{client_ip(request)}"
    if isinstance(cache, DatabaseCache):
        return _hit_in_database(cache, key, limit, window)
    count = cache.get_or_set(key, 0, window)
    if count >= limit:
        return True
    try:
        cache.incr(key)  # atomic in Redis, and the key keeps its expiry
    except ValueError:  # expired between the two calls
        cache.set(key, 1, window)
    return False


def _hit_in_database(cache, key, limit, window):
    """The same count in Django's DatabaseCache, whose incr() is a get and a set that also
    restarts the expiry: the value carries the window's end, and the cache row is locked for
    the read-and-write, so two processes counting at once do not both pass on one count."""
    with transaction.atomic(using=router.db_for_write(LimitsCacheEntry)):
        locked = LimitsCacheEntry.objects.select_for_update().filter(
            cache_key=cache.make_and_validate_key(key)
        )
        list(locked.values_list("pk", flat=True))
        now = time.time()
        count, ends_at = cache.get(key) or (0, now + window)
        if ends_at <= now:
            count, ends_at = 0, now + window
        if count >= limit:
            return True
        cache.set(key, (count + 1, ends_at), max(1, math.ceil(ends_at - now)))
    return False
