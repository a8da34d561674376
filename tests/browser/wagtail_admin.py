"""Driving the Wagtail admin as an editor does: signing in, choosers, publishing."""

import re

from playwright.sync_api import expect

# Counts the page's fetch() requests under way: Wagtail's autosave posts a draft 500 ms after
# each change, and a publish sent while that request is under way is refused as a conflict
# («Вы сохранили новую версию в другом окне»), as it would be for an editor who clicked then.
FETCH_TRACKER = """(() => {
  let pending = 0;
  const original = window.fetch;
  window.__pendingFetches = () => pending;
  window.fetch = (...args) => {
    pending += 1;
    return original(...args).finally(() => { pending -= 1; });
  };
})();"""


def admin_sign_in(page, site, username="editor"):
    page.add_init_script(FETCH_TRACKER)
    page.goto(site.url + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("marshrut-demo")
    page.locator("#id_password").press("Enter")
    expect(page).to_have_url(site.url + "/admin/")


def publish(page):
    """The editor's footer: open «Больше действий», then «Опубликовать» — once the autosave
    of the last change has been sent and answered."""
    page.wait_for_timeout(800)
    page.wait_for_function("() => !window.__pendingFetches || window.__pendingFetches() === 0")
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


def expect_published(page, word="опубликован"):
    """Wagtail's success message after a publish (not the status side panel's hidden heading
    «Опубликовано», which the same words also match)."""
    expect(page.locator(".messages li.success").first).to_contain_text(re.compile(word, re.I))
