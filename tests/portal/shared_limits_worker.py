"""A separate app process for tests/portal/test_shared_limits.py: it counts rate-limit hits or
signs in against the database (and cache) named by its environment, and prints what it got.

    python -m tests.portal.shared_limits_worker hits SCOPE LIMIT COUNT ADDRESS
    python -m tests.portal.shared_limits_worker signin USERNAME PASSWORD COUNT ADDRESS
"""

import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
django.setup()

from django.test import Client, RequestFactory  # noqa: E402

from portal import ratelimit  # noqa: E402


def hits(scope, limit, count, address):
    request = RequestFactory().post("/zapis/", REMOTE_ADDR=address)
    return [ratelimit.hit(scope, request, int(limit), 600) for _ in range(int(count))]


def signin(username, password, count, address):
    client = Client()
    data = {"username": username, "password": password}
    return [
        client.post("/staff/login/", data, REMOTE_ADDR=address).status_code
        for _ in range(int(count))
    ]


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    print(json.dumps({"hits": hits, "signin": signin}[command](*args)))
