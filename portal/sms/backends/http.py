"""The production SMS gateway: a JSON POST to settings.SMS_URL.

The body is `{"to": "+79…", "text": "…", "id": "<idempotency key>"}` and the key also goes in
the `Idempotency-Key` header; a bearer token, if the gateway wants one, comes from SMS_TOKEN in
the environment. 2xx is delivered; 409 Conflict means the gateway has the key already
(DUPLICATE); anything else, or no answer within SMS_TIMEOUT seconds (10), is an SmsError and the
notice is tried again later. Nothing of the answer is kept: it may quote the number.
"""

import json
import os
import urllib.error
import urllib.request

from django.conf import settings

from portal.sms import DUPLICATE, SENT, SmsError
from portal.sms.backends.base import BaseSmsBackend


class SmsBackend(BaseSmsBackend):
    def __init__(self, url=None, token=None, timeout=None, **kwargs):
        super().__init__(**kwargs)
        self.url = url if url is not None else settings.SMS_URL
        self.token = token if token is not None else os.environ.get("SMS_TOKEN", "")
        self.timeout = timeout or float(os.environ.get("SMS_TIMEOUT", 10))

    def send(self, message):
        if not self.url:
            raise SmsError("СМС-шлюз не настроен (SMS_URL).")
        body = json.dumps({"to": message.to, "text": message.text, "id": message.key})
        headers = {"Content-Type": "application/json", "Idempotency-Key": message.key}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(  # noqa: S310 (the URL is the operator's setting)
            self.url, data=body.encode(), headers=headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:  # noqa: S310
                answer.read()
        except urllib.error.HTTPError as exc:
            if exc.code == 409:
                return DUPLICATE
            raise SmsError(f"СМС-шлюз ответил ошибкой {exc.code}.") from None
        except (OSError, ValueError) as exc:
            raise SmsError(f"СМС-шлюз недоступен ({type(exc).__name__}).") from None
        return SENT
