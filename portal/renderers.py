"""The project's form renderer: every field renders through one accessible template.

Django 5.2 already ties help text and errors to the widget (`aria-describedby` pointing at
`<id>_helptext` and `<id>_error`, `aria-invalid` on errors); the template only lays them out
in our order (label, help, error, widget) and our markup (`.field`, checkboxes inside their
label, radios in a fieldset). Use `{{ form.field.as_field_group }}`.
"""

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    field_template_name = "includes/form_field.html"
