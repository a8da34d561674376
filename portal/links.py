"""Absolute links the portal gives citizens (survey invitations, the API's URLs).

The configured public address wins (MARSHRUT_PUBLIC_URL: staff may reach the portal by an
internal name that citizens cannot); without it, the host the request came to; without a
request (an e-mail sent from a background step), WAGTAILADMIN_BASE_URL.
"""

from django.conf import settings


def base_url(request=None):
    if settings.PUBLIC_URL:
        return settings.PUBLIC_URL.rstrip("/")
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(path, request=None):
    return base_url(request) + path
