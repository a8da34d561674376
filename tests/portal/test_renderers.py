"""Every field renders through the project's form renderer: label, help, error, widget, tied
together by Django's own aria-describedby and aria-invalid."""

import re

from django import forms

from cases.forms_booking import PublicBookingForm


class Sample(forms.Form):
    phone = forms.CharField(label="Телефон", help_text="С кодом города.")
    agree = forms.BooleanField(label="Согласен")
    choice = forms.ChoiceField(
        label="Канал", choices=[("a", "А"), ("b", "Б")], widget=forms.RadioSelect
    )


def test_help_and_error_are_tied_to_the_widget():
    form = Sample(data={"phone": ""})
    html = form["phone"].as_field_group()
    assert '<label for="id_phone">Телефон <span aria-hidden="true">*</span></label>' in html
    assert 'id="id_phone_helptext"' in html and 'id="id_phone_error"' in html
    widget = re.search(r"<input[^>]*>", html).group(0)
    assert 'aria-describedby="id_phone_helptext id_phone_error"' in widget
    assert 'aria-invalid="true"' in widget
    assert html.index("id_phone_error") < html.index("<input")


def test_a_checkbox_sits_inside_its_label_and_radios_in_a_fieldset():
    form = Sample(data={})
    agree = form["agree"].as_field_group()
    assert re.search(
        r'<label class="checkbox" for="id_agree"><input[^>]*> <span>Согласен</span>', agree
    )
    choice = form["choice"].as_field_group()
    assert '<fieldset aria-describedby="id_choice_error">' in choice
    assert "<legend>Канал</legend>" in choice and choice.count('type="radio"') == 2


def test_the_public_booking_form_uses_the_renderer(db):
    html = str(PublicBookingForm(data={"name": "", "phone": "x"})["phone"].as_field_group())
    assert 'aria-describedby="id_phone_error"' in html and 'class="field field-error"' in html
