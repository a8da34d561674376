from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class StaffLoginForm(AuthenticationForm):
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
