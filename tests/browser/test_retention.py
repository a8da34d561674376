"""A retention check at 1 month is due and recorded (issue 12): the curator finds it in «Моя
работа», meets a mistake (the summary takes the focus, what was typed is kept), records it and
reads it on the case page; the report shows it. Chromium, axe-core, by keyboard where it
matters. Set MARSHRUT_SCREENSHOTS=<dir> to keep screenshots at 1366 and 375 px."""

from playwright.sync_api import expect

from cases import route_graph as r
from cases.models import Case, RetentionCheck
from tests.browser.test_cases import sign_in
from tests.browser.test_ipra import shot


def test_a_retention_check_at_one_month_is_due_and_recorded(site, page, axe):
    case = Case.objects.filter(
        centre__slug="nchelny", state=r.RETENTION_CHECK, curator__username="curator"
    ).first()
    check = case.retention_checks.get(months=1)
    sign_in(page, site, "curator")
    due = page.locator("section", has=page.get_by_role("heading", name="Проверки закрепляемости"))
    expect(due).to_contain_text(f"№ {case.number}")
    expect(due).to_contain_text("просрочена")
    axe(page)
    shot(page, "retention-my-work")
    due.locator("tr", has_text=f"№ {case.number}").get_by_role("link", name="через 1 мес.").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("через 1 мес.")
    axe(page)
    # «Уволился» without a reason: refused, the note typed is kept.
    page.get_by_label("Уволился").check()
    page.get_by_label("Комментарий").fill("Дозвонились с третьего раза")
    page.get_by_role("button", name="Записать результат").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("почему гражданин уволился")
    expect(page.get_by_label("Комментарий")).to_have_value("Дозвонились с третьего раза")
    axe(page)
    shot(page, "retention-check-errors")
    page.get_by_label("Работает").check()
    page.keyboard.press("Tab")
    page.get_by_role("button", name="Записать результат").press("Enter")
    expect(page.locator("#messages")).to_contain_text("Проверка закрепляемости записана")
    section = page.get_by_role("region", name="Контроль закрепляемости", exact=True)
    expect(section).to_contain_text("Работает")
    expect(section).to_contain_text("Дозвонились с третьего раза")
    axe(page)
    shot(page, "retention-case-page")
    check.refresh_from_db()
    assert (check.outcome, check.recorded_by.username) == ("employed", "curator")
    page.get_by_role("link", name="Закрепляемость").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Закрепляемость")
    expect(page.locator("table")).to_contain_text("через 1 мес.")
    axe(page)
    shot(page, "retention-report")
    assert RetentionCheck.objects.filter(case=case, outcome="").exists()  # 3, 6, 12 to come
