"""Forms of the employer side: employers, vacancies and their import, job referrals, the
employer's answer and the employment. The rules between fields are the services'
(cases.services.jobs); model forms validate what the models say (the INN's check digits)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.choices import JobReferralStatus, VacancyStatus
from cases.forms import RefusalMixin, VersionedForm
from cases.forms_ipra import SpreadsheetUploadForm, date_field, spreadsheet_field
from cases.models import Employer, Vacancy
from content.models import WorkingCondition

MAX_VACANCY_FILE = 5 * 1024 * 1024


class EmployerForm(forms.ModelForm):
    class Meta:
        model = Employer
        fields = [
            "name",
            "inn",
            "contact_person",
            "phone",
            "email",
            "address",
            "accessible",
            "accessibility_note",
        ]
        widgets = {
            "inn": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            "accessibility_note": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {
            "name": {"required": _("Укажите наименование работодателя.")},
            "inn": {"required": _("Укажите ИНН.")},
            "email": {"invalid": _("Введите адрес электронной почты, например name@example.ru.")},
        }

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.centre = centre

    def clean_inn(self):
        return (self.cleaned_data.get("inn") or "").replace(" ", "")


class VacancyForm(VersionedForm):
    class Meta:
        model = Vacancy
        fields = [
            "employer",
            "position",
            "salary_from",
            "salary_to",
            "schedule",
            "place",
            "posts",
            "posts_free",
            "quota",
            "special_workplace",
            "working_conditions",
            "requirements",
            "status",
            "external_id",
        ]
        widgets = {
            "working_conditions": forms.CheckboxSelectMultiple,
            "requirements": forms.Textarea(attrs={"rows": 3}),
            "salary_from": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "salary_to": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }
        error_messages = {
            "employer": {"required": _("Выберите работодателя.")},
            "position": {"required": _("Укажите должность.")},
            "place": {"required": _("Укажите место работы.")},
            "posts": {"invalid": _("Введите целое число.")},
            "posts_free": {"invalid": _("Введите целое число.")},
            "salary_from": {"invalid": _("Введите сумму в рублях целым числом.")},
            "salary_to": {"invalid": _("Введите сумму в рублях целым числом.")},
        }

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.centre = centre
        self.fields["employer"].queryset = Employer.objects.filter(centre=centre)
        self.fields["employer"].empty_label = _("— выберите работодателя —")
        self.fields["working_conditions"].queryset = WorkingCondition.objects.all()
        if not self.instance.pk:
            self.initial.setdefault("posts_free", 1)

    def clean(self):
        data = super().clean()
        low, high = data.get("salary_from"), data.get("salary_to")
        if low and high and low > high:
            self.add_error("salary_to", _("Зарплата «до» меньше зарплаты «от»."))
        posts, free = data.get("posts"), data.get("posts_free")
        if posts is not None and posts < 1:
            self.add_error("posts", _("Не меньше одного места."))
        if posts is not None and free is not None and free > posts:
            self.add_error("posts_free", _("Свободных мест не может быть больше, чем мест."))
        status = data.get("status")
        if status == VacancyStatus.OPEN and free == 0:
            self.add_error("status", _("Свободных мест нет: вакансия не может быть открытой."))
        return data


class VacancyFilterForm(forms.Form):
    q = forms.CharField(label=_("Должность или место"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Состояние"),
        required=False,
        choices=[("", _("все")), *VacancyStatus.choices],
    )
    quota = forms.BooleanField(label=_("Только квотируемые и специальные места"), required=False)


class VacancyImportForm(SpreadsheetUploadForm):
    max_size = MAX_VACANCY_FILE
    too_large = _("Файл больше 5 МБ: разделите его на части.")
    file = spreadsheet_field(
        _("Файл вакансий (CSV или XLSX)"),
        _(
            "Первая строка — заголовки столбцов: «ИНН работодателя», «Работодатель», «Должность», "
            "«Место работы» и по желанию остальные (docs/employers.md)."
        ),
    )


class JobReferralForm(RefusalMixin, forms.Form):
    contraindication_note = forms.CharField(
        label=_("Почему направляете вопреки противопоказанию"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AnswerForm(RefusalMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("Ответ работодателя"),
        choices=JobReferralStatus.answers(),
        widget=forms.RadioSelect,
        error_messages={"required": _("Выберите ответ работодателя.")},
    )
    answered_on = date_field(_("Дата ответа"))
    refusal_reason = forms.CharField(
        label=_("Причина отказа"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Только при отказе работодателя."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("answered_on", timezone.localdate())


class EmploymentForm(RefusalMixin, forms.Form):
    job_referral = forms.ModelChoiceField(
        label=_("По направлению на работу"),
        queryset=None,
        required=False,
        empty_label=_("— нашёл работу самостоятельно —"),
    )
    employer = forms.ModelChoiceField(
        label=_("Работодатель из списка центра"),
        queryset=None,
        required=False,
        empty_label=_("— нет в списке —"),
        help_text=_("Если работа найдена самостоятельно."),
    )
    employer_name = forms.CharField(
        label=_("или наименование работодателя"), max_length=255, required=False
    )
    position = forms.CharField(
        label=_("Должность"),
        max_length=255,
        required=False,
        help_text=_("По направлению — должность вакансии, если не указана другая."),
    )
    started_on = date_field(_("Дата трудоустройства"))
    adapted_workplace = forms.BooleanField(
        label=_("Оборудованное (специальное) рабочее место"), required=False
    )

    def __init__(self, *args, case, hired, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["job_referral"].queryset = hired
        self.fields["job_referral"].label_from_instance = lambda j: (
            f"№ {j.number}: {j.vacancy.position}, {j.vacancy.employer.name}"
        )
        self.fields["employer"].queryset = Employer.objects.filter(centre=case.centre)
        self.initial.setdefault("started_on", timezone.localdate())
        first = hired.first()
        if first is not None:
            self.initial.setdefault("job_referral", first.pk)
