"""The change log's request context: who made a change and from which address.

django-auditlog's own middleware believes the first address of X-Forwarded-For, which any
client can send; here the address is the one the rate limits use (portal.ratelimit.client_ip:
X-Forwarded-For only through the proxies in settings.TRUSTED_PROXIES), and the port header,
equally spoofable, is not recorded.
"""

from auditlog.middleware import AuditlogMiddleware

from portal.ratelimit import client_ip


class ChangeLogMiddleware(AuditlogMiddleware):
    @staticmethod
    def _get_remote_addr(request):
        return client_ip(request) or None

    @staticmethod
    def _get_remote_port(request):
        return None
