"""SMS kept in memory (`portal.sms.outbox`), for tests; a repeated key is a DUPLICATE."""

import portal.sms as sms
from portal.sms.backends.base import BaseSmsBackend


class SmsBackend(BaseSmsBackend):
    def send(self, message):
        if any(sent.key == message.key for sent in sms.outbox):
            return sms.DUPLICATE
        sms.outbox.append(message)
        return sms.SENT
