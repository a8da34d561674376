"""A validator of the common passwords of Russian-speaking users (AUTH_PASSWORD_VALIDATORS).

Django's CommonPasswordValidator knows the English tops; people here also pick «пароль»,
«йцукен», names and teams, type «пароль» with the Latin layout on («gfhjkm»), or add a year.
The list (portal/data/common_passwords_ru.txt) is compared case-insensitively, in both keyboard
layouts, and without the digits and signs at the end.
"""

import functools
import re
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

WORD_LIST = Path(__file__).resolve().parent / "data" / "common_passwords_ru.txt"

# The same keys of the Russian (ЙЦУКЕН) and the Latin (QWERTY) layouts.
_LATIN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`"
_CYRILLIC = "йцукенгшщзхъфывапролджэячсмитьбюё"
TO_CYRILLIC = str.maketrans(_LATIN, _CYRILLIC)
TO_LATIN = str.maketrans(_CYRILLIC, _LATIN)
_TAIL = re.compile(r"[\d\W_]+$")


def _normal(text):
    return text.strip().lower().replace("ё", "е")


def variants(password):
    """The password as compared: as typed, in the other layout both ways, and each of those
    without the digits and signs it ends with."""
    typed = password.strip().lower()
    found = {typed, typed.translate(TO_CYRILLIC), typed.translate(TO_LATIN)}
    found |= {_TAIL.sub("", v) for v in found}
    return {_normal(v) for v in found if v}


@functools.cache
def common_passwords(path=WORD_LIST):
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return frozenset(_normal(line) for line in lines if line.strip() and not line.startswith("#"))


class RussianCommonPasswordValidator:
    def __init__(self, password_list_path=WORD_LIST):
        self.path = str(password_list_path)

    def validate(self, password, user=None):
        if variants(password) & common_passwords(self.path):
            raise ValidationError(
                _(
                    "Этот пароль слишком распространён, его легко подобрать (в том числе "
                    "набранный в другой раскладке или с цифрами в конце). Придумайте другой: "
                    "например, три-четыре не связанных между собой слова."
                ),
                code="password_too_common",
            )

    def get_help_text(self):
        return _(
            "Пароль не должен быть распространённым словом, именем или рядом клавиш — ни в "
            "русской, ни в латинской раскладке."
        )
