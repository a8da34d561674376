"""Recording a retention check. The rules are the service's (cases.services.retention): the
form only types the values and hands the service's refusals back to the fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.choices import RetentionOutcome
from cases.forms import RefusalMixin
from portal.widgets import DateInput


class RetentionCheckForm(RefusalMixin, forms.Form):
    outcome = forms.ChoiceField(
        label=_("Результат"),
        choices=RetentionOutcome.recordable(),
        widget=forms.RadioSelect,
        error_messages={"required": _("Выберите результат проверки.")},
    )
    checked_on = forms.DateField(
        label=_("Дата проверки"),
        widget=DateInput(),
        error_messages={"required": _("Укажите дату проверки."), "invalid": _("Введите дату.")},
    )
    left_reason = forms.CharField(
        label=_("Причина увольнения"),
        max_length=255,
        required=False,
        help_text=_("Только если гражданин уволился."),
    )
    note = forms.CharField(
        label=_("Комментарий"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    close_reason = forms.CharField(
        label=_("Закрыть случай досрочно: причина"),
        max_length=500,
        required=False,
        help_text=_(
            "Заполните, только если дальше проверять не нужно (например, гражданин переехал). "
            "Оставшиеся проверки будут отмечены как не проводившиеся."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)
