"""The consultation booking form (предварительная запись на консультацию): public and staff."""

import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cases.validators import validate_phone
from content.models import LifeSituationPage
from portal.models import Centre
from portal.widgets import DateInput

WEEKDAY_NAMES = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"]
BOOKING_HORIZON_DAYS = 90  # how far ahead a consultation can be booked


def working_days_text(centre):
    return ", ".join(WEEKDAY_NAMES[int(d) - 1] for d in sorted(centre.working_days))


class BookingForm(forms.Form):
    centre = forms.ModelChoiceField(
        label=_("Центр занятости"),
        queryset=Centre.objects.all(),
        empty_label=_("— выберите центр —"),
        error_messages={"required": _("Выберите центр занятости.")},
    )
    name = forms.CharField(
        label=_("Как к вам обращаться"),
        max_length=200,
        error_messages={"required": _("Напишите, как к вам обращаться.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label=_("Телефон для связи"),
        max_length=30,
        validators=[validate_phone],
        error_messages={"required": _("Укажите телефон, чтобы мы могли подтвердить запись.")},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    life_situation = forms.ModelChoiceField(
        label=_("По какому вопросу"),
        required=False,
        queryset=LifeSituationPage.objects.none(),
        empty_label=_("— не знаю / другое —"),
    )
    date = forms.DateField(
        label=_("Дата"),
        widget=DateInput(),
        error_messages={
            "required": _("Выберите дату."),
            "invalid": _("Введите дату в формате ДД.ММ.ГГГГ."),
        },
    )
    time = forms.TimeField(
        label=_("Время"),
        widget=forms.TimeInput(attrs={"type": "time", "step": 1800}, format="%H:%M"),
        error_messages={
            "required": _("Выберите время."),
            "invalid": _("Введите время в формате ЧЧ:ММ."),
        },
    )
    needs_assistance = forms.BooleanField(
        label=_("Мне нужна помощь при посещении (сопровождение, пандус, отдельное окно)"),
        required=False,
    )
    sms_consent = forms.BooleanField(
        label=_("Напомнить мне по СМС за день до приёма"),
        help_text=_("Придёт одно сообщение на указанный телефон, не ночью."),
        required=False,
    )
    comment = forms.CharField(
        label=_("Комментарий"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["life_situation"].queryset = LifeSituationPage.objects.live().filter(
            locale__language_code="ru"
        )
        self.fields["life_situation"].label_from_instance = lambda p: p.title
        self.fields["centre"].label_from_instance = lambda c: f"{c.short_name} ({c.city})"
        if Centre.objects.count() == 1:
            self.fields["centre"].initial = Centre.objects.get()

    def clean(self):
        cleaned = super().clean()
        centre, day, at = cleaned.get("centre"), cleaned.get("date"), cleaned.get("time")
        if not (centre and day and at):
            return cleaned
        tz = ZoneInfo(centre.timezone)
        if day > timezone.localdate(timezone=tz) + datetime.timedelta(days=BOOKING_HORIZON_DAYS):
            self.add_error(
                "date",
                ngettext(
                    "Записаться можно не более чем на %(n)s день вперёд. Выберите дату ближе.",
                    "Записаться можно не более чем на %(n)s дней вперёд. Выберите дату ближе.",
                    BOOKING_HORIZON_DAYS,
                )
                % {"n": BOOKING_HORIZON_DAYS},
            )
            return cleaned
        starts = datetime.datetime.combine(day, at, tzinfo=tz)
        if starts <= timezone.now():
            self.add_error("date", _("Это время уже прошло. Выберите дату и время в будущем."))
            return cleaned
        if str(day.isoweekday()) not in centre.working_days:
            self.add_error(
                "date",
                _("В этот день центр не принимает. Рабочие дни: %(days)s.")
                % {"days": working_days_text(centre)},
            )
            return cleaned
        end = (datetime.datetime.combine(day, at) + datetime.timedelta(minutes=30)).time()
        if at < centre.opens_at or end > centre.closes_at or end < at:
            self.add_error(
                "time",
                _("Центр принимает с %(o)s до %(c)s. Выберите время приёма.")
                % {"o": centre.opens_at.strftime("%H:%M"), "c": centre.closes_at.strftime("%H:%M")},
            )
            return cleaned
        cleaned["starts_at"] = starts
        return cleaned


class PublicBookingForm(BookingForm):
    consent = forms.BooleanField(
        label=_("Я согласен(на) на обработку моих персональных данных для записи на приём"),
        error_messages={
            "required": _("Без согласия на обработку данных мы не можем вас записать.")
        },
    )
    field_order = [
        "centre",
        "name",
        "phone",
        "life_situation",
        "date",
        "time",
        "needs_assistance",
        "sms_consent",
        "comment",
        "consent",
    ]


class StaffBookingForm(BookingForm):
    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = Centre.objects.filter(pk=centre.pk)
        self.fields["centre"].initial = centre
        self.fields["centre"].widget = forms.HiddenInput()
