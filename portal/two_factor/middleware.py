"""Sessions of staff: the second factor before any staff or admin screen, and the idle timeout.

Both run after django_otp's OTPMiddleware (which gives `request.user.is_verified()`).
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from portal.two_factor import services

# Where a signed-in but not yet verified user may not go. The public site, the API, static
# files and the health check stay open (they never depended on being signed in).
GUARDED_PREFIXES = ("/staff/", "/admin/", "/documents/")
LAST_ACTIVITY = "marshrut_last_activity"
SIGNED_IN_AT = "marshrut_signed_in_at"
# Requests sent with this header (background polling) do not count as activity.
BACKGROUND_HEADER = "X-Marshrut-Background"


def _now():
    return int(time.time())


def _signed_in(sender, request, user, **kwargs):
    """A new sign-in starts both clocks again (login() keeps the data of the same user)."""
    if request is not None and hasattr(request, "session"):
        now = _now()
        request.session[SIGNED_IN_AT] = now
        request.session[LAST_ACTIVITY] = now


user_logged_in.connect(_signed_in, dispatch_uid="marshrut-session-clocks")


def guarded(path):
    return path.startswith(GUARDED_PREFIXES)


def _with_next(url, request):
    return f"{url}?{urlencode({'next': request.get_full_path()})}"


class TwoFactorMiddleware:
    """Signed in with the password only: a user with a device is sent to the code step, and
    (when MARSHRUT_REQUIRE_2FA) a user without one to enrolment, from every guarded path."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and guarded(request.path) and not user.is_verified():
            step = self._step(request)
            if step is not None and request.path != step:
                return redirect(_with_next(step, request))
        return self.get_response(request)

    @staticmethod
    def _step(request):
        """The page the user must pass first, or None when nothing is owed."""
        if request.path in {
            reverse("portal:login"),
            reverse("portal:logout"),
            reverse("wagtailadmin_logout"),
            reverse("two_factor:keep-alive"),
        }:
            return None
        if services.has_device(request.user):
            return reverse("two_factor:verify")
        if services.is_required(request.user):
            return reverse("two_factor:setup")
        return None


class IdleTimeoutMiddleware:
    """Ends a signed-in session after MARSHRUT_IDLE_TIMEOUT_MINUTES without activity, and after
    MARSHRUT_SESSION_MAX_HOURS in any case. Every request counts as activity except those
    marked as background ones."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = _now()
            session = request.session
            last = session.get(LAST_ACTIVITY, now)
            started = session.setdefault(SIGNED_IN_AT, now)
            if now - last > settings.IDLE_TIMEOUT_SECONDS:
                return self._expire(request, _("Сеанс завершён из-за бездействия. Войдите снова."))
            if now - started > settings.SESSION_MAX_SECONDS:
                hours = settings.SESSION_MAX_SECONDS // 3600
                return self._expire(
                    request,
                    _("Сеанс завершён: с момента входа прошло больше %(hours)s ч. Войдите снова.")
                    % {"hours": hours},
                )
            if BACKGROUND_HEADER not in request.headers:
                session[LAST_ACTIVITY] = now
        return self.get_response(request)

    @staticmethod
    def _expire(request, message):
        logout(request)
        messages.info(request, message)
        if guarded(request.path):
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return redirect(request.get_full_path())
