"""Staff screens that do not fight the user: focus after an inline plan edit, a visible sign
that a request is working, and a clear message when it fails (server error, refusal, expired
session or CSRF token, lost network) instead of nothing."""

import datetime
import re

from django.test import RequestFactory
from django.utils import timezone
from playwright.sync_api import expect

from cases import route_graph as r
from cases.choices import PlanItemStatus
from cases.models import Case
from portal.errors import server_error
from tests.browser.test_cases import sign_in


def _case_with_a_planned_item():
    case = Case.objects.filter(
        state=r.IN_SERVICE, centre__slug="nchelny", curator__username="curator"
    ).first()
    item = case.plan_items.filter(status=PlanItemStatus.PLANNED).select_related("service").first()
    if item is None:
        item = case.plan_items.select_related("service").first()
        item.status = PlanItemStatus.PLANNED
        item.save()
    return case, item


def _open(page, site, case):
    sign_in(page, site, "curator")
    page.goto(f"{site.url}/staff/cases/{case.pk}/")


def test_focus_stays_on_the_edited_plan_row(site, page, axe):
    case, item = _case_with_a_planned_item()
    _open(page, site, case)
    row = page.locator(f"#item-{item.pk}")
    row.get_by_role("link", name=re.compile("Изменить")).click()
    editing = page.get_by_text(f"{item.service.title}: изменение пункта плана")
    expect(editing).to_be_focused()
    axe(page)
    due = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    page.locator(f"#id_item{item.pk}-due_date").fill(due)
    page.keyboard.press("Tab")
    row.get_by_role("button", name="Сохранить").click()
    expect(page.locator("#messages")).to_contain_text("Пункт плана сохранён")
    expect(page.locator(f"#item-{item.pk}")).to_be_focused()
    item.refresh_from_db()
    assert item.due_date.isoformat() == due
    # Cancelling an edit brings the focus back to the row as well.
    row.get_by_role("link", name=re.compile("Изменить")).click()
    expect(editing).to_be_focused()
    page.get_by_role("link", name="Отмена").click()
    expect(page.locator(f"#item-{item.pk}")).to_be_focused()


def test_a_request_shows_that_it_is_working_then_a_server_error_is_reported(site, page, axe):
    case, item = _case_with_a_planned_item()
    _open(page, site, case)
    error_page = server_error(RequestFactory().get("/staff/")).content.decode()
    held = []
    page.route("**/plan/*/status/", lambda route: held.append(route))
    start = page.locator(f"#item-{item.pk}").get_by_role("button", name=re.compile("Начать"))
    start.focus()
    page.keyboard.press("Enter")
    # While the request is out: the indicator is shown and the form's buttons are disabled.
    expect(page.locator("#busy-indicator")).to_be_visible()
    expect(page.locator("#busy-indicator")).to_have_text("Выполняется…")
    expect(start).to_be_disabled()
    expect(start.locator("xpath=ancestor::form")).to_have_attribute("aria-busy", "true")
    for _ in range(50):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the request was not intercepted"
    held[0].fulfill(status=500, content_type="text/html; charset=utf-8", body=error_page)
    messages = page.locator("#messages")
    expect(messages).to_contain_text("Сбой на сервере: Что-то пошло не так на нашей стороне.")
    expect(page.locator("#busy-indicator")).to_be_hidden()
    expect(start).to_be_enabled()
    expect(start).to_be_focused()
    axe(page)
    item.refresh_from_db()
    assert item.status == PlanItemStatus.PLANNED


def test_a_lost_network_is_reported(site, page):
    case, item = _case_with_a_planned_item()
    _open(page, site, case)
    page.route("**/plan/*/status/", lambda route: route.abort("internetdisconnected"))
    page.locator(f"#item-{item.pk}").get_by_role("button", name=re.compile("Начать")).click()
    expect(page.locator("#messages")).to_contain_text("Нет связи с сервером")
    expect(page.locator("#busy-indicator")).to_be_hidden()


def test_a_refusal_shows_its_reason(site, page):
    """A 403 answer to an htmx request shows the page's reason in the live region."""
    case, item = _case_with_a_planned_item()
    _open(page, site, case)
    page.route(
        "**/plan/*/status/",
        lambda route: route.fulfill(
            status=403,
            content_type="text/html; charset=utf-8",
            body="<!DOCTYPE html><html lang='ru'><head><title>x</title></head><body><main>"
            "<h1>Доступ запрещён</h1><p>Ваша роль не даёт доступа к этому разделу.</p>"
            "</main></body></html>",
        ),
    )
    page.locator(f"#item-{item.pk}").get_by_role("button", name=re.compile("Начать")).click()
    expect(page.locator("#messages")).to_contain_text(
        "Доступ запрещён: Ваша роль не даёт доступа к этому разделу."
    )


def test_an_expired_session_is_reported_and_nothing_is_swapped_in(site, page, axe):
    case, item = _case_with_a_planned_item()
    _open(page, site, case)
    page.context.clear_cookies()
    # A GET (open the inline edit) ends on the sign-in page: say so, keep the screen.
    page.locator(f"#item-{item.pk}").get_by_role("link", name=re.compile("Изменить")).click()
    messages = page.locator("#messages")
    expect(messages).to_contain_text("Сеанс работы завершён: войдите снова.")
    expect(page.get_by_role("heading", name="Индивидуальный план трудоустройства")).to_be_visible()
    expect(page.get_by_label("Имя пользователя")).to_have_count(0)
    login = messages.get_by_role("link", name="Войти")
    expect(login).to_have_attribute("href", f"/staff/login/?next=%2Fstaff%2Fcases%2F{case.pk}%2F")
    axe(page)
    # A POST without the session's CSRF cookie is refused with what to do about it.
    page.locator(f"#item-{item.pk}").get_by_role("button", name=re.compile("Начать")).click()
    expect(messages).to_contain_text("Страница устарела: обновите её и повторите действие.")
    item.refresh_from_db()
    assert item.status == PlanItemStatus.PLANNED
