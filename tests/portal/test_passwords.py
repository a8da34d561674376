"""Passwords: Django's four validators plus the Russian blocklist (portal/passwords.py), in both
keyboard layouts, with a Russian message; 12 characters at least in production."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from portal import passwords
from tests.portal.test_settings import production_env, settings_value

COMMON = passwords.RussianCommonPasswordValidator()


def refused(password, validator=COMMON):
    try:
        validator.validate(password)
    except ValidationError as error:
        return error.messages
    return None


@pytest.mark.parametrize(
    "password",
    [
        "пароль",
        "ПАРОЛЬ",
        "Пароль",
        "йцукен",
        "йцукенг",
        "qwerty123",
        "QWERTY123",
        "123qwe",
        "zaq12wsx",
        "natasha",
        "Natasha1985",
        "пароль2024!",
        "gfhjkm",  # «пароль» typed with the Latin layout on
        "GFHJKM123",
        "qwerty",
        "Марат1990",
        "ktyf",  # «лена» typed with the Latin layout on
    ],
)
def test_common_passwords_are_refused(password):
    assert refused(password)


def test_the_other_layout_both_ways():
    # «qwerty» typed with the Russian layout on, and «Наташа» typed with the Latin one.
    assert refused("йцукен") and refused("qwerty".translate(passwords.TO_CYRILLIC))
    assert refused("yfnfif")  # «наташа» on the Latin layout
    assert refused("ЗФЫЫЦЩКВ")  # «PASSWORD» on the Russian layout


def test_the_list_is_long_and_real():
    words = passwords.common_passwords()
    assert len(words) >= 500
    assert {"пароль", "йцукен", "йцукенг", "qwerty123", "123qwe", "zaq12wsx"} <= words


@pytest.mark.parametrize(
    "password",
    ["вишня-трамвай-облако", "Kama river 7 bridges", "моя кошка ест огурцы", "xk3#Lq9!vRt2"],
)
def test_uncommon_passwords_pass(password):
    assert refused(password) is None


def test_the_message_is_russian(db):
    with pytest.raises(ValidationError) as error:
        validate_password("gfhjkm123456")
    assert any("слишком распространён" in m for m in error.value.messages)


def test_all_five_validators_are_on(db, settings):
    names = [v["NAME"].rsplit(".", 1)[-1] for v in settings.AUTH_PASSWORD_VALIDATORS]
    assert names == [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
        "RussianCommonPasswordValidator",
    ]
    with pytest.raises(ValidationError):
        validate_password("1234567890123")  # numeric


def test_twelve_characters_at_least_in_production_and_configurable(tmp_path):
    length = "settings.AUTH_PASSWORD_VALIDATORS[1]['OPTIONS']['min_length']"
    assert settings_value(length, **production_env(tmp_path)) == "12"
    env = {**production_env(tmp_path), "MARSHRUT_PASSWORD_MIN_LENGTH": "16"}
    assert settings_value(length, **env) == "16"
