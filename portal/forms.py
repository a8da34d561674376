from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from portal import lockout


class LockoutMessageMixin:
    """A sign-in refused by the lockout (portal/lockout.py) says so, on the same login page,
    instead of «wrong password»; `locked_out` tells the template."""

    locked_out = False

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            if not getattr(self.request, "axes_locked_out", False):
                raise
        self.locked_out = True
        lockout.mark_shown(self.request)
        credentials = {"username": self.cleaned_data.get("username")}
        until = lockout.locked_until(self.request, credentials)
        raise ValidationError(lockout.lockout_message(until), code="locked_out")


class StaffLoginForm(LockoutMessageMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Неверное имя пользователя или пароль. Проверьте раскладку клавиатуры и Caps Lock."
        ),
        "inactive": _("Учётная запись отключена. Обратитесь к администратору."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Имя пользователя")
        self.fields["password"].label = _("Пароль")
        self.fields["username"].widget.attrs.update({"autocomplete": "username"})
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})


class AdminLoginForm(LockoutMessageMixin, WagtailLoginForm):
    """The Wagtail admin's login form (WAGTAILADMIN_USER_LOGIN_FORM) with the lockout message."""
