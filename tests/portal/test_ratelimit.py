"""The rate limit counts the real client behind a trusted proxy, and only behind one."""

import time

import pytest
from django.core.cache import caches

from portal import ratelimit


@pytest.fixture(autouse=True)
def _clear(db):
    caches[ratelimit.LIMITS_CACHE].clear()


def request(rf, remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return rf.get("/zapis/", **headers)


def test_without_trusted_proxies_the_header_is_ignored(rf, settings):
    settings.TRUSTED_PROXIES = []
    assert ratelimit.client_ip(request(rf, "203.0.113.7", "198.51.100.1")) == "203.0.113.7"


def test_behind_a_trusted_proxy_the_client_is_the_forwarded_address(rf, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    r = request(rf, "127.0.0.1", "198.51.100.1, 10.1.2.3")
    assert ratelimit.client_ip(r) == "198.51.100.1"


def test_a_spoofed_header_from_an_untrusted_peer_is_ignored(rf, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert ratelimit.client_ip(request(rf, "203.0.113.7", "198.51.100.1")) == "203.0.113.7"
    # A client that prepends a fake hop to what our proxy appends gets its real address.
    r = request(rf, "127.0.0.1", "1.2.3.4, 198.51.100.9")
    assert ratelimit.client_ip(r) == "198.51.100.9"


def test_two_citizens_behind_one_proxy_have_their_own_limits(rf, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    first, second = (request(rf, "127.0.0.1", ip) for ip in ("198.51.100.1", "198.51.100.2"))
    assert [ratelimit.hit("t", first, 2, 60) for _ in range(3)] == [False, False, True]
    assert ratelimit.hit("t", second, 2, 60) is False


def test_garbage_in_the_header_does_not_break_the_limit(rf, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert ratelimit.client_ip(request(rf, "127.0.0.1", "not-an-ip, ,")) == "not-an-ip"
    assert ratelimit.client_ip(request(rf, "127.0.0.1", "")) == "127.0.0.1"


def test_the_window_is_fixed_and_ends_on_time(rf, settings, monkeypatch):
    """The database cache's own incr() would restart the expiry at its default 300 s; the
    window must end `window` seconds after the first attempt, however many follow."""
    settings.TRUSTED_PROXIES = []
    clock = [time.time()]
    monkeypatch.setattr(ratelimit.time, "time", lambda: clock[0])
    client = request(rf, "198.51.100.3")
    assert [ratelimit.hit("w", client, 2, 600) for _ in range(3)] == [False, False, True]
    clock[0] += 599
    assert ratelimit.hit("w", client, 2, 600) is True
    clock[0] += 2
    assert ratelimit.hit("w", client, 2, 600) is False
