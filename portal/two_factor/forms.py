"""The code fields of the second factor. A wrong code is never kept in the field."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CodeInput(forms.TextInput):
    """A one-time code: never echoed back after a wrong try (render_value stays off)."""

    def get_context(self, name, value, attrs):
        return super().get_context(name, None, attrs)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Код из приложения"),
        max_length=32,
        help_text=_("Шесть цифр из приложения-аутентификатора или один из кодов восстановления."),
        error_messages={"required": _("Введите код из приложения или код восстановления.")},
        widget=CodeInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "text",
                "autocapitalize": "off",
                "spellcheck": "false",
            }
        ),
    )

    wrong_code = _("Код не подошёл. Проверьте время на телефоне и введите новый код.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.prefix:
            # The one field of the code step and of enrolment: ready for typing (and, after a
            # wrong code, for the next one). Not on the settings page, which has two forms.
            self.fields["code"].widget.attrs["autofocus"] = True

    def refuse(self, message=None):
        self.add_error("code", message or self.wrong_code)


class ConfirmForm(CodeForm):
    """The first code after scanning: only the app's six digits."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.help_text = _("Шесть цифр, которые показывает приложение после добавления записи.")
        field.error_messages["required"] = _("Введите шесть цифр из приложения.")
        field.widget.attrs["inputmode"] = "numeric"

    wrong_code = _(
        "Код не подошёл. Введите шесть цифр, которые приложение показывает сейчас; "
        "проверьте, что время на телефоне установлено автоматически."
    )


class ReauthForm(CodeForm):
    """A change of one's own second factor: the password and a current code, both again."""

    password = forms.CharField(
        label=_("Ваш пароль"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Введите ваш пароль.")},
    )
    field_order = ["password", "code"]
    wrong_password = _("Пароль не подошёл.")
