"""A fixed-window rate limit per client address, kept in the cache (Redis in production).

Used for the anonymous forms (booking, surveys) instead of a CAPTCHA, together with a honeypot
field. Behind a reverse proxy the client is found in X-Forwarded-For, but only through the
proxies named in settings.TRUSTED_PROXIES: otherwise anyone could send the header and pick
their own address, and without it one proxy would make the whole city share one limit.
"""

import functools
import ipaddress

from django.conf import settings
from django.core.cache import cache


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
    key = f"rate:{scope}:{client_ip(request)}"
    count = cache.get_or_set(key, 0, window)
    if count >= limit:
        return True
    try:
        cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, window)
    return False
