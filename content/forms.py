"""A survey as the citizen answers it: Wagtail's form builder with the portal's question
types, and a Django form that validates conditional questions only when they are shown."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from content.choices import GROUP_TYPES, RATING_WORDS, QuestionType
from content.questions import split_choices
from portal.widgets import DateInput


class SurveyForm(BaseForm):
    """A survey as a Django form. Conditional questions are validated only when shown."""

    use_required_attribute = False  # hidden conditional questions must not block submitting
    questions = {}  # clean name -> SurveyQuestion, set by the builder
    conditions = {}  # clean name -> (clean name of the earlier question, answer)
    required_when_shown = set()

    def condition_met(self, name, data=None):
        parent, answer = self.conditions[name]
        value = (data if data is not None else self.cleaned_data).get(parent)
        if isinstance(value, list | tuple):
            return answer in [str(v) for v in value]
        return value is not None and str(value) == answer

    def clean(self):
        cleaned = super().clean()
        # In question order: a hidden question also hides the ones that depend on it.
        for name in self.fields:
            if name not in self.conditions:
                continue
            if self.condition_met(name, cleaned):
                empty = cleaned.get(name) in (None, "", [])
                if name in self.required_when_shown and empty and name not in self.errors:
                    self.add_error(name, self.fields[name].error_messages["required"])
            else:
                self.errors.pop(name, None)
                cleaned[name] = (
                    [] if isinstance(self.fields[name], forms.MultipleChoiceField) else ""
                )
        return cleaned

    def visible_questions(self):
        """Each question with what the templates need, in order."""
        labels = {name: q.label for name, q in self.questions.items()}
        for number, (name, question) in enumerate(self.questions.items(), start=1):
            field = self[name]
            grouped = question.field_type in GROUP_TYPES
            described = [f"{field.auto_id}-note"]
            if field.help_text:
                described.append(f"{field.auto_id}-help")
            if field.errors:
                described.append(f"{field.auto_id}-error")
            condition = None
            if name in self.conditions:
                parent, answer = self.conditions[name]
                condition = {"name": parent, "answer": answer, "label": labels[parent]}
            attrs = {"aria-describedby": " ".join(described)}
            if field.errors:
                attrs["aria-invalid"] = "true"
            yield {
                "field": field,
                "number": number,
                "type": question.field_type,
                "is_nps": question.field_type == QuestionType.NPS,
                "grouped": grouped,
                "required": question.required,
                "condition": condition,
                "first_id": f"{field.auto_id}_0" if grouped else field.auto_id,
                "widget": None if grouped else field.as_widget(attrs=attrs),
            }


class SurveyFormBuilder(FormBuilder):
    REQUIRED = _("Ответьте, пожалуйста, на этот вопрос.")
    CHOOSE = _("Выберите ответ.")
    INVALID_CHOICE = _("Выберите один из предложенных вариантов.")

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options.pop("initial", None)
        options["error_messages"] = {"required": self.REQUIRED}
        return options

    def get_formatted_field_choices(self, field):
        return [(c, c) for c in split_choices(field.choices)]

    def _choice(self, options, message=None):
        options["error_messages"] = {
            "required": message or self.CHOOSE,
            "invalid_choice": self.INVALID_CHOICE,
        }
        return options

    def create_radio_field(self, field, options):
        options["choices"] = self.get_formatted_field_choices(field)
        return forms.ChoiceField(widget=forms.RadioSelect, **self._choice(options))

    def create_checkboxes_field(self, field, options):
        options["choices"] = self.get_formatted_field_choices(field)
        return forms.MultipleChoiceField(
            widget=forms.CheckboxSelectMultiple,
            **self._choice(options, _("Отметьте хотя бы один вариант.")),
        )

    def create_rating_field(self, field, options):
        options["choices"] = [(i, f"{i} — {RATING_WORDS[i]}") for i in range(1, 6)]
        return forms.TypedChoiceField(
            coerce=int, empty_value=None, widget=forms.RadioSelect, **self._choice(options)
        )

    def create_nps_field(self, field, options):
        options["choices"] = [(i, str(i)) for i in range(0, 11)]
        return forms.TypedChoiceField(
            coerce=int, empty_value=None, widget=forms.RadioSelect, **self._choice(options)
        )

    def create_singleline_field(self, field, options):
        return forms.CharField(max_length=255, **options)

    def create_multiline_field(self, field, options):
        return forms.CharField(max_length=4000, widget=forms.Textarea(attrs={"rows": 4}), **options)

    def create_date_field(self, field, options):
        options["error_messages"]["invalid"] = _("Введите дату в формате ДД.ММ.ГГГГ.")
        return forms.DateField(widget=DateInput, **options)

    def get_form_class(self):
        fields = self.formfields
        questions, conditions, required_when_shown = {}, {}, set()
        by_label = {}
        for question in self.fields:
            name = question.clean_name or question.get_field_clean_name()
            questions[name] = question
            parent = by_label.get(question.show_if_question.strip())
            if question.show_if_question and parent:
                conditions[name] = (parent, question.show_if_answer.strip())
                if question.required:
                    required_when_shown.add(name)
                    fields[name].required = False
            by_label[question.label.strip()] = name
        return type(
            "SurveyForm",
            (SurveyForm,),
            {
                **fields,
                "questions": questions,
                "conditions": conditions,
                "required_when_shown": required_when_shown,
            },
        )
