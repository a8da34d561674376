"""Project-level views: the health check; the sign-in lockouts in the Wagtail admin."""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from portal import lockout

logger = logging.getLogger("marshrut.health")


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers a round-trip, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        logger.error("health check: database unreachable (%s)", type(exc).__name__)
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def _require_unlock_permission(request):
    if not lockout.can_unlock(request.user):
        raise PermissionDenied


@never_cache
@require_GET
def lockouts(request):
    """Wagtail admin: the sign-in lockouts in force, each with its «Разблокировать» button."""
    _require_unlock_permission(request)
    return TemplateResponse(
        request,
        "portal/admin/lockouts.html",
        {
            "lockouts": lockout.current_lockouts(),
            "header_title": _("Блокировки входа"),
            "header_icon": "lock",
        },
    )


@require_POST
def unlock(request):
    _require_unlock_permission(request)
    kind, value = request.POST.get("kind", ""), request.POST.get("value", "")
    if kind not in lockout.LockKind.values or not value:
        messages.error(request, _("Не удалось понять, какую блокировку снять."))
    elif lockout.unlock(kind, value, request.user):
        messages.success(request, _("Блокировка снята: %(what)s.") % {"what": value})
    else:
        messages.warning(request, _("Эта блокировка уже снята или закончилась."))
    return redirect("portal_lockouts")
