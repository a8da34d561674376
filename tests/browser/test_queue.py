"""The hall issues a priority ticket, reception calls it and opens the case (issue 12): by
keyboard, with axe-core on every screen, the hall board showing the number and window and no
name. Set MARSHRUT_SCREENSHOTS=<dir> to keep screenshots at 1366 and 375 px."""

import re

from playwright.sync_api import expect

from cases import route_graph as r
from cases.choices import TicketState
from cases.models import Case, QueueTicket
from tests.browser.test_cases import sign_in
from tests.browser.test_ipra import shot


def test_the_hall_issues_a_priority_ticket_reception_calls_it_and_opens_the_case(
    site, page, browser, axe
):
    case = Case.objects.filter(centre__slug="nchelny", state__in=r.OPEN_STATES).first()
    sign_in(page, site, "hall")
    page.get_by_role("link", name="Выдать талон").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Выдать талон")
    axe(page)
    # A priority ticket without a purpose: refused, the box ticked stays ticked.
    page.get_by_label("Посетитель с инвалидностью (приоритет)").check()
    page.get_by_role("button", name="Выдать талон").press("Enter")
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Выберите цель обращения.")
    expect(page.get_by_label("Посетитель с инвалидностью (приоритет)")).to_be_checked()
    axe(page)
    shot(page, "queue-issue-errors")
    page.get_by_label("Постановка на учёт, приём документов").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Выдать талон").press("Enter")
    expect(page.locator(".slip-number")).to_have_text("Р-001")
    expect(page.get_by_text("Приоритетное обслуживание")).to_be_visible()
    axe(page)
    shot(page, "queue-slip")
    ticket = QueueTicket.objects.get()
    assert ticket.priority and ticket.disability

    # Reception, at window 5 (a second browser: another desk).
    context = browser.new_context(locale="ru-RU", viewport={"width": 1280, "height": 900})
    desk = context.new_page()
    sign_in(desk, site, "reception")
    expect(desk.get_by_role("region", name=re.compile("Электронная очередь"))).to_contain_text(
        "Р-001"
    )
    desk.get_by_role("link", name="Очередь", exact=True).click()
    axe(desk)
    desk.get_by_label("Окно или кабинет").fill("5")
    desk.get_by_role("button", name="Вызвать следующего").press("Enter")
    expect(desk.locator("#messages")).to_contain_text("Вызван талон Р-001 в 5.")
    axe(desk)
    shot(desk, "queue-panel")
    ticket.refresh_from_db()
    assert ticket.state == TicketState.CALLED and ticket.called_by.username == "reception"

    # The hall board shows the number at window 5 and no name.
    page.goto(site.url + "/staff/queue/board/")
    row = page.locator("#board-live tr", has_text="Р-001")
    expect(row).to_contain_text("5")
    expect(page.get_by_role("link", name="Обновить табло")).to_be_visible()
    assert case.citizen.last_name not in page.content()
    axe(page)
    shot(page, "queue-board")

    # Reception serves the visitor and opens the case from the intake search.
    desk.get_by_role("button", name="Начать обслуживание Р-001").press("Enter")
    expect(desk.locator("#messages")).to_contain_text("Обслуживается")
    desk.get_by_role("link", name="Открыть приём гражданина").press("Enter")
    desk.get_by_label("ФИО или СНИЛС").fill(case.citizen.snils)
    desk.get_by_label("ФИО или СНИЛС").press("Enter")
    found = desk.locator("#search-results").get_by_role("link", name=f"№ {case.number}")
    expect(found).to_be_visible()
    expect(desk.locator("#busy-indicator")).to_be_hidden()
    found.focus()
    desk.keyboard.press("Enter")
    expect(desk.get_by_role("heading", level=1)).to_contain_text(case.citizen.last_name)
    context.close()


def test_the_board_announces_newly_called_numbers(site, page, axe):
    from django.contrib.auth import get_user_model

    from cases.choices import QueuePurpose
    from cases.services import queue as q

    users = {
        u.username: u for u in get_user_model().objects.filter(username__in=["hall", "reception"])
    }
    sign_in(page, site, "hall")
    page.goto(site.url + "/staff/queue/board/")
    expect(page.get_by_text("Пока никого не вызвали")).to_be_visible()
    q.issue_ticket(users["hall"], QueueTicket(purpose=QueuePurpose.VACANCIES))
    q.call_next(users["reception"], "3")
    expect(page.locator("#board-live tr", has_text="В-001")).to_be_visible(timeout=15_000)
    expect(page.locator("[data-board-announce]")).to_have_text("Талон В-001, окно 3.")
    axe(page)
