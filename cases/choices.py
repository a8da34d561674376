"""Named choices of the case module. A leaf module: models, forms, filters, services and the
views (for their templates) import it; it imports nothing of the project."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactChannel(models.TextChoices):
    """How the centre reaches a citizen (Citizen.preferred_channel)."""

    VISIT = "visit", _("Личный визит")
    PHONE = "phone", _("Телефон")
    SMS = "sms", _("СМС")
    EMAIL = "email", _("Электронная почта")
    PORTAL = "portal", _("Портал «Работа в России»")


class PlanItemStatus(models.TextChoices):
    PLANNED = "planned", _("Запланировано")
    IN_PROGRESS = "in_progress", _("Выполняется")
    DONE = "done", _("Выполнено")
    REFUSED = "refused", _("Отказ гражданина")
    CANCELLED = "cancelled", _("Отменено")

    @classmethod
    def pending(cls):
        """Items still to be worked on: they can be started, changed and closed."""
        return (cls.PLANNED, cls.IN_PROGRESS)

    @classmethod
    def dropped(cls):
        """Items taken out of the plan: they do not count as its content."""
        return (cls.REFUSED, cls.CANCELLED)

    @classmethod
    def finished(cls):
        return (cls.DONE, cls.REFUSED, cls.CANCELLED)


class AppointmentSource(models.TextChoices):
    PUBLIC = "public", _("Запись на сайте")
    STAFF = "staff", _("Запись сотрудником")


class AppointmentStatus(models.TextChoices):
    BOOKED = "booked", _("Записан")
    ATTENDED = "attended", _("Пришёл")
    NO_SHOW = "no_show", _("Не пришёл")
    CANCELLED = "cancelled", _("Отменена")


class InvitationDelivery(models.TextChoices):
    """How a survey invitation reached the citizen."""

    EMAIL = "email", _("ссылка отправлена на электронную почту")
    STAFF = "staff", _("передать ссылку лично или провести опрос по телефону")
    PHONE = "phone", _("опрос по телефону")


class AccessAction(models.TextChoices):
    """What a staff member did with personal data (AccessLog.action)."""

    VIEW = "view", _("Просмотр")
    PRINT = "print", _("Печать")
    EXPORT = "export", _("Выгрузка")
    SEARCH = "search", _("Поиск")


class AccessObject(models.TextChoices):
    """What was opened (AccessLog.object_type). A later record kind (IPRA, referral) adds a line
    here and one in cases.services.audit.ACCESS_KINDS."""

    CITIZEN = "citizen", _("Гражданин")
    CASE = "case", _("Случай")
    PLAN_ITEM = "plan_item", _("Пункт плана")
    REGISTRY = "registry", _("Реестр получателей")
    APPOINTMENTS = "appointments", _("Журнал записи")
    CITIZEN_SEARCH = "citizen_search", _("Поиск гражданина")
    ACCESS_LOG = "access_log", _("Журнал доступа")
