"""The catalogue's pages in a real browser: a page link swaps the results in place, keeps the
filters in the address, moves the focus to the new page's start, and works without JavaScript."""

import re

from playwright.sync_api import expect

from content.models import ServicePage


def test_page_links_swap_in_place_keep_the_filters_and_move_the_focus(site, page, axe):
    in_person = ServicePage.objects.live().filter(channel_in_person=True).count()
    page.goto(site.url + "/services/")
    page.get_by_label("Как получить").select_option(label="Лично в центре занятости")
    status = page.get_by_role("status")
    expect(status).to_have_text(f"Найдено услуг: {in_person}")
    pages = page.get_by_role("navigation", name="Страницы каталога")
    first_title = page.locator("#service-results .card-title").first.inner_text()
    pages.get_by_role("link", name="Страница 2").click()
    expect(page).to_have_url(re.compile(r"channel=in_person.*page=2|page=2.*channel=in_person"))
    position = page.locator("#service-page")
    expect(position).to_be_focused()
    expect(position).to_contain_text("Страница 2 из")
    expect(pages.locator('[aria-current="page"]')).to_have_text("Страница 2")
    assert page.locator("#service-results .card-title").first.inner_text() != first_title
    # The filters stayed as they were, and so did the count.
    expect(page.get_by_label("Как получить")).to_have_value("in_person")
    expect(status).to_have_text(f"Найдено услуг: {in_person}")
    axe(page)
    # Changing a filter starts again at the first page.
    page.get_by_label("Как получить").select_option(label="Любой")
    expect(pages.locator('[aria-current="page"]')).to_have_text("Страница 1")


def test_page_links_work_without_javascript(site, browser):
    context = browser.new_context(locale="ru-RU", java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + "/services/?result_type=")
    page.get_by_role("navigation", name="Страницы каталога").get_by_role(
        "link", name="Следующая →"
    ).click()
    expect(page).to_have_url(re.compile(r"page=2"))
    expect(page.locator("#service-page")).to_contain_text("Страница 2 из")
    context.close()
