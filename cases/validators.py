"""SNILS (страховой номер индивидуального лицевого счёта), INN and phone validation."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SNILS_DIGITS = re.compile(r"\D")


def snils_digits(value):
    return SNILS_DIGITS.sub("", value or "")


def snils_checksum(number: str) -> int:
    """The control number of the first nine digits (Pension Fund rules)."""
    total = sum(int(d) * (9 - i) for i, d in enumerate(number[:9]))
    if total < 100:
        return total
    if total in (100, 101):
        return 0
    total %= 101
    return 0 if total == 100 else total


def validate_snils(value):
    digits = snils_digits(value)
    if len(digits) != 11:
        raise ValidationError(
            _("СНИЛС состоит из 11 цифр, например 112-233-445 95."), code="snils_length"
        )
    number = int(digits[:9])
    if number == 0:
        raise ValidationError(
            _("Такого СНИЛС не бывает: номер не может состоять из одних нулей."),
            code="snils_zero",
        )
    # Numbers up to 001-001-998 were issued without a meaningful control number.
    if number > 1001998 and snils_checksum(digits) != int(digits[9:]):
        raise ValidationError(
            _("Контрольное число СНИЛС не сходится: проверьте, не перепутаны ли цифры."),
            code="snils_checksum",
        )


def format_snils(value):
    d = snils_digits(value)
    if len(d) != 11:
        return value
    return f"{d[:3]}-{d[3:6]}-{d[6:9]} {d[9:]}"


def mask_snils(value):
    """«***-***-789 01»: the last five digits only (an erased record has none to show)."""
    d = snils_digits(value)
    if len(d) != 11:
        return "***-***-*** **"
    return f"***-***-{d[6:9]} {d[9:]}"


PHONE = re.compile(r"^\+?[\d\s()\-]{6,20}$")


def validate_phone(value):
    if value and (not PHONE.match(value) or len(re.sub(r"\D", "", value)) < 6):
        raise ValidationError(
            _("Укажите телефон цифрами, например +7 917 123-45-67."), code="phone"
        )


# INN (ИНН): 10 digits for an organisation, 12 for an individual entrepreneur; the last one or
# two digits are check digits (weights of the Federal Tax Service).
INN_WEIGHTS_10 = (2, 4, 10, 3, 5, 9, 4, 6, 8)
INN_WEIGHTS_11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
INN_WEIGHTS_12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)


def inn_check_digit(digits, weights):
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11 % 10


def validate_inn(value):
    digits = value or ""
    if not digits.isdigit() or len(digits) not in (10, 12):
        raise ValidationError(
            _("ИНН состоит из 10 цифр (организация) или 12 цифр (индивидуальный предприниматель)."),
            code="inn_length",
        )
    if len(digits) == 10:
        valid = inn_check_digit(digits, INN_WEIGHTS_10) == int(digits[9])
    else:
        valid = inn_check_digit(digits, INN_WEIGHTS_11) == int(digits[10]) and inn_check_digit(
            digits, INN_WEIGHTS_12
        ) == int(digits[11])
    if not valid:
        raise ValidationError(
            _("Контрольные цифры ИНН не сходятся: проверьте, не перепутаны ли цифры."),
            code="inn_checksum",
        )
