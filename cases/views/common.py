"""What every staff view shares: sign-in, a centre, no caching, centre-scoped lookups."""

from functools import wraps
from zoneinfo import ZoneInfo

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from cases.models import Case, Ipra

ROLE_REFUSAL = (
    "Ваша роль не даёт доступа к этому разделу. Если он нужен вам для работы, "
    "обратитесь к руководителю центра."
)


def staff_view(permission=None):
    """Signed-in staff of a centre only; responses are never cached (`no-store`)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.user.centre_id is None:
                raise PermissionDenied("Сотрудник не привязан к центру занятости.")
            if permission and not request.user.has_perm(permission):
                raise PermissionDenied(ROLE_REFUSAL)
            # Staff read dates and times in their own centre's time zone.
            with timezone.override(ZoneInfo(request.user.centre.timezone)):
                response = view(request, *args, **kwargs)
            add_never_cache_headers(response)  # no-store, private, max-age=0 and Expires
            return response

        guarded = login_required(wrapper)
        # Read by cases.access (the role × screen table in docs/roles.md and its test).
        guarded.staff_permission = permission
        return guarded

    return decorator


def get_case(request, pk, *, for_update=False):
    """A case of the user's own centre, or 404 — never a hint that another centre has it."""
    return get_object_or_404(
        Case.objects.for_user(request.user).select_related(
            "citizen", "life_situation", "curator", "centre", "reception"
        ),
        pk=pk,
    )


def get_ipra(request, pk):
    """An IPRA of the user's own centre, or 404."""
    return get_object_or_404(
        Ipra.objects.for_user(request.user).select_related(
            "citizen", "case", "centre", "acquainted_by", "measures_formed_by", "report"
        ),
        pk=pk,
    )


def keep_filters(request, key):
    """A registry's posted filters kept in the session (never in a URL); «Сбросить» forgets them.
    Returns the posted data (None for a reset)."""
    if "reset" in request.POST:
        request.session.pop(key, None)
        return None
    data = request.POST.copy()
    data.pop("csrfmiddlewaretoken", None)
    request.session[key] = data.urlencode()
    return data
