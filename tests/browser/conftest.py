"""Real-browser tests: Playwright for Python driving Debian's Chromium, checked with axe-core.

Chromium is looked for at $MARSHRUT_CHROMIUM (default /usr/bin/chromium). Without it the
browser tests are skipped with a plain message, unless MARSHRUT_REQUIRE_BROWSER is set (as CI
does), in which case they fail.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

CHROMIUM = Path(os.environ.get("MARSHRUT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Assertions wait as long as actions do: under a loaded CI machine (two test processes, each
# with a browser and a live server) the Wagtail admin can take more than expect's 5 s default.
expect.set_options(timeout=15_000)
BROWSER_REQUIRED = os.environ.get("MARSHRUT_REQUIRE_BROWSER", "").lower() in {"1", "true", "yes"}


_skipped = []


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="module")
def browser():
    """Chromium for one test module.

    Playwright's sync API runs an event loop in this thread while the browser is open; the ORM
    calls the tests make for their set-up are still synchronous and safe here, so
    DJANGO_ALLOW_ASYNC_UNSAFE is set for exactly that time (module-scoped, so it does not leak
    into the other tests, e.g. into `manage.py check --deploy` run as a subprocess).
    """
    if not CHROMIUM.exists():
        message = (
            f"Chromium not found at {CHROMIUM}: browser tests skipped "
            "(install it with `apt-get install -y chromium`)"
        )
        if BROWSER_REQUIRED:
            pytest.fail(message + " — MARSHRUT_REQUIRE_BROWSER is set, so this is a failure")
        _skipped.append(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def site(live_server, django_db_serialized_rollback):
    """The live server, with the demo data restored for this test."""
    return live_server


def _page(browser, width, height):
    context = browser.new_context(locale="ru-RU", viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def page(browser):
    """A page on an office screen."""
    yield from _page(browser, 1280, 900)


@pytest.fixture
def phone(browser):
    """A page on a phone's screen (375 × 812 CSS pixels)."""
    yield from _page(browser, 375, 812)


FINISH_ANIMATIONS = """() => Promise.all(document.getAnimations()
  .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
  .map((a) => a.finished.catch(() => null)))"""


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    def check(page, context=None):
        # Colours are read as they are now: let fade-ins and transitions (a message appearing,
        # Wagtail's own) finish first, or a half-faded message reads as too little contrast.
        page.evaluate(FINISH_ANIMATIONS)
        results = Axe().run(
            page,
            context=context,
            options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
        )
        assert results.violations_count == 0, results.generate_report()
        return results

    return check


def pytest_terminal_summary(terminalreporter):
    if _skipped:
        terminalreporter.write_sep("!", "BROWSER TESTS SKIPPED", yellow=True)
        terminalreporter.write_line(_skipped[0])
