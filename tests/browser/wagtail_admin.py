"""Driving the Wagtail admin as an editor does: signing in, choosers, publishing."""

import re

from playwright.sync_api import expect


def admin_sign_in(page, site, username="editor"):
    page.goto(site.url + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("marshrut-demo")
    page.locator("#id_password").press("Enter")
    expect(page).to_have_url(site.url + "/admin/")


def publish(page):
    """The editor's footer: open «Больше действий», then «Опубликовать»."""
    page.get_by_role("button", name="Больше действий").click()
    page.locator('button[name="action-publish"]').click()


def choose_page(page, container, query, title):
    """Open the page chooser in `container`, search for `query` and pick `title`."""
    container.get_by_role("button", name=re.compile("Выберите страницу")).click()
    search = page.locator(".modal input[name='q']")
    search.fill(query)
    choice = page.locator(".modal a.choose-page", has_text=title).first
    choice.click()
    expect(page.locator(".modal.show")).to_have_count(0)


def type_rich_text(page, field_name, text):
    """Type into a Draftail rich-text field."""
    editor = page.locator(f"[data-contentpath='{field_name}'] [contenteditable='true']")
    editor.click()
    editor.type(text)
