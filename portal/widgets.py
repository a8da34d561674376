"""Form widgets the staff screens and the public site share."""

from django import forms


class DateInput(forms.DateInput):
    """The browser's date picker; its value is an ISO date, which is what it sends back."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
