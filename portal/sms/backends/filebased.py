"""SMS as files: one a message, `<key>.txt` under settings.SMS_FILE_PATH (var/sms/ in the demo).

The file is created exclusively, so the same key never makes a second file: what a gateway with
idempotency keys does, and what lets `bench/notices.py` count deliveries after a worker crash.
"""

import os
import re
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from portal.sms import DUPLICATE, SENT, SmsError
from portal.sms.backends.base import BaseSmsBackend

UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


class SmsBackend(BaseSmsBackend):
    def __init__(self, file_path=None, **kwargs):
        super().__init__(**kwargs)
        self.path = Path(file_path or settings.SMS_FILE_PATH)

    def send(self, message):
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            name = self.path / f"{UNSAFE.sub('_', message.key)}.txt"
            fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return DUPLICATE
        except OSError as exc:
            raise SmsError(f"Каталог СМС недоступен ({type(exc).__name__}).") from None
        body = (
            f"To: {message.to}\nKey: {message.key}\n"
            f"Date: {timezone.localtime():%Y-%m-%d %H:%M:%S %z}\n\n{message.text}\n"
        )
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(body)
        return SENT
