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
    IPRA = "ipra", _("ИПРА")
    IPRA_REGISTRY = "ipra_registry", _("Реестр ИПРА")
    IPRA_JOURNAL = "ipra_journal", _("Журнал учета разработки перечня мероприятий по ИПРА")
    IPRA_REPORT = "ipra_report", _("Отчёт об исполнении ИПРА за период")
    IPRA_IMPORT = "ipra_import", _("Импорт ИПРА")
    REFERRAL = "referral", _("Направление к партнёру")
    REFERRAL_JOURNAL = "referral_journal", _("Журнал направленных граждан")
    JOB_REFERRAL = "job_referral", _("Направление на работу")


class DisabilityGroup(models.TextChoices):
    """The disability group (Citizen.disability_group, Ipra.disability_group)."""

    I = "1", _("I группа")  # noqa: E741 (the group's Roman numeral)
    II = "2", _("II группа")
    III = "3", _("III группа")


class IpraState(models.TextChoices):
    """The IPRA's own route (Ipra.state, cases.models.ipra): received from the bureau, the citizen
    acquainted, the list of measures formed, the measures carried out, the report sent back; or
    the citizen declined or could not be reached."""

    RECEIVED = "received", _("Поступила")
    ACQUAINTED = "acquainted", _("Гражданин ознакомлен")
    MEASURES_FORMED = "measures_formed", _("Перечень мероприятий сформирован")
    IN_EXECUTION = "in_execution", _("Мероприятия исполняются")
    REPORT_SENT = "report_sent", _("Отчёт направлен в бюро МСЭ")
    DECLINED = "declined", _("Гражданин отказался")
    UNREACHABLE = "unreachable", _("Гражданин не найден")

    @classmethod
    def open(cls):
        """Still being worked on: its measures' deadline matters."""
        return (cls.RECEIVED, cls.ACQUAINTED, cls.MEASURES_FORMED, cls.IN_EXECUTION)

    @classmethod
    def reportable(cls):
        """States from which the report to the bureau may be recorded as sent."""
        return (cls.IN_EXECUTION, cls.DECLINED, cls.UNREACHABLE)


class IpraEstablished(models.TextChoices):
    """Whether the disability was established for the first time or repeatedly."""

    FIRST = "first", _("впервые")
    REPEATED = "repeated", _("повторно")


class AcquaintanceMethod(models.TextChoices):
    """How the citizen was acquainted with the IPRA and the list of measures."""

    IN_PERSON = "in_person", _("Лично")
    PHONE = "phone", _("По телефону")
    EMAIL = "email", _("По электронной почте")
    MAIL = "mail", _("Письмом")


class ConditionKind(models.TextChoices):
    """A working condition named by an IPRA: recommended, or contraindicated."""

    RECOMMENDED = "recommended", _("Рекомендовано")
    CONTRAINDICATED = "contraindicated", _("Противопоказано")


class MeasureOutcome(models.TextChoices):
    """What became of a measure the IPRA assigned to the employment service."""

    PENDING = "pending", _("Ожидает исполнения")
    DONE = "done", _("Исполнено")
    NOT_DONE = "not_done", _("Не исполнено")


class ReportMethod(models.TextChoices):
    """How the execution report went back to the bureau of medical-social expertise."""

    FRI = "fri", _("Через ФГИС «Федеральный реестр инвалидов»")
    SMEV = "smev", _("Через СМЭВ")
    EMAIL = "email", _("По электронной почте")
    MAIL = "mail", _("Почтой")
    COURIER = "courier", _("Нарочным")


class ImportState(models.TextChoices):
    """An IPRA import job (IpraImport.state)."""

    QUEUED = "queued", _("В очереди")
    RUNNING = "running", _("Выполняется")
    DONE = "done", _("Завершён")
    FAILED = "failed", _("Прерван из-за ошибки")

    @classmethod
    def active(cls):
        return (cls.QUEUED, cls.RUNNING)


# The reception screen (экран приёма, cases.models.ReceptionRecord), as in the seed's desktop.


class IdentityDocument(models.TextChoices):
    PASSPORT = "passport", _("Паспорт гражданина РФ")
    TEMPORARY = "temporary", _("Временное удостоверение личности гражданина РФ")
    RELEASE = "release", _("Справка об освобождении из мест лишения свободы")
    FOREIGN = "foreign", _("Паспорт иностранного гражданина")
    RESIDENCE = "residence", _("Вид на жительство")
    OTHER = "other", _("Другой документ")


class EmploymentRelation(models.TextChoices):
    """Отношение к занятости."""

    NOT_EMPLOYED = "not_employed", _("Незанятый гражданин")
    EMPLOYED = "employed", _("Работающий гражданин")
    STUDENT = "student", _("Обучающийся")
    PENSIONER = "pensioner", _("Пенсионер, не работающий")


class NonEmploymentBasis(models.TextChoices):
    """Основание незанятости: asked of a citizen who does not work."""

    DISMISSED = "dismissed", _("Уволенный из организации")
    RELEASED = "released", _("Освобождённый из учреждения, исполняющего наказание")
    FIRST_TIME = "first_time", _("Впервые ищущий работу (ранее не работавший)")
    LONG_BREAK = "long_break", _("Стремящийся возобновить работу после длительного перерыва")
    GRADUATE = "graduate", _("Выпускник образовательной организации")
    MILITARY = "military", _("Уволенный с военной службы")
    OTHER = "other", _("Другое")


class Education(models.TextChoices):
    NONE = "none", _("Без основного общего образования")
    BASIC = "basic", _("Основное общее")
    SECONDARY = "secondary", _("Среднее общее")
    VOCATIONAL = "vocational", _("Среднее профессиональное (в т.ч. начальное профессиональное)")
    BACHELOR = "bachelor", _("Высшее — бакалавриат")
    MASTER = "master", _("Высшее — специалитет, магистратура")
    DOCTORAL = "doctoral", _("Высшее — подготовка кадров высшей квалификации")


class ProfilingOutcome(models.TextChoices):
    """The curator's profiling (профилирование): how much help finding work the citizen needs."""

    HIGH = "high", _("Высокий потенциал трудоустройства: достаточно подбора вакансий")
    MEDIUM = "medium", _("Средний потенциал: нужны профориентация, обучение или адаптация")
    LOW = "low", _("Низкий потенциал: нужно сопровождение при трудоустройстве")


class RetentionOutcome(models.TextChoices):
    """The result of a retention check (контроль закрепляемости)."""

    EMPLOYED = "employed", _("Работает")
    LEFT = "left", _("Уволился")
    NOT_REACHABLE = "not_reachable", _("Не удалось связаться")
    CANCELLED = "cancelled", _("Не проводилась: случай закрыт раньше")

    @classmethod
    def recordable(cls):
        """What a specialist records; CANCELLED is set by an early closing only."""
        return [(v, label) for v, label in cls.choices if v != cls.CANCELLED]


class QueuePurpose(models.TextChoices):
    """Why a visitor takes a ticket in the hall (the seed: the purposes of the hall's queue)."""

    REGISTRATION = "registration", _("Постановка на учёт, приём документов")
    CONSULTATION = "consultation", _("Консультация")
    VACANCIES = "vacancies", _("Подбор вакансий")
    IPRA = "ipra", _("ИПРА инвалида")
    DOCUMENTS = "documents", _("Справки и документы")

    @classmethod
    def letter(cls, value):
        """The letter of a ticket's number («Р-014»)."""
        return {"registration": "Р", "consultation": "К", "vacancies": "В", "ipra": "И"}.get(
            value, "Д"
        )


class TicketState(models.TextChoices):
    """waiting → called → serving → done; a called ticket may end as no-show or redirected."""

    WAITING = "waiting", _("Ожидает")
    CALLED = "called", _("Вызван")
    SERVING = "serving", _("Обслуживается")
    DONE = "done", _("Обслужен")
    NO_SHOW = "no_show", _("Не явился")
    REDIRECTED = "redirected", _("Перенаправлен")

    @classmethod
    def active(cls):
        return [cls.CALLED, cls.SERVING]


class NoticeKind(models.TextChoices):
    """What a notice is about (cases.services.notices)."""

    APPOINTMENT = "appointment", _("Напоминание о приёме")
    SERVICE_RESULT = "service_result", _("Результат услуги")
    RETENTION = "retention", _("Приглашение на проверку закрепляемости")
    STAFF_DEADLINES = "staff_deadlines", _("Сроки на сегодня (сотруднику)")


class NoticeChannel(models.TextChoices):
    SMS = "sms", _("СМС")
    EMAIL = "email", _("Электронная почта")


class NoticeStatus(models.TextChoices):
    """planned → sending → sent; a failed attempt goes to retry, then (after the last) failed;
    a notice whose reason is gone (the appointment cancelled, the consent withdrawn) is
    cancelled."""

    PLANNED = "planned", _("Запланировано")
    SENDING = "sending", _("Отправляется")
    RETRY = "retry", _("Повтор после сбоя")
    SENT = "sent", _("Отправлено")
    FAILED = "failed", _("Не отправлено")
    CANCELLED = "cancelled", _("Отменено")

    @classmethod
    def waiting(cls):
        """Notices a worker may still take."""
        return (cls.PLANNED, cls.RETRY)


# Referrals to partners and the employer side (cases.models.referrals, cases.models.employers).


class OfferAnswer(models.TextChoices):
    """The citizen's answer to the offer («С предложением ознакомлен, согласен / не согласен»)."""

    AGREES = "agrees", _("Согласен")
    DISAGREES = "disagrees", _("Не согласен")


class ReferralStatus(models.TextChoices):
    """A referral to a partner: drafted → sent → conclusion received; or declined / expired."""

    DRAFT = "draft", _("Оформляется")
    SENT = "sent", _("Направлен, ждём заключение")
    CONCLUDED = "concluded", _("Заключение получено")
    DECLINED = "declined", _("Отказ")
    EXPIRED = "expired", _("Истёк срок, заключения нет")

    @classmethod
    def open(cls):
        return (cls.DRAFT, cls.SENT)

    @classmethod
    def closable(cls):
        """How a referral may end without a conclusion."""
        return [(cls.DECLINED.value, cls.DECLINED.label), (cls.EXPIRED.value, cls.EXPIRED.label)]


class VacancyStatus(models.TextChoices):
    OPEN = "open", _("Открыта")
    FILLED = "filled", _("Заполнена")
    CLOSED = "closed", _("Закрыта")


class WorkSchedule(models.TextChoices):
    FULL = "full", _("Полный день")
    SHIFT = "shift", _("Сменный график")
    PART = "part", _("Неполный день")
    FLEXIBLE = "flexible", _("Гибкий график")
    REMOTE = "remote", _("Удалённая работа")
    ROTATION = "rotation", _("Вахтовый метод")


class JobReferralStatus(models.TextChoices):
    """A job referral (направление на работу) and the employer's answer."""

    ISSUED = "issued", _("Выдано, ждём ответ работодателя")
    HIRED = "hired", _("Принят на работу")
    REFUSED = "refused", _("Отказ работодателя")
    NO_SHOW = "no_show", _("Гражданин не явился")

    @classmethod
    def answers(cls):
        return [(s.value, s.label) for s in (cls.HIRED, cls.REFUSED, cls.NO_SHOW)]

    @classmethod
    def came(cls):
        """Answers after which the citizen had the interview."""
        return (cls.HIRED, cls.REFUSED)
