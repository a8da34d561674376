"""Named choices of the content app. A leaf module: models, forms, filters and services
import it, it imports nothing of the project."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResultType(models.TextChoices):
    """What a service gives the citizen (the life situation's "result of value")."""

    DOCUMENT = "document", _("Документ")
    PAYMENT = "payment", _("Выплата")
    INFORMATION = "information", _("Информация, консультация")
    SUPPORT = "support", _("Мера государственной поддержки")
    RIGHT = "right", _("Реализация права")
    OTHER = "other", _("Иная выгода")


class RequestMode(models.TextChoices):
    REQUEST = "request", _("По запросу гражданина")
    PROACTIVE = "proactive", _("Проактивно")
    BOTH = "both", _("По запросу или проактивно")


class ServiceChannel(models.TextChoices):
    """How a citizen can get a service (the catalogue filter; ServicePage.channel_* flags)."""

    IN_PERSON = "in_person", _("Лично в центре занятости")
    PHONE = "phone", _("По телефону")
    PORTAL = "portal", _("На портале «Работа в России»")


class AnswerChannel(models.TextChoices):
    """Where a set of survey answers came from."""

    PUBLIC = "public", _("На сайте")
    KIOSK = "kiosk", _("Планшет в зале")
    PHONE = "phone", _("По телефону")
    INVITATION = "invitation", _("По приглашению после обращения")


# The five groups of client performance indicators of the Standard (para. 64), plus the
# additional indicators a working group on client-centricity may add (para. 65).
INDICATOR_GROUPS = [
    ("friendliness", _("Дружелюбие и партнерство")),
    ("usefulness", _("Полезность обращения")),
    ("effort", _("Минимизация усилий граждан и работодателей")),
    ("personalisation", _("Персонализация и адресность взаимодействия")),
    ("comfort", _("Внешний комфорт и удобство")),
    ("additional", _("Дополнительный показатель клиентоцентричности")),
]


class QuestionType(models.TextChoices):
    """A survey question's type; the form builder has a create_<value>_field for each."""

    RADIO = "radio", _("Один вариант из списка")
    CHECKBOXES = "checkboxes", _("Несколько вариантов из списка")
    RATING = "rating", _("Оценка от 1 до 5")
    NPS = "nps", _("Готовность рекомендовать, от 0 до 10")
    SINGLELINE = "singleline", _("Короткий текст")
    MULTILINE = "multiline", _("Развёрнутый текст")
    DATE = "date", _("Дата")


QUESTION_TYPES = QuestionType.choices
CHOICE_TYPES = {QuestionType.RADIO, QuestionType.CHECKBOXES}
# Rendered as a fieldset with a legend.
GROUP_TYPES = {QuestionType.RADIO, QuestionType.CHECKBOXES, QuestionType.RATING, QuestionType.NPS}
SCALES = {QuestionType.RATING: (1, 5), QuestionType.NPS: (0, 10)}
RATING_WORDS = {
    1: _("очень плохо"),
    2: _("плохо"),
    3: _("удовлетворительно"),
    4: _("хорошо"),
    5: _("отлично"),
}


class ApplicantCategoryKind(models.TextChoices):
    """Which list of the reception screen a category of applicants belongs to."""

    SPECIAL = "special", _("Особая категория")
    REGIONAL = "regional", _("Региональная особо учитываемая категория")


class DeadlineUnit(models.TextChoices):
    """How a route step's deadline counts: calendar days, or business days of the centre's
    production calendar (portal/calendar.py)."""

    CALENDAR = "calendar", _("календарных дней")
    BUSINESS = "business", _("рабочих дней")
