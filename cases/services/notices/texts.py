"""What a notice says, in the citizen's language (ru, tt or en). An SMS names no health data,
no diagnosis and no IPRA: it may be read by anyone holding the phone."""

from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from cases.choices import NoticeKind
from portal import links


def _contact(centre):
    return _(" Телефон: %(phone)s.") % {"phone": centre.phone} if centre.phone else ""


def _appointment(notice):
    centre, appointment = notice.centre, notice.appointment
    starts = appointment.starts_at.astimezone(ZoneInfo(centre.timezone))
    text = _("%(centre)s: напоминаем, что вы записаны на приём %(day)s в %(time)s.") % {
        "centre": centre.short_name,
        "day": starts.strftime("%d.%m.%Y"),
        "time": starts.strftime("%H:%M"),
    }
    if centre.address:
        text += " " + _("Адрес: %(address)s.") % {"address": centre.address}
    if centre.phone:
        text += " " + _("Если не сможете прийти, позвоните: %(phone)s.") % {"phone": centre.phone}
    return text


def _service_result(notice):
    return _("%(centre)s: услуга «%(service)s» оказана. О результате расскажет ваш специалист.") % {
        "centre": notice.centre.short_name,
        "service": notice.plan_item.service.title,
    } + (_contact(notice.centre))


def _retention(notice):
    return _(
        "%(centre)s: расскажите нам, как идёт ваша работа. Специалист свяжется с вами до "
        "%(day)s, или позвоните сами."
    ) % {
        "centre": notice.centre.short_name,
        "day": notice.retention_check.due_on.strftime("%d.%m.%Y"),
    } + _contact(notice.centre)


def _staff_deadlines(notice, counts):
    lines = [
        _("Сроки на %(day)s.") % {"day": notice.for_date.strftime("%d.%m.%Y")},
        _("Пунктов плана к исполнению на сегодня и раньше: %(n)s.") % {"n": counts.to_deliver},
        _("Из них просрочено: %(n)s.") % {"n": counts.overdue},
        _("Проверок закрепляемости в ближайшую неделю: %(n)s.") % {"n": counts.retention},
        _("Записей на приём сегодня: %(n)s.") % {"n": counts.appointments},
        _("Моя работа: %(url)s") % {"url": links.absolute(reverse("cases:my-work"))},
    ]
    return "\n".join(lines)


COMPOSERS = {
    NoticeKind.APPOINTMENT: _appointment,
    NoticeKind.SERVICE_RESULT: _service_result,
    NoticeKind.RETENTION: _retention,
}


def language_of(notice):
    if notice.citizen_id:
        return notice.citizen.preferred_language or "ru"
    return "ru"


def compose(notice, counts=None):
    """(subject, text) of the notice, in its recipient's language."""
    with translation.override(language_of(notice)):
        subject = f"{notice.centre.short_name}: {NoticeKind(notice.kind).label}"
        if notice.kind == NoticeKind.STAFF_DEADLINES:
            return subject, _staff_deadlines(notice, counts)
        return subject, COMPOSERS[notice.kind](notice)
