"""The reception screen in a real browser (Chromium, axe-core): reception fills it in by
keyboard, meets a mistake (the summary takes the focus and links to the field, what was typed is
kept), corrects it and reads the result on the case page; the curator records the profiling.
Set MARSHRUT_SCREENSHOTS=<dir> to keep screenshots at 1366 and 375 px."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from cases import route_graph as r
from cases.models import Case, ReceptionRecord
from tests.browser.test_cases import sign_in
from tests.browser.test_ipra import shot


def test_reception_fills_the_reception_screen_and_the_curator_profiles(site, page, axe):
    case = (
        Case.objects.filter(centre__slug="nchelny", state=r.REGISTERED, reception__isnull=True)
        .select_related("citizen")
        .first()
    )
    assert case is not None
    sign_in(page, site, "reception")
    page.goto(f"{site.url}/staff/cases/{case.pk}/")
    section = page.locator("section", has=page.get_by_role("heading", name="Экран приёма"))
    expect(section).to_contain_text("ещё не заполнен")
    section.get_by_role("link", name="Заполнить экран приёма").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Экран приёма")
    axe(page)
    shot(page, "reception-empty")
    # By keyboard: the passport's series, a wrong number, the relation to employment.
    page.get_by_label("Серия").focus()
    page.keyboard.type("92 15")
    page.keyboard.press("Tab")
    page.keyboard.type("12345")  # one digit short
    page.get_by_label("Дата выдачи").fill("2015-06-01")
    page.get_by_label("Кем выдан").fill("Отделом УФМС России по РТ")
    page.get_by_label("Основание незанятости").select_option(label="Уволенный из организации")
    page.get_by_label("Образование").select_option(
        label="Среднее профессиональное (в т.ч. начальное профессиональное)"
    )
    page.get_by_label("Работодатель").fill("МУП «Парк культуры и отдыха»")
    page.get_by_label("Дата увольнения").fill("2024-04-15")
    page.get_by_label("Инвалид", exact=True).check()
    today = timezone.localdate()
    page.get_by_label("Комплект документов с").fill(today.isoformat())
    page.get_by_label("Признан безработным с").fill(
        (today - datetime.timedelta(days=2)).isoformat()
    )
    page.get_by_role("button", name="Сохранить").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Номер паспорта РФ — 6 цифр")
    expect(summary).to_contain_text("не раньше, чем приняты документы")
    expect(page.locator("#id_document_number_error")).to_contain_text("6 цифр")
    expect(page.get_by_label("Работодатель")).to_have_value("МУП «Парк культуры и отдыха»")
    expect(page.get_by_label("Инвалид", exact=True)).to_be_checked()
    axe(page)
    shot(page, "reception-errors")
    # The summary's link takes the focus to the field.
    summary.get_by_role("link", name="номер").first.click()
    expect(page.get_by_label("Номер", exact=True)).to_be_focused()
    page.keyboard.press("End")
    page.keyboard.type("6")
    page.get_by_label("Признан безработным с").fill(today.isoformat())
    page.get_by_role("button", name="Сохранить").click()
    expect(page.locator("#messages")).to_contain_text("Экран приёма сохранён")
    section = page.locator("section", has=page.get_by_role("heading", name="Экран приёма"))
    expect(section).to_contain_text("Уволенный из организации")
    expect(section).to_contain_text("92 15 123456")
    expect(section).to_contain_text("Профилирование")
    axe(page)
    shot(page, "reception-on-the-case-page")
    # The curator records the profiling.
    page.context.clear_cookies()
    sign_in(page, site, "curator")
    page.goto(f"{site.url}/staff/cases/{case.pk}/reception/")
    page.get_by_label("Результат профилирования").select_option(value="medium")
    page.get_by_label("Комментарий к профилированию").fill("Нужна профориентация")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.locator("#messages")).to_contain_text("Экран приёма сохранён")
    record = ReceptionRecord.objects.get(case=case)
    assert (record.profiling_outcome, record.profiled_by.username) == ("medium", "curator")
    assert record.document_number == "123456"
