"""Admin screens of the content app: survey results (counts, distributions, indicator groups,
export). Editors see the surveys whose pages they may edit."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from content import services
from content.choices import AnswerChannel
from content.models import SurveyPage
from portal.models import Centre
from portal.widgets import DateInput


class ResultsFilterForm(forms.Form):
    date_from = forms.DateField(
        label=_("С даты"),
        required=False,
        widget=DateInput,
        error_messages={"invalid": _("Введите дату в формате ДД.ММ.ГГГГ.")},
    )
    date_to = forms.DateField(
        label=_("По дату"),
        required=False,
        widget=DateInput,
        error_messages={"invalid": _("Введите дату в формате ДД.ММ.ГГГГ.")},
    )
    channel = forms.ChoiceField(
        label=_("Канал"), required=False, choices=[("", _("Все каналы")), *AnswerChannel.choices]
    )
    centre = forms.ModelChoiceField(
        label=_("Центр"),
        required=False,
        queryset=Centre.objects.order_by("short_name"),
        empty_label=_("Все центры"),
        to_field_name="slug",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].label_from_instance = lambda c: c.short_name

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("Дата окончания раньше даты начала периода."))
        return cleaned


def editable_surveys(user):
    """Survey pages the user may edit (so may read the answers), as a queryset."""
    pages = SurveyPage.objects.all()
    if user.is_superuser:
        return pages
    return pages.filter(
        pk__in=[p.pk for p in pages.specific() if p.permissions_for_user(user).can_edit()]
    )


def survey_index(request):
    surveys = (
        editable_surveys(request.user).annotate(answers=Count("surveysubmission")).order_by("title")
    )
    return TemplateResponse(
        request,
        "content/admin/survey_index.html",
        {"surveys": surveys, "header_title": _("Результаты опросов"), "header_icon": "table"},
    )


def survey_results(request, page_id):
    page = get_object_or_404(SurveyPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    form = ResultsFilterForm(request.GET or None)
    filters = {}
    if form.is_bound and form.is_valid():
        filters = {k: v for k, v in form.cleaned_data.items() if v}
    fmt = request.GET.get("format")
    if fmt in {"csv", "xlsx"} and (not form.is_bound or form.is_valid()):
        return services.export_response(page, fmt, **filters)
    results = (
        None if form.is_bound and not form.is_valid() else services.survey_results(page, **filters)
    )
    query = request.GET.copy()
    query.pop("format", None)
    return TemplateResponse(
        request,
        "content/admin/survey_results.html",
        {
            "page": page,
            "form": form,
            "results": results,
            "query": query.urlencode(),
            "header_title": page.title,
            "header_icon": "table",
        },
    )
