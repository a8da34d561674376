"""Centres (the tenants) and the staff user."""

from zoneinfo import available_timezones

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

WEEKDAYS = "1234567"  # ISO weekday numbers, Monday = 1


def validate_working_days(value):
    if not value or any(ch not in WEEKDAYS for ch in value) or len(set(value)) != len(value):
        raise ValidationError(
            _("Укажите рабочие дни цифрами от 1 (понедельник) до 7 (воскресенье), например 12345.")
        )


def validate_timezone(value):
    if value not in available_timezones():
        raise ValidationError(_("Неизвестный часовой пояс: %(tz)s"), params={"tz": value})


class Centre(models.Model):
    """An employment centre (ЦЗН): the unit that owns staff, citizens and cases."""

    name = models.CharField(_("полное наименование"), max_length=255, unique=True)
    short_name = models.CharField(_("краткое наименование"), max_length=120)
    slug = models.SlugField(_("код"), max_length=60, unique=True)
    region = models.CharField(_("субъект РФ"), max_length=120)
    city = models.CharField(_("город"), max_length=120)
    address = models.CharField(_("адрес"), max_length=255, blank=True)
    phone = models.CharField(_("телефон колл-центра"), max_length=40, blank=True)
    email = models.EmailField(_("электронная почта"), blank=True)
    timezone = models.CharField(
        _("часовой пояс"), max_length=64, default="Europe/Moscow", validators=[validate_timezone]
    )
    opens_at = models.TimeField(_("начало приёма"), default="08:00")
    closes_at = models.TimeField(_("окончание приёма"), default="17:00")
    escalation_business_days = models.PositiveSmallIntegerField(
        _("эскалация просрочки, рабочих дней"),
        default=5,
        help_text=_(
            "Пункт плана, просроченный на столько рабочих дней и больше, выделяется "
            "руководителю центра."
        ),
    )
    working_days = models.CharField(
        _("рабочие дни"),
        max_length=7,
        default="12345",
        validators=[validate_working_days],
        help_text=_("Цифры дней недели: 1 — понедельник … 7 — воскресенье."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("центр занятости")
        verbose_name_plural = _("центры занятости")

    def __str__(self):
        return self.short_name or self.name

    def clean(self):
        if self.opens_at and self.closes_at and self.opens_at >= self.closes_at:
            raise ValidationError(
                {"closes_at": _("Приём должен заканчиваться позже, чем начинается.")}
            )


class User(AbstractUser):
    """A member of staff, an editor or an administrator. Staff belong to one centre."""

    patronymic = models.CharField(_("отчество"), max_length=150, blank=True)
    position = models.CharField(_("должность"), max_length=150, blank=True)
    centre = models.ForeignKey(
        Centre,
        verbose_name=_("центр занятости"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("пользователь")
        verbose_name_plural = _("пользователи")
        permissions = [("unlock_accounts", _("Может снимать блокировку входа"))]

    def get_full_name(self):
        parts = [self.last_name, self.first_name, self.patronymic]
        return " ".join(p for p in parts if p).strip() or self.username

    def get_short_name(self):
        """Surname with initials, as Russian documents write it: «Рева Н. С.»."""
        initials = " ".join(f"{p[0]}." for p in (self.first_name, self.patronymic) if p)
        return f"{self.last_name} {initials}".strip() or self.username


class LimitsCacheEntry(models.Model):
    """The table of the "limits" cache (portal/ratelimit.py) when there is no Redis: Django's
    DatabaseCache, shared by every app process. A model only so that the migrations make the
    table (the columns are those of `createcachetable`) and test flushes empty it; it is read
    and written through `caches["limits"]`, never through the ORM."""

    cache_key = models.CharField(max_length=255, unique=True, primary_key=True)
    value = models.TextField()
    expires = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "portal_limits_cache"
        default_permissions = ()

    def __str__(self):
        return self.cache_key


class CalendarDayKind(models.TextChoices):
    DAY_OFF = "day_off", _("Нерабочий день")
    WORKING = "working", _("Рабочий день")


class CalendarDay(models.Model):
    """A day the production calendar (portal/calendar.py) must treat otherwise than the federal
    one of the `holidays` library says: a region's own day off (Tatarstan's Ураза-байрам,
    Курбан-байрам, Republic Day, Constitution Day), or — with no region — an override of the
    federal calendar should the government move a day the library does not know of yet."""

    region = models.CharField(
        _("субъект РФ"),
        max_length=120,
        blank=True,
        help_text=_(
            "Как в карточке центра занятости, например «Республика Татарстан». Пусто — для всех "
            "центров (поправка федерального календаря)."
        ),
    )
    date = models.DateField(_("дата"))
    kind = models.CharField(
        _("день"), max_length=10, choices=CalendarDayKind.choices, default=CalendarDayKind.DAY_OFF
    )
    name = models.CharField(_("название"), max_length=200)

    class Meta:
        ordering = ["-date", "region"]
        verbose_name = _("день производственного календаря")
        verbose_name_plural = _("производственный календарь")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "date"],
                name="one_calendar_day_per_region",
                violation_error_message=_("Этот день для этого субъекта РФ уже указан."),
            )
        ]

    def __str__(self):
        where = self.region or _("все регионы")
        return f"{self.date:%d.%m.%Y} — {self.name} ({where})"
