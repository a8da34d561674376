"""Survey questions as plain data: their stable keys, answer options and the checks an
editor's list of questions must pass. No models here, so the page model, its admin form and
its form builder all use it without importing each other."""

import hashlib
import re

from django.utils.translation import gettext_lazy as _

from content.choices import CHOICE_TYPES, SCALES

CYRILLIC = {
    **dict(zip("абвгдезийклмнопрстуфыэәөүңһ", "abvgdeziiklmnoprstufyeaounh", strict=True)),
    **{"ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch"},
    **{"ю": "iu", "я": "ia", "җ": "zh", "ъ": "", "ь": ""},
}


def question_key(label):
    """The stable key of a question in the stored answers: a short transliteration of its text
    and a hash of the whole text (two questions with the same text get the same key, which the
    admin refuses)."""
    text = "".join(CYRILLIC.get(ch, ch) for ch in label.strip().lower())
    slug = re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:40].strip("_") or "q"
    digest = hashlib.blake2s(label.strip().encode("utf-8"), digest_size=3).hexdigest()
    return f"{slug}_{digest}"


def split_choices(text):
    """Answer options: one per line (commas are allowed inside an answer)."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def answer_options(field_type, choices):
    """The values an answer may take, as strings (for conditions and results)."""
    if field_type in CHOICE_TYPES:
        return split_choices(choices)
    if field_type in SCALES:
        low, high = SCALES[field_type]
        return [str(i) for i in range(low, high + 1)]
    return []


def validate_questions(questions):
    """Questions are (label, field_type, choices, show_if_question, show_if_answer) tuples in
    their order. Returns {index: {field: message}} for the problems found."""
    errors = {}
    seen = {}
    for index, (label, field_type, choices, if_question, if_answer) in enumerate(questions):
        problems = {}
        if field_type in CHOICE_TYPES and len(split_choices(choices)) < 2:
            problems["choices"] = _("Укажите хотя бы два варианта ответа, по одному в строке.")
        if if_question or if_answer:
            earlier = seen.get((if_question or "").strip())
            if not if_question:
                problems["show_if_question"] = _("Укажите, от ответа на какой вопрос зависит этот.")
            elif earlier is None:
                problems["show_if_question"] = _(
                    "Среди предыдущих вопросов нет вопроса с таким текстом."
                )
            elif not earlier:
                problems["show_if_question"] = _(
                    "Условие можно поставить только на вопрос с вариантами ответа или оценкой."
                )
            elif (if_answer or "").strip() not in earlier:
                problems["show_if_answer"] = _("Выберите один из вариантов: %(options)s.") % {
                    "options": "; ".join(earlier)
                }
        if problems:
            errors[index] = problems
        options = answer_options(field_type, choices)
        seen[(label or "").strip()] = options
    return errors
