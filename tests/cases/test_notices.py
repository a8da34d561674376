"""Reminders and notices (cases.services.notices): consent per channel, the day-before moment,
never at night, retried on failure, never twice, logged on the case."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

import portal.sms
from cases import services
from cases.choices import (
    AppointmentSource,
    AppointmentStatus,
    NoticeChannel,
    NoticeKind,
    NoticeStatus,
)
from cases.models import Appointment, Notice
from cases.services import erasure, notices
from cases.services.notices import timing
from portal.models import Centre
from portal.sms import SmsError
from tests.cases.test_races import race

TZ = ZoneInfo("Europe/Moscow")  # Naberezhnye Chelny keeps Moscow time


@pytest.fixture(autouse=True)
def _outbox(db):
    # The demo data has notices of its own (reminders of its visits, results of its plans):
    # each test here starts from none, to count its own.
    Notice.objects.all().delete()
    portal.sms.outbox.clear()
    yield
    portal.sms.outbox.clear()


@pytest.fixture
def chelny(db):
    return Centre.objects.get(slug="nchelny")


def local(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=TZ)


def in_days(n):
    return datetime.date.today() + datetime.timedelta(days=n)


def book(centre, starts_at, consent=True, **extra):
    data = {
        "centre": centre,
        "starts_at": starts_at,
        "name": "Зульфия Тестовна",
        "phone": "+7 917 222-33-44",
        "sms_consent": consent,
        **extra,
    }
    return services.book_appointment(data, AppointmentSource.PUBLIC)


def test_a_booking_with_consent_plans_one_sms_the_day_before_at_ten(chelny):
    appointment = book(chelny, local(in_days(5), 11, 30))
    notice = Notice.objects.get(appointment=appointment)
    assert notice.kind == NoticeKind.APPOINTMENT and notice.channel == NoticeChannel.SMS
    assert notice.send_after == local(in_days(4), 10)
    assert notice.status == NoticeStatus.PLANNED and notice.recipient == "+7 917 222-33-44"
    # Its worker task waits in the database for that moment.
    task = DBTaskResult.objects.get(id=notice.task_id)
    assert task.status == TaskResultStatus.READY and task.run_after == notice.send_after
    assert task.queue_name == "notices"
    # Planning the same reminder again finds it.
    assert notices.plan_appointment_reminder(appointment) == notice
    assert Notice.objects.count() == 1


def test_no_consent_no_notice_and_no_reminder_for_today(chelny):
    book(chelny, local(in_days(5), 11), consent=False)
    now = datetime.datetime.now(TZ)
    book(chelny, now + datetime.timedelta(minutes=5) if now.hour < 23 else now, consent=True)
    assert not Notice.objects.exists()


def test_the_reminder_is_delivered_once_with_its_key_and_no_health_data(chelny):
    appointment = book(chelny, local(in_days(5), 11, 30))
    before = local(in_days(4), 9, 59)
    assert notices.deliver_due(now=before) == []  # not yet
    at = local(in_days(4), 10, 5)
    assert notices.deliver_due(now=at) == [NoticeStatus.SENT]
    (sms,) = portal.sms.outbox
    stamp = appointment.starts_at.astimezone(datetime.UTC).strftime("%Y%m%d%H%M")
    assert sms.to == "+7 917 222-33-44" and sms.key == f"appointment:{appointment.pk}:{stamp}"
    assert in_days(5).strftime("%d.%m.%Y") in sms.text and "11:30" in sms.text
    assert "инвалид" not in sms.text.lower() and "ИПРА" not in sms.text
    notice = Notice.objects.get()
    assert notice.status == NoticeStatus.SENT and notice.sent_at == at and notice.text == sms.text
    # Another worker, or the same task delivered twice: nothing more.
    assert notices.deliver(notice.pk, now=at) is None
    assert notices.deliver_due(now=at + datetime.timedelta(hours=1)) == []
    assert len(portal.sms.outbox) == 1


def test_never_at_night_in_the_centres_time_zone(chelny, settings):
    appointment = book(chelny, local(in_days(5), 11))
    notice = Notice.objects.get(appointment=appointment)
    night = local(in_days(4), 22, 30)
    Notice.objects.filter(pk=notice.pk).update(send_after=local(in_days(4), 22))
    assert notices.deliver(notice.pk, now=night) == NoticeStatus.PLANNED
    notice.refresh_from_db()
    assert notice.send_after == local(in_days(5), 9) and notice.attempts == 0
    assert portal.sms.outbox == []
    early = local(in_days(5), 8, 59)
    assert notices.deliver(notice.pk, now=early) is None  # not yet due
    assert notices.deliver(notice.pk, now=local(in_days(5), 9)) == NoticeStatus.SENT
    # A booking made late in the evening for tomorrow is reminded in the morning.
    late = local(in_days(7), 21, 40)
    other = book(chelny, local(in_days(8), 15), name="Другая")
    Notice.objects.filter(appointment=other).delete()  # as if booked at 21:40 the day before
    other = notices.plan_appointment_reminder(other, now=late)
    assert other.send_after == local(in_days(8), 9)
    settings.NOTICE_QUIET_HOURS = (22, 8)
    assert timing.allowed_moment(late, "Europe/Moscow") == late


def test_a_failed_attempt_is_retried_later_then_given_up_with_a_plain_reason(chelny, monkeypatch):
    book(chelny, local(in_days(5), 11))
    notice = Notice.objects.get()

    def down(self, message):
        raise SmsError("СМС-шлюз ответил ошибкой 503.")

    monkeypatch.setattr("portal.sms.backends.locmem.SmsBackend.send", down)
    now = local(in_days(4), 10)
    assert notices.deliver(notice.pk, now=now) == NoticeStatus.RETRY
    notice.refresh_from_db()
    assert notice.attempts == 1 and notice.send_after == now + datetime.timedelta(minutes=1)
    assert notice.reason == "СМС-шлюз ответил ошибкой 503."
    assert DBTaskResult.objects.get(id=notice.task_id).run_after == notice.send_after
    for _attempt in range(timing.MAX_ATTEMPTS - 1):
        now = notice.send_after
        status = notices.deliver(notice.pk, now=now)
        notice.refresh_from_db()
    assert status == NoticeStatus.FAILED and notice.attempts == timing.MAX_ATTEMPTS
    assert notices.deliver(notice.pk, now=now + datetime.timedelta(days=1)) is None
    monkeypatch.undo()
    assert portal.sms.outbox == []


def test_a_cancelled_or_moved_appointment_and_a_withdrawn_consent_send_nothing(chelny, users):
    first = book(chelny, local(in_days(5), 11))
    services.set_appointment_status(users["hall"], first, AppointmentStatus.CANCELLED)
    assert Notice.objects.get(appointment=first).status == NoticeStatus.CANCELLED
    moved = book(chelny, local(in_days(5), 12), name="Перенос")
    Appointment.objects.filter(pk=moved.pk).update(starts_at=local(in_days(6), 12))
    at = local(in_days(4), 10)
    assert notices.deliver_due(now=at) == [NoticeStatus.CANCELLED]
    assert Notice.objects.get(appointment=moved).reason == "Время записи изменилось."
    assert portal.sms.outbox == []


def test_a_dead_worker_never_makes_the_citizen_get_it_twice(chelny):
    """The worker sent the SMS and died before recording it: after the lease the notice goes
    back to the queue, is sent again with the same key, and the gateway drops the repeat."""
    book(chelny, local(in_days(5), 11))
    notice = Notice.objects.get()
    at = local(in_days(4), 10)
    Notice.objects.filter(pk=notice.pk).update(
        status=NoticeStatus.SENDING, claimed_at=at, attempts=1
    )
    portal.sms.send_sms(notice.recipient, "уже ушло", notice.key)  # what the dead worker did
    assert notices.recover_stranded(now=at + datetime.timedelta(minutes=2)) == 0  # lease holds
    later = at + timing.LEASE + datetime.timedelta(seconds=1)
    assert notices.recover_stranded(now=later) == 1
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.RETRY
    assert notices.deliver(notice.pk, now=later) == NoticeStatus.SENT
    notice.refresh_from_db()
    assert "уже было доставлено" in notice.reason
    assert len(portal.sms.outbox) == 1


def test_a_due_notice_whose_task_is_lost_gets_a_new_one(chelny):
    book(chelny, local(in_days(5), 11))
    notice = Notice.objects.get()
    DBTaskResult.objects.filter(id=notice.task_id).delete()
    assert notices.recover_stranded(now=notice.send_after) == 0  # not yet due long enough
    late = notice.send_after + timing.GRACE + datetime.timedelta(minutes=1)
    assert notices.recover_stranded(now=late) == 1
    notice.refresh_from_db()
    assert DBTaskResult.objects.get(id=notice.task_id).status == TaskResultStatus.READY
    assert notices.recover_stranded(now=late) == 0  # it has a live task now


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_workers_at_once_send_a_notice_once(chelny):
    book(chelny, local(in_days(5), 11))
    notice = Notice.objects.get()
    at = local(in_days(4), 10)
    results = race(lambda i, _: notices.deliver(notice.pk, now=at), attempts=6)
    assert [r for r in results if isinstance(r, Exception)] == []
    assert sorted(results, key=str) == [None] * 5 + [NoticeStatus.SENT]
    assert len(portal.sms.outbox) == 1


def _consenting(case, **fields):
    citizen = case.citizen
    for name, value in fields.items():
        setattr(citizen, name, value)
    citizen.save()
    return case


def test_a_delivered_service_is_told_to_the_citizen_by_the_agreed_channel(case_at, users):
    case = _consenting(
        case_at("plan_agreed"),
        email="petr@example.org",
        email_consent=True,
        preferred_channel="email",
    )
    item = case.plan_items.first()
    services.change_plan_item_status(users["curator"], item, "complete", "Резюме готово")
    notice = Notice.objects.get(kind=NoticeKind.SERVICE_RESULT)
    assert notice.channel == NoticeChannel.EMAIL and notice.case == case
    assert notices.deliver(notice.pk, now=local(in_days(1), 12)) == NoticeStatus.SENT
    (message,) = mail.outbox
    assert item.service.title in message.body and message.to == ["petr@example.org"]
    assert "Резюме готово" not in message.body  # the result is told by the specialist


def test_retention_invitations_before_each_check_and_cancelled_once_held(case_at, users):
    case = case_at("employed")
    _consenting(case, phone="+79172223344", sms_consent=True)
    assert not Notice.objects.filter(case=case).exists()  # consent came after the scheduling
    invitations = notices.plan_retention_invitations(case)
    checks = list(case.retention_checks.order_by("months"))
    assert len(invitations) == len(checks) == 4
    first = Notice.objects.get(retention_check=checks[0])
    assert first.send_after == local(checks[0].due_on - datetime.timedelta(days=3), 10)
    checks[0].due_on = datetime.date.today()  # the check is held today
    checks[0].save()
    services.record_check(
        users["curator"], checks[0], outcome="employed", checked_on=datetime.date.today(), note=""
    )
    first.refresh_from_db()
    assert first.status == NoticeStatus.CANCELLED and first.reason == "Проверка уже проведена."


def test_staff_get_the_days_deadlines_on_business_days_only(case_at, users, chelny):
    case = case_at("plan_agreed")
    item = case.plan_items.first()
    item.executor = users["psychologist"]
    item.due_date = datetime.date(2026, 12, 7)
    item.save()
    users["psychologist"].email = "psy@example.org"
    users["psychologist"].save()
    monday = local(datetime.date(2026, 12, 7), 7)
    planned = notices.plan_staff_deadlines(chelny, now=monday)
    mine = [n for n in planned if n.staff == users["psychologist"]]
    assert len(mine) == 1 and mine[0].send_after == local(datetime.date(2026, 12, 7), 9)
    assert notices.plan_staff_deadlines(chelny, now=local(datetime.date(2026, 12, 6), 9)) == []
    assert notices.deliver(mine[0].pk, now=local(datetime.date(2026, 12, 7), 9)) == "sent"
    (message,) = [m for m in mail.outbox if m.to == ["psy@example.org"]]
    assert "Пунктов плана к исполнению на сегодня и раньше: 1." in message.body
    assert reverse("cases:my-work") in message.body
    # The next day, a reminder left unsent is stale.
    Notice.objects.filter(pk=mine[0].pk).update(status=NoticeStatus.PLANNED)
    later = local(datetime.date(2026, 12, 8), 10)
    assert notices.deliver(mine[0].pk, now=later) == NoticeStatus.CANCELLED


def test_the_delivery_log_on_the_case_page_masks_the_number(client, users, case_at):
    case = _consenting(case_at("plan_agreed"), phone="+79172223344", sms_consent=True)
    item = case.plan_items.first()
    services.change_plan_item_status(users["curator"], item, "complete", "")
    notices.deliver_due(now=local(in_days(1), 12))
    client.force_login(users["curator"])
    page = client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    body = page.split('id="notices-h"')[1].split("</section>")[0]
    assert "Уведомления гражданину" in body and "Результат услуги" in body
    assert "Отправлено" in body and "***-33-44" in body and "9172223344" not in body
    assert "Согласие на уведомления: СМС." in body


def test_consent_to_a_channel_needs_its_contact(client, users, case_at):
    case = case_at("plan_agreed")
    citizen = case.citizen
    client.force_login(users["reception"])
    url = reverse("cases:citizen-edit", args=[citizen.pk])
    page = client.get(url).content.decode()
    assert 'name="sms_consent"' in page and 'name="email_consent"' in page
    data = {
        "last_name": citizen.last_name,
        "first_name": "Новое Имя",
        "patronymic": citizen.patronymic,
        "birth_date": citizen.birth_date.isoformat(),
        "snils": citizen.snils,
        "phone": "",
        "email": "",
        "preferred_channel": "sms",
        "preferred_language": "ru",
        "consent_given": "on",
        "sms_consent": "on",
        "email_consent": "on",
        "version": citizen.version,
    }
    response = client.post(url, data)
    assert response.status_code == 422
    body = response.content.decode()
    assert "Для СМС-уведомлений укажите телефон." in body
    assert "Для уведомлений по электронной почте укажите адрес." in body
    assert 'value="Новое Имя"' in body
    citizen.refresh_from_db()
    assert citizen.first_name != "Новое Имя" and not citizen.sms_consent


def test_an_erased_citizens_notices_keep_no_contact_or_text(case_at, users):
    case = _consenting(case_at("plan_agreed"), phone="+79172223344", sms_consent=True)
    services.change_plan_item_status(users["curator"], case.plan_items.first(), "complete", "")
    notices.deliver_due(now=local(in_days(1), 12))
    services.run_transition(case, "withdraw", users["curator"], comment="Переехал")
    erasure.erase_citizen(case.citizen_id, reason="Срок хранения истёк")
    notice = Notice.objects.get()
    assert notice.recipient == "" and notice.text == "" and notice.status == NoticeStatus.SENT


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_takes_a_due_notice(chelny, run_background_tasks, settings):
    """The real path: the task the booking enqueued, run by `manage.py worker --batch`."""
    settings.NOTICE_QUIET_HOURS = (24, 0)  # no night, whenever the suite runs
    appointment = book(chelny, datetime.datetime.now(TZ) + datetime.timedelta(days=1, hours=1))
    notice = Notice.objects.get(appointment=appointment)
    Notice.objects.filter(pk=notice.pk).update(send_after=datetime.datetime.now(TZ))
    DBTaskResult.objects.filter(id=notice.task_id).update(run_after=datetime.datetime.now(TZ))
    run_background_tasks()
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.SENT and len(portal.sms.outbox) == 1


def test_a_consent_withdrawn_before_the_moment_sends_nothing(case_at, users):
    case = _consenting(case_at("plan_agreed"), phone="+79172223344", sms_consent=True)
    services.change_plan_item_status(users["curator"], case.plan_items.first(), "complete", "")
    _consenting(case, sms_consent=False)
    assert notices.deliver_due(now=local(in_days(1), 12)) == [NoticeStatus.CANCELLED]
    assert Notice.objects.get().reason == "Гражданин отозвал согласие на этот канал."
    assert portal.sms.outbox == []


def test_a_citizen_who_reads_tatar_gets_the_message_in_tatar(case_at, users):
    case = _consenting(
        case_at("plan_agreed"), phone="+79172223344", sms_consent=True, preferred_language="tt"
    )
    services.change_plan_item_status(users["curator"], case.plan_items.first(), "complete", "")
    notices.deliver_due(now=local(in_days(1), 12))
    (sms,) = portal.sms.outbox
    assert "хезмәте күрсәтелде" in sms.text and "оказана" not in sms.text
