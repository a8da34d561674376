from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_case_log_actions(actions):
    actions.register_action("marshrut.case.open", _("Открытие случая"), _("Случай открыт"))
    actions.register_action(
        "marshrut.case.handover", _("Передача случая"), _("Случай передан другому куратору")
    )
    actions.register_action(
        "marshrut.case.transition", _("Переход по маршруту"), _("Переход по маршруту")
    )
    actions.register_action(
        "marshrut.case.route_version", _("Смена версии маршрута"), _("Версия маршрута сменена")
    )
    actions.register_action(
        "marshrut.case.documents", _("Отметка о документах"), _("Документы отмечены")
    )
    actions.register_action("marshrut.script.start", _("Начат разговор по скрипту"), _("Начат"))
    actions.register_action(
        "marshrut.script.finish", _("Завершён разговор по скрипту"), _("Завершён")
    )
    actions.register_action("marshrut.citizen.create", _("Регистрация гражданина"), _("Создан"))
    actions.register_action(
        "marshrut.citizen.update", _("Изменение данных гражданина"), _("Изменён")
    )
    actions.register_action(
        "marshrut.case.retention", _("Проверка закрепляемости"), _("Проверка записана")
    )
    actions.register_action(
        "marshrut.case.reception", _("Изменение экрана приёма"), _("Экран приёма изменён")
    )
    actions.register_action(
        "marshrut.citizen.erase", _("Удаление персональных данных"), _("Данные удалены")
    )
    actions.register_action("marshrut.plan.add", _("Пункт плана добавлен"), _("Пункт добавлен"))
    actions.register_action("marshrut.plan.change", _("Пункт плана изменён"), _("Пункт изменён"))
    actions.register_action(
        "marshrut.plan.status", _("Статус пункта плана"), _("Статус пункта изменён")
    )
    actions.register_action(
        "marshrut.appointment.change", _("Запись на приём"), _("Запись изменена")
    )
    actions.register_action(
        "marshrut.case.survey_invite", _("Приглашение в опрос"), _("Приглашён в опрос")
    )
    actions.register_action(
        "marshrut.case.survey_phone", _("Опрос по телефону"), _("Опрос проведён по телефону")
    )
    actions.register_action(
        "marshrut.plan.contraindication",
        _("Услуга назначена вопреки противопоказанию ИПРА"),
        _("Назначено с обоснованием"),
    )
    actions.register_action("marshrut.ipra.import", _("Загрузка файла ИПРА"), _("Файл загружен"))
    actions.register_action("marshrut.ipra.transition", _("Действие с ИПРА"), _("Состояние ИПРА"))
    actions.register_action(
        "marshrut.ipra.measure_add", _("Мероприятие ИПРА добавлено"), _("Добавлено")
    )
    actions.register_action(
        "marshrut.ipra.measure_change", _("Мероприятие ИПРА изменено"), _("Изменено")
    )
    actions.register_action(
        "marshrut.ipra.measure_remove", _("Мероприятие ИПРА удалено"), _("Удалено")
    )
    actions.register_action(
        "marshrut.ipra.to_plan", _("Мероприятия ИПРА добавлены в план"), _("Добавлены в план")
    )
    for action, label, message in (
        ("marshrut.referral.save", _("Направление к партнёру оформлено"), _("Оформлено")),
        ("marshrut.referral.send", _("Направление к партнёру отправлено"), _("Отправлено")),
        ("marshrut.referral.conclusion", _("Заключение партнёра записано"), _("Записано")),
        ("marshrut.referral.close", _("Направление к партнёру закрыто"), _("Закрыто")),
        ("marshrut.job_referral.issue", _("Направление на работу выдано"), _("Выдано")),
        ("marshrut.job_referral.answer", _("Ответ работодателя записан"), _("Записан")),
    ):
        actions.register_action(action, label, message)
