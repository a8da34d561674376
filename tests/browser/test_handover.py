"""The curator hands a case over to a colleague with a comment, by keyboard; the colleague finds
it in «Моя работа» with the comment. Chromium, axe-core; MARSHRUT_SCREENSHOTS=<dir> keeps
screenshots at 1366 and 375 px."""

from playwright.sync_api import expect

from cases import route_graph as r
from cases.models import Case
from tests.browser.test_cases import sign_in
from tests.browser.test_ipra import shot


def test_the_curator_hands_a_case_over_and_the_colleague_reads_why(site, page, axe):
    case = Case.objects.filter(
        centre__slug="nchelny", state=r.IN_SERVICE, curator__username="curator"
    ).first()
    sign_in(page, site, "curator")
    page.goto(f"{site.url}/staff/cases/{case.pk}/")
    summary = page.get_by_text("Передать случай другому куратору")
    summary.focus()
    page.keyboard.press("Enter")
    form = page.locator("form", has=summary)
    form.get_by_role("button", name="Передать случай").click()
    errors = form.locator(".error-summary")
    expect(errors).to_be_focused()
    expect(errors).to_contain_text("Выберите куратора.")
    axe(page)
    page.get_by_label("Новый куратор").select_option(label="Хасанов Ильдар Ринатович")
    comment = page.get_by_label("Что важно знать новому куратору")
    comment.fill("Ждёт заключения МСЭ; звонить после 14:00")
    shot(page, "handover-form")
    comment.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#messages")).to_contain_text("Случай передан куратору Хасанов Ильдар")
    stage = page.locator("section", has=page.locator("#state-h"))
    expect(stage).to_contain_text("При передаче")
    expect(stage).to_contain_text("Ждёт заключения МСЭ")
    axe(page)
    page.context.clear_cookies()
    sign_in(page, site, "curator2")
    mine = page.get_by_role("region", name="Мои случаи")
    row = mine.locator("tr", has=page.get_by_role("link", name=f"№ {case.number}"))
    expect(row).to_contain_text("Передан вам")
    expect(row).to_contain_text("Ждёт заключения МСЭ")
    axe(page)
    shot(page, "handover-my-work")
