"""Forms of the IPRA screens. Labels and messages in Russian; what was typed is kept on error."""

import datetime
from pathlib import Path

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.choices import AcquaintanceMethod, MeasureOutcome, ReportMethod
from cases.forms import VersionedForm
from cases.models import IpraMeasure
from content.models import RehabilitationMeasure
from portal.widgets import DateInput

DATE_ERRORS = {"invalid": _("Введите дату в формате ДД.ММ.ГГГГ.")}
MAX_UPLOAD = 100 * 1024 * 1024


def date_field(label, required=True, **kwargs):
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        error_messages={**DATE_ERRORS, "required": _("Укажите дату.")},
        **kwargs,
    )


class IpraTransitionForm(forms.Form):
    """One form for the card's actions; the service says which fields an action needs."""

    expected_state = forms.CharField(widget=forms.HiddenInput)
    on = date_field(_("Дата"), required=False)
    method = forms.ChoiceField(
        label=_("Способ ознакомления"),
        choices=[("", _("— выберите —")), *AcquaintanceMethod.choices],
        required=False,
    )
    comment = forms.CharField(
        label=_("Причина"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MeasureAddForm(forms.ModelForm):
    measure = forms.ModelChoiceField(
        label=_("Мероприятие"),
        queryset=RehabilitationMeasure.objects.all(),
        empty_label=_("— выберите мероприятие —"),
        error_messages={"required": _("Выберите мероприятие.")},
    )

    class Meta:
        model = IpraMeasure
        fields = ["measure", "starts_on", "ends_on", "executor"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}
        error_messages = {"starts_on": DATE_ERRORS, "ends_on": DATE_ERRORS}

    def save(self, commit=False):
        measure = super().save(commit=False)
        measure.name = measure.measure.name
        return measure


class MeasureForm(VersionedForm):
    """A measure's period and executor (the list's author) and its execution (whoever
    carries it out): the fields a user may not change are shown disabled."""

    PERIOD = ("starts_on", "ends_on", "executor")

    class Meta:
        model = IpraMeasure
        fields = ["starts_on", "ends_on", "executor", "outcome", "executed_on", "result", "reason"]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "executed_on": DateInput(),
            "result": forms.Textarea(attrs={"rows": 2}),
            "reason": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {
            "starts_on": DATE_ERRORS,
            "ends_on": DATE_ERRORS,
            "executed_on": DATE_ERRORS,
        }

    def __init__(self, *args, may_change_period=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = MeasureOutcome.choices
        if not may_change_period:
            for name in self.PERIOD:
                self.fields[name].disabled = True


class ReportSentForm(forms.Form):
    sent_on = date_field(_("Дата направления"), initial=timezone.localdate)
    method = forms.ChoiceField(
        label=_("Способ направления"),
        choices=[("", _("— выберите —")), *ReportMethod.choices],
        error_messages={"required": _("Выберите способ направления.")},
    )

    def clean_sent_on(self):
        value = self.cleaned_data["sent_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("Дата направления не может быть в будущем."))
        return value


class PeriodForm(forms.Form):
    """A period of at most a year (dates only: nothing personal, so it may travel in the URL)."""

    date_from = date_field(_("С даты"))
    date_to = date_field(_("По дату"))

    @classmethod
    def read(cls, query, first, last):
        """(form, start, end) from a GET query: the asked period when valid (None, None when
        not), else `first`…`last`, the screen's default."""
        if "date_from" in query or "date_to" in query:
            form = cls(query)
            if form.is_valid():
                return form, form.cleaned_data["date_from"], form.cleaned_data["date_to"]
            return form, None, None
        return cls(initial={"date_from": first, "date_to": last}), first, last

    @staticmethod
    def query(start, end):
        """The period as a query string for the export and print links ("" without one)."""
        return f"?date_from={start:%Y-%m-%d}&date_to={end:%Y-%m-%d}" if start else ""

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end:
            if end < start:
                self.add_error("date_to", _("Конец периода раньше его начала."))
            elif end - start > datetime.timedelta(days=366):
                self.add_error("date_to", _("Период не длиннее года: разбейте его на части."))
        return data


def spreadsheet_field(label, help_text):
    """A CSV or XLSX file to upload (checked by SpreadsheetUploadForm.clean_file)."""
    return forms.FileField(
        label=label,
        help_text=help_text,
        error_messages={
            "required": _("Выберите файл."),
            "empty": _("Файл пуст."),
            "invalid": _("Файл не получен: выберите его ещё раз."),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )


class SpreadsheetUploadForm(forms.Form):
    """An upload of one CSV or XLSX file of at most `max_size` bytes."""

    max_size = MAX_UPLOAD
    too_large = _("Файл больше 100 МБ: разделите его на части.")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in (".csv", ".xlsx"):
            raise forms.ValidationError(_("Загрузите файл CSV или XLSX."))
        if upload.size > self.max_size:
            raise forms.ValidationError(self.too_large)
        return upload


class UploadForm(SpreadsheetUploadForm):
    file = spreadsheet_field(
        _("Файл ИПРА (CSV или XLSX)"),
        _(
            "Первая строка — заголовки столбцов, как в описании формата; даты — ДД.ММ.ГГГГ. "
            "CSV — в кодировке UTF-8 или Windows-1251, разделитель «;» или «,»."
        ),
    )
