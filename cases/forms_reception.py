"""The reception screen's form (экран приёма). The rules between fields are the model's
(`ReceptionRecord.clean`), so the messages stand next to the fields they concern; the
categories are the editors' vocabulary for the case's centre; the profiling is the curator's."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.forms import VersionedForm
from cases.models import ReceptionRecord
from content.choices import ApplicantCategoryKind
from content.models import ApplicantCategory
from portal.widgets import DateInput

DATES = [
    "document_issued_on",
    "last_job_ended_on",
    "documents_received_on",
    "unemployed_since",
    "unemployed_order_on",
]
PROFILING = ["profiling_outcome", "profiling_note"]


class CategoriesField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, queryset, label):
        super().__init__(queryset=queryset, label=label, required=False)


class ReceptionForm(VersionedForm):
    special_categories = CategoriesField(ApplicantCategory.objects.none(), _("Особые категории"))
    regional_categories = CategoriesField(
        ApplicantCategory.objects.none(), _("Региональные особо учитываемые категории")
    )

    class Meta:
        model = ReceptionRecord
        fields = [
            "document_kind",
            "document_series",
            "document_number",
            "document_issued_by",
            "document_issued_on",
            "dependents",
            "dependents_note",
            "employment_relation",
            "non_employment_basis",
            "education",
            "last_job_ended_on",
            "last_job_reason",
            "last_employer",
            "last_position",
            "desired_positions",
            "desired_place",
            "service_months",
            "service_days",
            "documents_received_on",
            "unemployed_since",
            "unemployed_order_on",
            *PROFILING,
        ]
        widgets = {
            **{name: DateInput() for name in DATES},
            "profiling_note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        case = self.instance.case
        available = ApplicantCategory.objects.for_region(case.centre.region)
        chosen = set(self.instance.categories.all()) if self.instance.pk else set()
        for name, kind in (
            ("special_categories", ApplicantCategoryKind.SPECIAL),
            ("regional_categories", ApplicantCategoryKind.REGIONAL),
        ):
            # A category no longer in use stays offered while the record has it.
            kept = [c.pk for c in chosen if c.kind == kind]
            field = self.fields[name]
            field.queryset = ApplicantCategory.objects.filter(kind=kind).filter(
                pk__in=[*available.filter(kind=kind).values_list("pk", flat=True), *kept]
            )
            self.initial.setdefault(name, kept)
        for name in ("non_employment_basis", "education", "profiling_outcome"):
            self.fields[name].choices = [("", _("— не указано —")), *self.fields[name].choices[1:]]
        for name in ("document_series", "document_number"):
            self.fields[name].widget.attrs.update({"autocomplete": "off", "inputmode": "numeric"})
        for name in ("dependents", "service_months", "service_days"):
            self.fields[name].widget.attrs["inputmode"] = "numeric"
        self.may_profile = user.has_perm("cases.record_profiling")
        if not self.may_profile:
            for name in PROFILING:
                self.fields[name].disabled = True  # the posted value is ignored
            self.fields["profiling_outcome"].help_text = _(
                "Результат профилирования записывает куратор."
            )

    @property
    def categories(self):
        return [
            *self.cleaned_data.get("special_categories", []),
            *self.cleaned_data.get("regional_categories", []),
        ]

    @property
    def categories_changed(self):
        return {"special_categories", "regional_categories"} & set(self.changed_data)
