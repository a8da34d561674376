"""Forms of the staff screens. Labels and messages in Russian; typed values are kept on error."""

from functools import cached_property

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models import Citizen, PlanItem
from cases.validators import format_snils, snils_digits, validate_snils
from content.models import LifeSituationPage, Role, ServicePage
from portal.calendar import calendar_for
from portal.widgets import DateInput


class RefusalMixin:
    """A form whose rules are a service's: the service's ValidationError goes back to the fields
    it names (or to the whole form)."""

    def refuse(self, error):
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                self.add_error(field if field in self.fields else None, errors)
        else:
            self.add_error(None, error)


class SnilsField(forms.CharField):
    """Accepts any formatting; unchanged when the digits are the same."""

    def has_changed(self, initial, data):
        return snils_digits(initial or "") != snils_digits(data or "")


class VersionedForm(forms.ModelForm):
    """A model form carrying the version of the record it was opened with (a hidden field), so
    that the service refuses the save if a colleague saved the record meanwhile."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("version", self.instance.version)

    @cached_property
    def changed_data(self):
        return [name for name in super().changed_data if name != "version"]

    @property
    def opened_version(self):
        """The posted version; a form posted without one counts as opened on the current."""
        value = self.cleaned_data.get("version")
        return self.instance.version if value is None else value

    def refused(self, stale):
        """Show the refusal; the form keeps what was typed, and its version becomes the current
        one, so that saving again (after reading what changed) is a deliberate choice."""
        self.add_error(None, stale.message)
        data = self.data.copy()
        data[self.add_prefix("version")] = stale.version
        self.data = data


class CitizenForm(VersionedForm):
    snils = SnilsField(
        label=_("СНИЛС"),
        max_length=20,
        help_text=_("11 цифр; дефисы и пробелы можно не вводить."),
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "placeholder": "123-456-789 01"}
        ),
        error_messages={"required": _("Укажите СНИЛС.")},
    )

    class Meta:
        model = Citizen
        fields = [
            "last_name",
            "first_name",
            "patronymic",
            "birth_date",
            "snils",
            "phone",
            "phone_extra",
            "email",
            "address",
            "disability_group",
            "preferred_channel",
            "preferred_language",
            "sms_consent",
            "email_consent",
            "consent_given",
        ]
        widgets = {
            "birth_date": DateInput(),
            "snils": forms.TextInput(
                attrs={
                    "inputmode": "numeric",
                    "autocomplete": "off",
                    "placeholder": "123-456-789 01",
                }
            ),
        }
        help_texts = {"snils": _("11 цифр; дефисы и пробелы можно не вводить.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent_given"].required = True
        self.fields["consent_given"].error_messages["required"] = _(
            "Без согласия на обработку персональных данных гражданина нельзя зарегистрировать."
        )
        if self.instance.pk:
            self.initial["snils"] = format_snils(self.instance.snils)
        self.fields["birth_date"].widget.attrs["autocomplete"] = "off"
        for name in ("phone", "phone_extra"):
            self.fields[name].widget.attrs.update({"inputmode": "tel", "autocomplete": "off"})

    def clean_snils(self):
        value = self.cleaned_data["snils"]
        validate_snils(value)
        return snils_digits(value)


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("ФИО или СНИЛС"),
        max_length=100,
        error_messages={"required": _("Введите фамилию, имя или СНИЛС.")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


def live_life_situations(centre):
    qs = LifeSituationPage.objects.live().filter(locale__language_code="ru")
    return qs.filter(centres=centre) | qs.filter(centres__isnull=True)


class OpenCaseForm(forms.Form):
    life_situation = forms.ModelChoiceField(
        label=_("Жизненная ситуация"),
        queryset=LifeSituationPage.objects.none(),
        empty_label=None,
        error_messages={
            "required": _("Выберите жизненную ситуацию."),
            "invalid_choice": _("Эта жизненная ситуация недоступна."),
        },
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["life_situation"]
        field.queryset = live_life_situations(centre).distinct()
        # A centre that serves one life situation: it is the answer, preselected.
        only = list(field.queryset[:2])
        if len(only) == 1:
            field.initial = only[0].pk


class TransitionForm(forms.Form):
    expected_state = forms.CharField(widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Комментарий"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    curator = forms.ModelChoiceField(
        label=_("Куратор"),
        queryset=get_user_model().objects.none(),
        required=False,
    )

    def __init__(self, *args, centre=None, **kwargs):
        super().__init__(*args, **kwargs)
        if centre is not None:
            self.fields["curator"].queryset = curators_of(centre)


def curators_of(centre):
    return (
        get_user_model()
        .objects.filter(centre=centre, is_active=True, groups__permissions__codename="add_planitem")
        .distinct()
        .order_by("last_name", "first_name")
    )


def executors_of(centre):
    """Who may deliver a plan item: the centre's active staff whose role changes plan items."""
    return (
        get_user_model()
        .objects.filter(
            centre=centre, is_active=True, groups__permissions__codename="change_planitem"
        )
        .distinct()
        .order_by("last_name", "first_name")
    )


def executor_roles():
    return (
        Role.objects.filter(
            locale__language_code="ru", group__permissions__codename="change_planitem"
        )
        .distinct()
        .order_by("sort_order", "name")
    )


class PlanItemForm(VersionedForm):
    # The due date may be given as a number of business days from the day the need was
    # determined, by the centre's production calendar (portal/calendar.py).
    due_business_days = forms.IntegerField(
        label=_("или через рабочих дней"),
        required=False,
        min_value=1,
        max_value=250,
        help_text=_("От даты определения потребности, по производственному календарю центра."),
        error_messages={
            "invalid": _("Введите целое число рабочих дней."),
            "min_value": _("Не меньше одного рабочего дня."),
            "max_value": _("Не больше 250 рабочих дней (около года)."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    class Meta:
        model = PlanItem
        fields = [
            "service",
            "due_date",
            "need_determined_on",
            "from_life_situation",
            "from_profiling",
            "from_ipra",
            "executor",
            "executor_role",
            "handover_note",
            "note",
        ]
        widgets = {
            "due_date": DateInput(),
            "need_determined_on": DateInput(),
            "note": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {
            "service": {"required": _("Выберите услугу.")},
            "due_date": {"invalid": _("Введите дату в формате ДД.ММ.ГГГГ.")},
        }

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.fields["due_date"].required = False  # or given in business days
        self.fields["service"].queryset = (
            ServicePage.objects.live().filter(locale__language_code="ru").order_by("title")
        )
        self.fields["service"].label_from_instance = lambda s: s.title
        self.fields["service"].empty_label = _("— выберите услугу —")
        if not self.instance.pk:
            self.initial.setdefault("need_determined_on", timezone.localdate())
        self.service_groups = self._grouped_services()
        executor, role = self.fields["executor"], self.fields["executor_role"]
        executor.queryset = executors_of(case.centre)
        executor.label_from_instance = lambda u: u.get_full_name() or u.get_username()
        executor.empty_label = _("— не назначен —")
        executor.label = _("Исполнитель")
        role.queryset = executor_roles()
        role.label_from_instance = lambda r: r.name
        role.empty_label = _("— любая —")
        role.label = _("или роль исполнителя")
        role.help_text = _("Пункт увидят в «Моей работе» все сотрудники с этой ролью.")
        if not self.instance.pk:
            del self.fields["handover_note"]  # a handover is a change of a saved item
        else:
            self.fields["handover_note"].widget = forms.Textarea(attrs={"rows": 2})
            self.fields["handover_note"].help_text = _(
                "Если передаёте пункт другому исполнителю: что ему важно знать."
            )

    def _grouped_services(self):
        """The life situation's services by category first, then the rest of the catalogue."""
        links = self.case.life_situation.service_links.select_related("service", "category")
        groups, seen = {}, set()
        for link in links.order_by("category__sort_order", "sort_order"):
            groups.setdefault(link.category.name, []).append(link.service)
            seen.add(link.service_id)
        others = [s for s in self.fields["service"].queryset if s.pk not in seen]
        if others:
            groups[_("Другие услуги каталога")] = others
        return groups

    def clean_due_date(self):
        """A due date in the past is refused, for a new item and for a changed one alike; an
        item already overdue may keep its date while its other fields are edited."""
        due = self.cleaned_data["due_date"]
        unchanged = self.instance.pk and due == self.instance.due_date
        if due and due < timezone.localdate() and not unchanged:
            raise forms.ValidationError(
                _("Срок исполнения не может быть в прошлом: укажите сегодня или позже.")
            )
        return due

    def clean(self):
        """The due date from the business days, when they are given instead of a date."""
        cleaned = super().clean()
        days = cleaned.get("due_business_days")
        if "due_date" not in cleaned or "due_business_days" not in cleaned:
            return cleaned  # one of them is already wrong: its own message says so
        if days and cleaned["due_date"]:
            self.add_error(
                "due_business_days",
                _("Укажите срок одним способом: датой или числом рабочих дней."),
            )
        elif days:
            start = cleaned.get("need_determined_on") or timezone.localdate()
            due = calendar_for(self.case.centre).add_business_days(start, days)
            if due < timezone.localdate():
                self.add_error(
                    "due_business_days",
                    _("Так срок выходит в прошлом (%(d)s): укажите больше дней.")
                    % {"d": due.strftime("%d.%m.%Y")},
                )
            cleaned["due_date"] = due
        elif not cleaned["due_date"]:
            self.add_error("due_date", _("Укажите срок исполнения: дату или число рабочих дней."))
        return cleaned


class PlanStatusForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            ("start", "start"),
            ("complete", "complete"),
            ("refuse", "refuse"),
            ("cancel", "cancel"),
        ]
    )
    text = forms.CharField(required=False, max_length=2000)
