"""The real proof of the Content-Security-Policy: one page of every kind, loaded in Chromium, with
every `securitypolicyviolation` event and every CSP console message collected — none is allowed.

The pages are those of tests/security/page_kinds.py (a live page of each Wagtail page model, the
catalogue, booking, surveys, kiosk, staff screens, error pages, the Wagtail admin).
"""

import pytest
from django.test import Client

from tests.security import page_kinds

WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""
CSP_WORDS = ("Content Security Policy", "Content-Security-Policy", "Permissions-Policy")


class Watcher:
    """Opens pages in one browser context and keeps every CSP complaint, by page kind."""

    def __init__(self, browser, site):
        self.site = site
        self.context = browser.new_context(locale="ru-RU", viewport={"width": 1280, "height": 900})
        self.context.add_init_script(WATCH)
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.kind = None
        self.found = []
        self.page.on("console", self._console)
        self.user = None

    def _console(self, message):
        if any(word in message.text for word in CSP_WORDS):
            self.found.append((self.kind, message.type, message.text))

    def sign_in(self, username):
        if username == self.user:
            return
        self.context.clear_cookies()
        if username:
            client = Client()
            client.force_login(page_kinds.user(username))
            cookie = client.cookies["sessionid"].value
            self.context.add_cookies([{"name": "sessionid", "value": cookie, "url": self.site.url}])
        self.user = username

    def visit(self, kind, url, who):
        self.sign_in(who)
        self.kind = kind
        self.page.goto(self.site.url + url)
        self.page.wait_for_load_state("load")
        self.collect()

    def collect(self):
        self.page.wait_for_timeout(150)  # violation events are dispatched asynchronously
        for violation in self.page.evaluate("window.__csp || []"):
            self.found.append((self.kind, "event", violation))
        self.page.evaluate("window.__csp = []")

    def close(self):
        self.context.close()


@pytest.fixture
def watcher(browser, site):
    w = Watcher(browser, site)
    yield w
    w.close()


def test_public_pages_break_no_policy(watcher):
    for kind, url, who in page_kinds.public_pages():
        # Chromium's own JSON viewer styles the API's answers inline (it is not our page).
        if kind != "api":
            watcher.visit(kind, url, who)
    # What the scripts do after loading: the visually-impaired mode and the catalogue's htmx.
    watcher.visit("visually-impaired", "/", None)
    watcher.page.locator("#a11y-toggle").click()
    watcher.collect()
    watcher.visit("catalogue-htmx", "/services/", None)
    with watcher.page.expect_response(lambda r: "q=" in r.url):
        watcher.page.locator("#id_q").fill("психолог")
    watcher.collect()
    assert watcher.found == []


def test_staff_screens_break_no_policy(watcher):
    for kind, url, who in page_kinds.staff_pages():
        watcher.visit(kind, url, who)
    assert watcher.found == []


def test_the_wagtail_admin_breaks_no_policy(watcher):
    for kind, url, who in page_kinds.admin_pages():
        watcher.visit(kind, url, who)
    assert watcher.found == [], "\n".join(map(str, watcher.found))
