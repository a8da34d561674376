"""An SMS reminder lands in var/sms/ the day before an appointment; the journal and the case page
show what was sent."""

import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from cases import route_graph as r
from cases import services
from cases.choices import PlanItemStatus
from cases.models import Appointment, Notice, PlanItem
from cases.services import notices
from portal.models import Centre
from tests.browser.test_cases import sign_in
from tests.browser.test_ipra import shot
from tests.cases.test_appointments import next_working_day

FILE = "portal.sms.backends.filebased.SmsBackend"


def test_an_sms_reminder_lands_in_var_sms_the_day_before(site, page, axe, settings, tmp_path):
    settings.SMS_BACKEND = FILE
    settings.SMS_FILE_PATH = str(tmp_path / "var" / "sms")
    cache.clear()
    centre = Centre.objects.get(slug="nchelny")
    day = next_working_day(centre, days_ahead=3)
    page.goto(site.url + "/zapis/")
    page.get_by_label("Центр занятости").select_option(
        label="ГКУ «ЦЗН города Набережные Челны» (Набережные Челны)"
    )
    page.get_by_label("Дата").fill(day.isoformat())
    page.get_by_label("Время").fill("11:30")
    page.get_by_label("Как к вам обращаться").fill("Рамиля Напоминаева")
    page.get_by_label("Телефон для связи").fill("+7 917 444-55-66")
    reminder = page.get_by_label("Напомнить мне по СМС за день до приёма")
    expect(reminder).not_to_be_checked()  # a consent is given, never assumed
    reminder.check()
    page.get_by_label("Я согласен(на) на обработку").check()
    axe(page)
    shot(page, "notices-booking")
    page.get_by_role("button", name="Записаться").click()
    expect(page.get_by_role("heading", name="Вы записаны на консультацию")).to_be_visible()

    appointment = Appointment.objects.get(name="Рамиля Напоминаева")
    notice = Notice.objects.get(appointment=appointment)
    tz = ZoneInfo(centre.timezone)
    the_day_before = datetime.datetime.combine(
        day - datetime.timedelta(days=1), datetime.time(10), tz
    )
    assert notice.send_after == the_day_before
    sms = tmp_path / "var" / "sms" / (notice.key.replace(":", "_") + ".txt")
    notices.deliver_due(now=the_day_before - datetime.timedelta(minutes=1))
    assert not sms.exists()  # nothing before its moment
    notices.deliver_due(now=the_day_before + datetime.timedelta(minutes=1))
    text = sms.read_text(encoding="utf-8")
    assert "To: +7 917 444-55-66" in text
    assert f"записаны на приём {day:%d.%m.%Y} в 11:30" in text

    sign_in(page, site, "reception")
    page.goto(f"{site.url}/staff/appointments/?day={day.isoformat()}")
    row = page.locator("tr", has_text="Рамиля Напоминаева")
    expect(row).to_contain_text("Напоминание о приёме (СМС): отправлено")
    axe(page)
    shot(page, "notices-journal")


def test_the_curator_reads_the_delivery_log_on_the_case(site, page, axe):
    curator = get_user_model().objects.get(username="curator")
    item = (
        PlanItem.objects.filter(
            case__curator=curator, case__state=r.IN_SERVICE, status__in=PlanItemStatus.pending()
        )
        .select_related("case__citizen")
        .first()
    )
    citizen = item.case.citizen
    citizen.phone, citizen.sms_consent = "+79174445566", True
    citizen.save()
    services.change_plan_item_status(curator, item, "complete", "")
    notices.deliver_due(
        now=timezone.now() + datetime.timedelta(days=1, hours=12 - timezone.localtime().hour)
    )
    sign_in(page, site, "curator")
    page.goto(f"{site.url}/staff/cases/{item.case_id}/")
    log = page.get_by_role("region", name="Уведомления гражданину")
    expect(log).to_contain_text("Результат услуги")
    expect(log).to_contain_text("Отправлено")
    expect(log).to_contain_text("***-55-66")
    expect(log).not_to_contain_text("4445566")
    axe(page)
    log.scroll_into_view_if_needed()
    shot(page, "notices-case")
