"""Handing a case over to another curator (cases.services.handover)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.forms import curators_of


class HandoverForm(forms.Form):
    curator = forms.ModelChoiceField(
        label=_("Новый куратор"),
        queryset=None,
        empty_label=_("— выберите куратора —"),
        error_messages={
            "required": _("Выберите куратора."),
            "invalid_choice": _("Этого куратора нет в списке: выберите из списка."),
        },
    )
    comment = forms.CharField(
        label=_("Что важно знать новому куратору"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Напишите, что важно знать новому куратору.")},
    )
    # The curator the page showed: a handover made meanwhile by a colleague is not overridden.
    expected_curator = forms.IntegerField(required=False, widget=forms.HiddenInput())

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, prefix="handover", **kwargs)
        field = self.fields["curator"]
        field.queryset = curators_of(case.centre).exclude(pk=case.curator_id)
        field.label_from_instance = lambda u: u.get_full_name() or u.get_username()
        self.initial.setdefault("expected_curator", case.curator_id)
