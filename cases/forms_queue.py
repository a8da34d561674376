"""The hall queue's forms: issuing a ticket, calling the next one, redirecting a ticket."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from cases.choices import QueuePurpose
from cases.models import QueueTicket
from content.models import Role


class IssueTicketForm(forms.ModelForm):
    class Meta:
        model = QueueTicket
        fields = ["purpose", "disability", "with_companion", "separate_window"]
        widgets = {"purpose": forms.RadioSelect}
        labels = {
            "purpose": _("Цель обращения"),
            "disability": _("Посетитель с инвалидностью (приоритет)"),
            "with_companion": _("Посетитель с сопровождающим (приоритет)"),
            "separate_window": _("Отдельное окно"),
        }
        help_texts = {
            "separate_window": _("Талон вызовут только из отдельного окна."),
        }
        error_messages = {"purpose": {"required": _("Выберите цель обращения.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["purpose"].choices = QueuePurpose.choices


class CallNextForm(forms.Form):
    window = forms.CharField(
        label=_("Окно или кабинет"),
        max_length=20,
        help_text=_("Покажем на табло в зале рядом с номером талона."),
        error_messages={"required": _("Укажите окно или кабинет, куда вызываете.")},
    )
    separate_window = forms.BooleanField(label=_("Я веду отдельное окно"), required=False)


class RedirectTicketForm(forms.Form):
    addressee = forms.ModelChoiceField(
        label=_("К специалисту"), queryset=get_user_model().objects.none(), required=False
    )
    addressee_role = forms.ModelChoiceField(
        label=_("Или к роли"), queryset=Role.objects.none(), required=False
    )
    comment = forms.CharField(label=_("Комментарий"), max_length=255, required=False)

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["addressee"].queryset = (
            get_user_model()
            .objects.filter(
                centre=centre, is_active=True, groups__permissions__codename="call_ticket"
            )
            .distinct()
            .order_by("last_name", "first_name")
        )
        self.fields["addressee"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["addressee_role"].queryset = Role.objects.filter(
            locale__language_code="ru", group__permissions__codename="call_ticket"
        ).order_by("sort_order")

    def clean(self):
        data = super().clean()
        if not data.get("addressee") and not data.get("addressee_role"):
            self.add_error(
                "addressee", _("Выберите специалиста или роль, к которым направить талон.")
            )
        return data
