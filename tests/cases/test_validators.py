import pytest
from django.core.exceptions import ValidationError

from cases.validators import format_snils, snils_checksum, validate_phone, validate_snils


@pytest.mark.parametrize("value", ["112-233-445 95", "11223344595", "112 233 445 95"])
def test_valid_snils_in_any_formatting(value):
    validate_snils(value)


# Control numbers worked out by hand (weights 9..1 over the nine digits), never by the code
# under test: the weighted sum, then the rule that applies to it.
HAND_COMPUTED = [
    # the published example: 1*9+1*8+2*7+2*6+3*5+3*4+4*3+4*2+5*1 = 95, below 100, taken as is
    ("112233445", 95),
    # 2*(9+8+7+6+5+4+3) + 5*2 + 6*1 = 84 + 16 = 100 -> 00
    ("222222256", 0),
    # 84 + 5*2 + 7*1 = 101 -> 00
    ("222222257", 0),
    # 84 + 5*2 + 8*1 = 102, above 101 -> 102 mod 101 = 01 (mod 100 would give 02)
    ("222222258", 1),
    # 9*45 = 405 -> 405 mod 101 = 01 (mod 100 would give 05)
    ("999999999", 1),
    # 5*(9+8+7+6+5+4) + 2*3 = 201 -> 201 mod 101 = 100 -> 00 (mod 100 would give 01)
    ("555555200", 0),
    # 1*7 + 1*4 + 9*3 + 9*2 + 9*1 = 65: the first number whose control number is checked
    ("001001999", 65),
    # 0: all zeros
    ("000000000", 0),
]


@pytest.mark.parametrize(("nine", "control"), HAND_COMPUTED)
def test_checksum_rules(nine, control):
    assert snils_checksum(nine) == control


@pytest.mark.parametrize(
    "value",
    [
        "112-233-445 95",
        "222-222-256 00",
        "222-222-257 00",
        "222-222-258 01",
        "999-999-999 01",
        "555-555-200 00",
        "001-001-999 65",
    ],
)
def test_hand_computed_numbers_are_valid(value):
    validate_snils(value)


@pytest.mark.parametrize(
    "value",
    ["222-222-258 02", "999-999-999 05", "555-555-200 01", "001-001-999 66", "112-233-445 59"],
)
def test_a_wrong_control_number_is_refused(value):
    with pytest.raises(ValidationError) as exc:
        validate_snils(value)
    assert exc.value.code == "snils_checksum"
    assert exc.value.messages == [
        "Контрольное число СНИЛС не сходится: проверьте, не перепутаны ли цифры."
    ]


@pytest.mark.parametrize("value", ["112-233-445", "112-233-445 951", "", None, "абвгд"])
def test_a_snils_of_other_than_11_digits_is_refused(value):
    with pytest.raises(ValidationError) as exc:
        validate_snils(value)
    assert exc.value.code == "snils_length"
    assert exc.value.messages == ["СНИЛС состоит из 11 цифр, например 112-233-445 95."]


@pytest.mark.parametrize("value", ["001-001-998 00", "001-001-998 99", "000-000-001 42"])
def test_numbers_up_to_001_001_998_are_not_checked(value):
    # 001-001-998 weighs 64, yet any control number passes: those were issued without one.
    validate_snils(value)


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


@pytest.mark.parametrize("value", ["123456", "12-34-56", "+7 (917) 123-45-67", ""])
def test_six_digits_are_enough_for_a_phone(value):
    validate_phone(value)


@pytest.mark.parametrize("value", ["12345", "(((---)))", "+7 917 123 45 67 89 01 23", "123456x"])
def test_a_phone_needs_six_digits_and_nothing_but_phone_characters(value):
    with pytest.raises(ValidationError) as exc:
        validate_phone(value)
    assert exc.value.messages == ["Укажите телефон цифрами, например +7 917 123-45-67."]
    assert exc.value.code == "phone"


def test_a_snils_of_zeros_is_refused():
    with pytest.raises(ValidationError) as exc:
        validate_snils("000-000-000 00")
    assert exc.value.code == "snils_zero"
    assert exc.value.messages == ["Такого СНИЛС не бывает: номер не может состоять из одних нулей."]
