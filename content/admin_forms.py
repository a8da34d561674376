"""Admin forms of the content app: the survey editor checks the questions being edited."""

from wagtail.contrib.forms.forms import WagtailAdminFormPageForm

from content.questions import validate_questions


class SurveyPageForm(WagtailAdminFormPageForm):
    """Checks the questions being edited: options present, conditions pointing backwards to
    a question with options, and to one of its answers."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("form_fields")
        if formset is None:
            return cleaned
        forms_in_order = [
            f
            for f in formset.forms
            if f.is_valid() and f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        if formset.can_order:
            forms_in_order.sort(key=lambda f: f.cleaned_data.get("ORDER") or 0)
        questions = [
            (
                f.cleaned_data.get("label", ""),
                f.cleaned_data.get("field_type", ""),
                f.cleaned_data.get("choices", ""),
                f.cleaned_data.get("show_if_question", ""),
                f.cleaned_data.get("show_if_answer", ""),
            )
            for f in forms_in_order
        ]
        for index, problems in validate_questions(questions).items():
            for field, message in problems.items():
                forms_in_order[index].add_error(field, message)
        return cleaned
