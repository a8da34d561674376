"""Sending SMS through a pluggable backend, as Django sends e-mail (docs/configuration.md,
"Notices and SMS"). `settings.SMS_BACKEND` names the class:

- `portal.sms.backends.http.SmsBackend`: the production gateway at `SMS_URL`;
- `portal.sms.backends.filebased.SmsBackend`: one file a message under `SMS_FILE_PATH`
  (var/sms/ in the demo), to read instead of a phone;
- `portal.sms.backends.locmem.SmsBackend`: kept in `portal.sms.outbox` (tests).

Every message carries an idempotency key. A backend delivers a key once: the file backend names
the file by it, the gateway is given it to drop a repeat, the memory backend remembers it. A
second send of the same key answers DUPLICATE instead of reaching the phone again.
"""

import dataclasses

from django.conf import settings
from django.utils.module_loading import import_string

SENT = "sent"
DUPLICATE = "duplicate"

outbox = []  # the locmem backend's delivered messages


class SmsError(Exception):
    """The message did not go (the gateway is down or refused it): try again later. The text
    is a plain reason for the staff, never the gateway's answer or the message."""


@dataclasses.dataclass(frozen=True)
class SmsMessage:
    to: str
    text: str
    key: str


def get_connection(backend=None, **kwargs):
    return import_string(backend or settings.SMS_BACKEND)(**kwargs)


def send_sms(to, text, key, connection=None):
    """Send one SMS; returns SENT or DUPLICATE, raises SmsError when it did not go."""
    return (connection or get_connection()).send(SmsMessage(to=to, text=text, key=key))
