"""The interface of an SMS backend (portal/sms): a subclass implements `send`."""

from abc import ABC, abstractmethod


class BaseSmsBackend(ABC):
    def __init__(self, fail_silently=False, **kwargs):
        self.fail_silently = fail_silently

    @abstractmethod
    def send(self, message):
        """Deliver `message` (an SmsMessage); return SENT, or DUPLICATE when its key was
        delivered already; raise SmsError when it did not go."""
