import pytest
from django.core.exceptions import ValidationError

from cases.validators import format_snils, snils_checksum, validate_phone, validate_snils


@pytest.mark.parametrize("value", ["112-233-445 95", "11223344595", "112 233 445 95"])
def test_valid_snils_in_any_formatting(value):
    validate_snils(value)


def test_checksum_rules():
    assert snils_checksum("112233445") == 95
    # Sums of 100 and 101 give 00; above 101 the remainder of division by 101 counts.
    assert snils_checksum("000000000") == 0


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("112-233-445 96", "Контрольное число СНИЛС не сходится"),
        ("112-233-445", "СНИЛС состоит из 11 цифр"),
        ("абвгд", "СНИЛС состоит из 11 цифр"),
    ],
)
def test_invalid_snils_has_a_russian_message(value, message):
    with pytest.raises(ValidationError) as exc:
        validate_snils(value)
    assert message in exc.value.messages[0]


def test_snils_is_displayed_the_usual_way():
    assert format_snils("11223344595") == "112-233-445 95"


def test_phone_validation():
    validate_phone("+7 (917) 123-45-67")
    with pytest.raises(ValidationError):
        validate_phone("позвоните мне")
