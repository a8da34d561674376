"""Project-level views: the health check, the CSP violation reports and the sign-in
lockouts in the Wagtail admin."""

import json
import logging
from urllib.parse import urlsplit

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from portal import lockout

logger = logging.getLogger("marshrut.health")
csp_logger = logging.getLogger("marshrut.csp")
CSP_REPORT_MAX_BYTES = 8192


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


def _origin_only(uri):
    """ "inline", "eval" or a URL cut to scheme and host: a path or query may name a person."""
    parts = urlsplit(str(uri or ""))
    if parts.scheme in {"http", "https"} and parts.netloc:
        return f"{parts.scheme}://{parts.hostname}"
    return (parts.scheme or str(uri or ""))[:20]


@csrf_exempt  # browsers send reports without a token; the view changes nothing
@require_POST
def csp_report(request):
    """Logs a browser's Content-Security-Policy violation report, without personal data.

    Only the violated directive, the blocked source's origin and the page's path are logged;
    the page's query string, the sample of blocked code and the referrer are dropped.
    """
    if int(request.headers.get("Content-Length") or 0) <= CSP_REPORT_MAX_BYTES:
        try:
            report = json.loads(request.body.decode("utf-8")).get("csp-report", {})
        except (ValueError, AttributeError):
            report = {}
        if isinstance(report, dict) and report:
            csp_logger.warning(
                "CSP violation: %s blocked %s on %s",
                str(report.get("effective-directive") or report.get("violated-directive"))[:40],
                _origin_only(report.get("blocked-uri")),
                urlsplit(str(report.get("document-uri", ""))).path[:200],
            )
    return HttpResponse(status=204)
