"""Security headers beyond Django's own: Content-Security-Policy per area, Permissions-Policy.

The policies themselves are settings (portal/settings.py, "Security"); docs/security.md says how a
new template stays within them.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the Wagtail admin's policy for the admin's URLs.

    A view may still give its own policy (csp.decorators); otherwise a request under
    ADMIN_URL_PREFIX gets ADMIN_CONTENT_SECURITY_POLICY and every other request
    CONTENT_SECURITY_POLICY.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.ADMIN_URL_PREFIX)
        ):
            parts.config = dict(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts


def permissions_policy(features):
    """`{"camera": [], "fullscreen": ["self"]}` → `camera=(), fullscreen=(self)`."""
    return ", ".join(f"{name}=({' '.join(allow)})" for name, allow in features.items())


class PermissionsPolicyMiddleware:
    """Sends PERMISSIONS_POLICY on every response that has not set its own."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
