"""The first journey: a visitor opens the home page, an editor opens the admin login."""

from playwright.sync_api import expect


def test_home_page_is_accessible(site, page, axe):
    page.goto(site.url + "/")
    assert page.locator("h1").count() == 1
    assert page.get_attribute("html", "lang") == "ru"
    axe(page)
    # The skip link is the first tab stop and moves focus to the main content.
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Перейти к основному содержанию"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_admin_login_is_accessible(site, page, axe):
    page.goto(site.url + "/admin/login/")
    assert page.locator("input[name=username]").is_visible()
    axe(page)


def test_editor_can_sign_in_to_the_admin(site, page):
    page.goto(site.url + "/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "marshrut-demo")
    page.click("button[type=submit]")
    expect(page).to_have_url(site.url + "/admin/")
    expect(page.get_by_role("heading", name="Маршрут")).to_be_visible()
