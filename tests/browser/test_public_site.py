"""The public site in a real browser: WCAG 2.2 AA checks and the citizens' journeys."""

import re

import pytest
from playwright.sync_api import expect

PAGES = [
    "/",
    "/disability-employment/",
    "/services/",
    "/services/izgelek-psychological-support/",
    "/contacts/",
    "/disability/",
    "/faq/",
    "/tt/disability-employment/",
    "/en/",
]
SCHEMES = {
    "bw": ("rgb(0, 0, 0)", "rgb(255, 255, 255)"),
    "wb": ("rgb(255, 255, 255)", "rgb(0, 0, 0)"),
    "blue": ("rgb(6, 52, 98)", "rgb(157, 209, 255)"),
    "brown": ("rgb(77, 75, 67)", "rgb(247, 243, 214)"),
    "green": ("rgb(169, 228, 77)", "rgb(59, 39, 22)"),
}
HEADINGS_JS = """
() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]
  .filter(h => h.offsetParent !== null)
  .map(h => Number(h.tagName[1]))
"""
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
CLIPPED_JS = """
() => [...document.querySelectorAll('body *')].filter(el => {
  if (el.closest('.visually-hidden, .skip-link, [hidden]')) return false;
  if (el.offsetParent === null) return false;
  const style = getComputedStyle(el);
  const clips = v => v === 'hidden' || v === 'clip';
  return (clips(style.overflowX) && el.scrollWidth > el.clientWidth + 1)
      || (clips(style.overflowY) && el.scrollHeight > el.clientHeight + 1);
}).map(el => el.outerHTML.slice(0, 120))
"""
SMALL_TARGETS_JS = """
(selector) => [...document.querySelectorAll(selector)].filter(el => {
  if (el.offsetParent === null) return false;
  const box = el.getBoundingClientRect();
  return box.width < 24 || box.height < 24;
}).map(el => el.outerHTML.slice(0, 120))
"""
CONTROLS = (
    "header a, header button, nav a, .filters input, .filters select, .filters button, "
    ".filters a, .a11y-panel button, .card-list a"
)


def enable_mode(page, site, **settings):
    """Stores the visually-impaired settings the way the panel does, then reloads."""
    state = {"size": "1", "scheme": "bw", "images": "on", "spacing": "normal", "font": "sans"}
    state.update(settings)
    page.goto(site.url + "/")
    page.evaluate("s => localStorage.setItem('marshrut-a11y', JSON.stringify(s))", state)


@pytest.mark.parametrize("path", PAGES)
def test_every_public_page_passes_axe_with_one_h1_and_no_skipped_levels(site, page, axe, path):
    page.goto(site.url + path)
    axe(page)
    levels = page.evaluate(HEADINGS_JS)
    assert levels[0] == 1 and levels.count(1) == 1, levels
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    assert page.get_attribute("html", "lang") == (
        path.split("/")[1] if path[1:3] in ("tt", "en") else "ru"
    )


@pytest.mark.parametrize("path", PAGES)
def test_reflow_at_320_css_pixels_without_horizontal_scrolling(site, browser, path):
    context = browser.new_context(locale="ru-RU", viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site.url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_text_spacing_overrides_clip_nothing(site, page, path):
    page.goto(site.url + path)
    # A user style sheet, as CSSOM (a <style> tag would be refused by our CSP, as it should).
    page.evaluate(
        "css => { const s = new CSSStyleSheet(); s.replaceSync(css);"
        " document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; }",
        TEXT_SPACING_CSS,
    )
    assert page.evaluate(CLIPPED_JS) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280


@pytest.mark.parametrize("path", ["/", "/services/", "/disability-employment/"])
def test_pointer_targets_are_at_least_24_px(site, page, path):
    enable_mode(page, site)
    page.goto(site.url + path)
    assert page.evaluate(SMALL_TARGETS_JS, CONTROLS) == []
    page.evaluate("localStorage.clear()")
    page.goto(site.url + path)
    assert page.evaluate(SMALL_TARGETS_JS, CONTROLS) == []


def test_skip_link_first_and_focus_visible_on_every_control(site, page):
    page.goto(site.url + "/services/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    seen = 0
    for _ in range(30):
        style = page.evaluate(
            """() => { const s = getComputedStyle(document.activeElement);
                       return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth,
                               s.boxShadow]; }"""
        )
        tag, outline_style, outline_width, shadow = style
        if tag == "BODY":
            break
        assert (outline_style != "none" and float(outline_width[:-2]) >= 2) or shadow != "none", (
            style
        )
        seen += 1
        page.keyboard.press("Tab")
    assert seen == 30


def test_journey_find_a_service_for_my_situation_and_see_what_to_bring(site, page, axe):
    page.goto(site.url + "/")
    page.get_by_role(
        "link", name="Содействие занятости гражданам I, II и III группы инвалидности"
    ).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Содействие занятости гражданам I, II и III группы инвалидности"
    )
    expect(
        page.get_by_role("heading", name="Иные государственные услуги службы занятости")
    ).to_be_visible()
    page.get_by_role(
        "link", name="Направление на психологическую поддержку в ЦРИ «Изгелек»"
    ).click()
    expect(page.get_by_role("heading", name="Что взять с собой")).to_be_visible()
    expect(page.locator(".documents")).to_contain_text("Трудовая книжка")
    expect(page.locator(".facts")).to_contain_text("ул. Комарова, 5")
    axe(page)


def test_catalogue_filters_update_in_place_and_announce_the_count(site, page, axe):
    page.goto(site.url + "/services/")
    search = page.get_by_label("Поиск по названию")
    search.fill("ПСИХОЛОГ")
    status = page.get_by_role("status")
    expect(status).to_have_text("Найдено услуг: 3")
    expect(page.locator("#service-results")).to_contain_text("Психологическая поддержка")
    # Updated in place: the search box keeps the focus and what was typed.
    assert page.evaluate("document.activeElement.name") == "q"
    expect(search).to_have_value("ПСИХОЛОГ")
    expect(page).to_have_url(re.compile(r"q=%D0%9F%D0%A1%D0%98%D0%A5"))
    page.get_by_label("Кто оказывает").select_option(label="ГАУСО ЦРИ «Изгелек»")
    expect(status).to_have_text("Найдено услуг: 1")
    axe(page)


def test_catalogue_filters_work_without_javascript(site, browser):
    context = browser.new_context(locale="ru-RU", java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + "/services/")
    page.get_by_label("Результат").select_option(label="Выплата")
    page.get_by_label("Поиск по названию").fill("")
    page.get_by_role("button", name="Показать услуги").click()
    expect(page).to_have_url(re.compile(r"result_type=payment"))
    expect(page.get_by_role("status")).to_contain_text("Найдено услуг:")
    expect(page.get_by_label("Результат")).to_have_value("payment")
    context.close()


def test_journey_visually_impaired_mode_white_on_black_at_the_largest_size(site, page, axe):
    page.goto(site.url + "/")
    toggle = page.get_by_role("button", name="Версия для слабовидящих")
    toggle.focus()
    page.keyboard.press("Enter")
    panel = page.get_by_role("region", name="Настройки для слабовидящих")
    expect(panel).to_be_visible()
    white_on_black = panel.get_by_role("button", name="Белым по чёрному")
    white_on_black.focus()
    page.keyboard.press("Enter")
    largest = panel.get_by_role("button", name="Самый крупный")
    largest.focus()
    page.keyboard.press("Space")
    expect(white_on_black).to_have_attribute("aria-pressed", "true")
    expect(largest).to_have_attribute("aria-pressed", "true")
    expect(panel.get_by_role("button", name="Чёрным по белому")).to_have_attribute(
        "aria-pressed", "false"
    )
    # Kept across pages: read a service page in white on black at the largest size.
    page.goto(site.url + "/services/izgelek-psychological-support/")
    expect(page.get_by_role("heading", name="Что взять с собой")).to_be_visible()
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(255, 255, 255)"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "32px"
    expect(page.get_by_role("button", name="Белым по чёрному")).to_have_attribute(
        "aria-pressed", "true"
    )
    axe(page)
    # The normal version comes back with one button, and the toggle gets the focus back.
    page.get_by_role("button", name="Обычная версия сайта").click()
    assert page.evaluate("document.documentElement.hasAttribute('data-a11y')") is False
    assert page.evaluate("document.activeElement.id") == "a11y-toggle"
    page.reload()
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"


def test_font_size_spacing_font_and_images_settings(site, page):
    sizes = []
    for size in ("1", "2", "3", "4"):
        enable_mode(page, site, size=size)
        page.goto(site.url + "/faq/")
        sizes.append(
            float(page.evaluate("getComputedStyle(document.documentElement).fontSize")[:-2])
        )
    assert sizes == sorted(sizes) and len(set(sizes)) == 4
    spacing = []
    for value in ("normal", "large", "largest"):
        enable_mode(page, site, spacing=value)
        page.goto(site.url + "/faq/")
        spacing.append(page.evaluate("getComputedStyle(document.body).lineHeight"))
    assert len(set(spacing)) == 3
    enable_mode(page, site, font="serif")
    page.goto(site.url + "/faq/")
    assert "serif" in page.evaluate("getComputedStyle(document.body).fontFamily").lower()
    assert "Georgia" in page.evaluate("getComputedStyle(document.body).fontFamily")
    for images, check in (("off", "display"), ("gray", "filter")):
        enable_mode(page, site, images=images)
        page.goto(site.url + "/faq/")
        page.evaluate(
            "document.querySelector('main .container').insertAdjacentHTML('beforeend',"
            ' \'<img id=probe alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">\')'
        )
        value = page.evaluate(f"getComputedStyle(document.getElementById('probe')).{check}")
        assert value == ("none" if images == "off" else "grayscale(1)")


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_every_colour_scheme_passes_the_contrast_check(site, page, axe, scheme):
    enable_mode(page, site, scheme=scheme, size="3")
    for path in ("/disability-employment/", "/services/", "/disability/"):
        page.goto(site.url + path)
        text, background = SCHEMES[scheme]
        assert page.evaluate("getComputedStyle(document.body).color") == text
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == background
        axe(page)


def test_journey_read_the_life_situation_page_in_tatar(site, page, axe):
    page.goto(site.url + "/disability-employment/")
    page.get_by_role("navigation", name="Язык сайта").get_by_role("link", name="Татарча").click()
    expect(page).to_have_url(site.url + "/tt/disability-employment/")
    assert page.get_attribute("html", "lang") == "tt"
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "I, II һәм III төркем инвалидлыгы булган гражданнарга эшкә урнашуда ярдәм"
    )
    expect(page.get_by_role("heading", name="Маршрут ничек уза")).to_be_visible()
    expect(page.get_by_role("link", name="Төп эчтәлеккә күчү")).to_be_attached()
    expect(page.get_by_role("button", name="Начар күрүчеләр өчен версия")).to_be_visible()
    axe(page)
