"""The second factor's screens: the code step after the password, enrolment, the user's own
settings (new recovery codes, switching off), and the administrator's reset."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.two_factor import services
from portal.two_factor.forms import CodeForm, ConfirmForm, ReauthForm


def _next(request, default):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _page(request, template, context, status=200):
    response = render(request, template, context, status=status)
    add_never_cache_headers(response)
    return response


def _submit_code(request, form, action):
    """Run `action(code)`; a wrong or throttled code becomes the field's error."""
    if not form.is_valid():
        return None
    try:
        result = action(form.cleaned_data["code"])
    except services.Throttled as throttled:
        form.refuse(throttled.message)
        return None
    if not result:
        form.refuse()
    return result


@login_required
def verify(request):
    """The step after the password for a user with a confirmed device."""
    target = _next(request, settings.LOGIN_REDIRECT_URL)
    if request.user.is_verified() or not services.has_device(request.user):
        return redirect(target)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and _submit_code(
        request, form, lambda code: services.verify(request, code)
    ):
        return redirect(target)
    status = 422 if form.errors else 200
    return _page(request, "portal/two_factor/verify.html", {"form": form, "next": target}, status)


@login_required
def setup(request):
    """«Двухфакторная защита»: enrolment without a device, the settings with one."""
    user = request.user
    target = _next(request, "")
    if services.has_device(user):
        if not user.is_verified():
            return redirect("two_factor:verify")
        context = {
            "remaining": services.remaining_recovery_codes(user),
            "regenerate_form": ReauthForm(prefix="regenerate"),
            "disable_form": ReauthForm(prefix="disable"),
            "required": services.is_required(user),
        }
        return _page(request, "portal/two_factor/settings.html", context)
    device = services.pending_device(request)
    form = ConfirmForm(request.POST or None)
    if request.method == "POST":
        codes = _submit_code(
            request, form, lambda code: services.confirm_enrolment(request, device, code)
        )
        if codes:
            return _recovery_codes(request, codes, target, enrolled=True)
    context = {
        "form": form,
        "next": target,
        "qr": services.qr_svg(device),
        "secret": services.secret_groups(device),
        "required": services.is_required(user),
    }
    return _page(request, "portal/two_factor/setup.html", context, 422 if form.errors else 200)


def _recovery_codes(request, codes, target, *, enrolled=False):
    context = {"codes": codes, "next": target, "enrolled": enrolled}
    return _page(request, "portal/two_factor/recovery_codes.html", context)


def _own_settings_action(request, prefix, action):
    """Run `action(user, password, code)`; a wrong password, a wrong or throttled code becomes
    the error of its field (neither is kept in its field)."""
    if not request.user.is_verified():
        raise PermissionDenied(_("Сначала подтвердите вход кодом."))
    form = ReauthForm(request.POST, prefix=prefix)
    if not form.is_valid():
        return form, None
    try:
        result, wrong = action(
            request.user, form.cleaned_data["password"], form.cleaned_data["code"]
        )
    except services.Throttled as throttled:
        form.refuse(throttled.message)
        return form, None
    if wrong == services.WRONG_PASSWORD:
        form.add_error("password", form.wrong_password)
    elif wrong:
        form.refuse()
    return form, result


def _settings_with_errors(request, **forms):
    context = {
        "remaining": services.remaining_recovery_codes(request.user),
        "regenerate_form": forms.get("regenerate_form") or ReauthForm(prefix="regenerate"),
        "disable_form": forms.get("disable_form") or ReauthForm(prefix="disable"),
        "required": services.is_required(request.user),
    }
    return _page(request, "portal/two_factor/settings.html", context, status=422)


@require_POST
@login_required
def regenerate(request):
    form, codes = _own_settings_action(request, "regenerate", services.regenerate_recovery_codes)
    if codes:
        return _recovery_codes(request, codes, "")
    return _settings_with_errors(request, regenerate_form=form)


@require_POST
@login_required
def disable(request):
    form, done = _own_settings_action(request, "disable", services.disable_own)
    if done:
        messages.success(request, _("Двухфакторная защита отключена."))
        return redirect("two_factor:setup")
    return _settings_with_errors(request, disable_form=form)


def admin_reset(request, user_id):
    """Wagtail admin (mounted by portal/wagtail_hooks.py, behind its access check): an
    administrator with the right to change users removes a user's second factor (a lost
    phone); the user enrols again at the next sign-in. GET asks, POST does it."""
    if not request.user.has_perm("portal.change_user"):
        raise PermissionDenied
    target_user = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        services.reset_by_administrator(target_user, request.user)
        messages.success(
            request,
            _("Двухфакторная защита пользователя %(name)s сброшена.")
            % {"name": target_user.get_username()},
        )
        return redirect("wagtailusers_users:index")
    context = {"target_user": target_user, "has_device": services.has_device(target_user)}
    return _page(request, "portal/two_factor/admin_reset.html", context)


@require_POST
@login_required
def keep_alive(request):
    """«Продолжить работу»: the request itself is the activity (IdleTimeoutMiddleware)."""
    response = HttpResponse(status=204)
    add_never_cache_headers(response)
    return response
