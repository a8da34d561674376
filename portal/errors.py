"""The 400, 403, 404 and 500 pages: styled, in the visitor's language, with the phone, a way back.

They render without the database (a 500 may be the database failing) and say nothing of the
request beyond which part of the portal it was for. A 403 shows the reason the view gave
(`PermissionDenied("…")`, always a message written for the user), never an exception's details.
"""

from django.apps import apps
from django.conf import settings
from django.http import HttpResponse
from django.template import loader
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

STAFF_PREFIXES = ("/staff/", "/admin/")


def _contact(request):
    """The site's help line, or None: an error page must render even when this query fails."""
    try:
        return apps.get_model("content", "ContactSettings").for_request(request)
    except Exception:  # the database may be what failed: show the page anyway
        return None


def _context(request, *, contact=True):
    language = get_language() or settings.LANGUAGE_CODE
    home = "/" if language == settings.LANGUAGE_CODE else f"/{language}/"
    path = getattr(request, "path", "") or ""
    return {
        "home_url": home,
        "staff_area": path.startswith(STAFF_PREFIXES),
        "contact": _contact(request) if contact else None,
    }


def _render(request, template, status, contact=True, **extra):
    context = _context(request, contact=contact) | extra
    body = loader.get_template(template).render(context)
    response = HttpResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    return response


@requires_csrf_token
def bad_request(request, exception=None):
    """A request Django refused (a body too large, too many fields, a forged host)."""
    return _render(request, "errors/400.html", 400)


@requires_csrf_token
def permission_denied(request, exception=None):
    reason = ""
    if exception is not None and exception.args and isinstance(exception.args[0], str | Promise):
        reason = str(exception.args[0])
    return _render(request, "errors/403.html", 403, reason=reason)


@requires_csrf_token
def page_not_found(request, exception=None):
    return _render(request, "errors/404.html", 404)


@requires_csrf_token
def server_error(request):
    return _render(request, "errors/500.html", 500)


def csrf_failure(request, reason=""):
    """An expired or missing CSRF token: the 403 page with a reason a person can act on.

    Django's `reason` is technical (and stays in the log); the page says what to do.
    """
    return _render(
        request,
        "errors/403.html",
        403,
        reason=_(
            "Страница устарела: обновите её и повторите действие. Если вы долго не работали, "
            "войдите снова."
        ),
    )
