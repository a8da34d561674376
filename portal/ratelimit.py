"""A fixed-window rate limit per client address, kept in the cache (Redis in production).

Used for the anonymous forms (booking, surveys) instead of a CAPTCHA, together with a honeypot
field.
"""

from django.core.cache import cache


def client_ip(request):
    return request.META.get("REMOTE_ADDR", "")


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
