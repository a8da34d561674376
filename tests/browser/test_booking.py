"""A citizen books a consultation on the public site; the reception sees it in the journal."""

import datetime
import re

from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from portal.models import Centre
from tests.browser.test_cases import sign_in


def test_citizen_books_a_consultation_and_reception_sees_it(site, page, axe):
    cache.clear()
    centre = Centre.objects.get(slug="nchelny")
    day = timezone.localdate() + datetime.timedelta(days=1)
    while str(day.isoweekday()) not in centre.working_days:
        day += datetime.timedelta(days=1)
    page.goto(site.url + "/zapis/")
    expect(
        page.get_by_role("heading", name="Предварительная запись на консультацию")
    ).to_be_visible()
    axe(page)
    page.get_by_label("Центр занятости").select_option(
        label="ГКУ «ЦЗН города Набережные Челны» (Набережные Челны)"
    )
    page.get_by_label("По какому вопросу").select_option(
        label="Содействие занятости гражданам I, II и III группы инвалидности"
    )
    page.get_by_label("Дата").fill(day.isoformat())
    page.get_by_label("Время").fill("19:00")
    page.get_by_label("Как к вам обращаться").fill("Алия Браузерова")
    page.get_by_label("Телефон для связи").fill("+7 917 555-66-77")
    page.get_by_role("button", name="Записаться").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Центр принимает с 08:00 до 17:00")
    expect(summary).to_contain_text("Без согласия")
    expect(page.get_by_label("Как к вам обращаться")).to_have_value("Алия Браузерова")
    axe(page)
    summary.get_by_role("link", name="Время: Центр принимает").click()
    expect(page.get_by_label("Время")).to_be_focused()
    page.get_by_label("Время").fill("10:00")
    page.get_by_label("Мне нужна помощь при посещении").check()
    page.get_by_label("Я согласен(на) на обработку").check()
    page.get_by_role("button", name="Записаться").click()
    expect(page.get_by_role("heading", name="Вы записаны на консультацию")).to_be_visible()
    expect(page.get_by_text("10:00")).to_be_visible()
    assert "Алия" not in page.url
    axe(page)
    sign_in(page, site, "reception")
    page.goto(f"{site.url}/staff/appointments/?day={day.isoformat()}")
    row = page.locator("tr", has_text="Алия Браузерова")
    expect(row).to_contain_text("нужна помощь при посещении")
    axe(page)
    row.get_by_role("button", name=re.compile(r"^Пришёл\s*:")).click()
    expect(page.locator("tr", has_text="Алия Браузерова")).to_contain_text("Пришёл")
    expect(page.locator("tr", has_text="Алия Браузерова")).to_be_focused()
