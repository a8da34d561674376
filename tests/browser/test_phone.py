"""The public site on a phone: the page comes before the menu, and the largest font of the
visually-impaired mode still fits a 375 px screen with every field in the colour scheme."""

import json

import pytest
from playwright.sync_api import expect

LARGEST = {"size": "4", "scheme": "wb", "spacing": "largest", "font": "sans", "images": "on"}


def with_mode(page, site, path, state):
    page.goto(site.url + path)
    page.evaluate("s => localStorage.setItem('marshrut-a11y', s)", json.dumps(state))
    page.goto(site.url + path)


@pytest.mark.parametrize("scheme", ["wb", "blue", "green"])
def test_booking_form_at_the_largest_font_fits_375_px_in_the_scheme(site, phone, axe, scheme):
    with_mode(phone, site, "/zapis/", LARGEST | {"scheme": scheme})
    wide = phone.evaluate(
        """() => {
          const out = [], W = document.documentElement.clientWidth;
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(walker.currentNode);
            const r = range.getBoundingClientRect();
            if (r.width > 0 && r.right > W + 1)
              out.push(walker.currentNode.textContent.trim().slice(0, 40));
          }
          document.querySelectorAll('body *').forEach(e => {
            const r = e.getBoundingClientRect();
            if (r.width > 0 && r.right > W + 1) out.push(e.tagName + ' box');
          });
          return out;
        }"""
    )
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375, wide
    colours = phone.evaluate(
        """() => {
          const body = getComputedStyle(document.body);
          const wrong = [];
          const fields = 'input:not([type=hidden]):not([type=checkbox]), select, textarea';
          document.querySelector('form.booking-form').querySelectorAll(fields).forEach(el => {
            if (el.closest('.hp')) return;
            const cs = getComputedStyle(el);
            if (cs.color !== body.color || cs.backgroundColor !== body.backgroundColor)
              wrong.push(el.name + ': ' + cs.color + ' on ' + cs.backgroundColor);
            if (el.getBoundingClientRect().right > document.documentElement.clientWidth)
              wrong.push(el.name + ' overflows');
          });
          return wrong;
        }"""
    )
    assert colours == []
    axe(phone)


def test_life_situation_page_leads_with_contacts_and_the_route_on_a_phone(site, phone, axe):
    phone.goto(site.url + "/disability-employment/")
    menu = phone.get_by_role("button", name="Меню")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(phone.get_by_role("link", name="Каталог услуг")).to_be_hidden()
    # The highlighted section stays in sight; the contacts are on the first two screens.
    expect(phone.get_by_role("link", name="Услуги для людей с инвалидностью")).to_be_visible()
    contact = phone.get_by_role("heading", name="Куда обращаться")
    assert contact.bounding_box()["y"] < 2 * 812
    route = phone.get_by_role("heading", name="Как проходит маршрут")
    services = phone.get_by_role("heading", name="Комплекс услуг")
    assert route.bounding_box()["y"] < services.bounding_box()["y"]
    axe(phone)
    # By keyboard: the menu opens and its links can be reached.
    menu.focus()
    phone.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(phone.get_by_role("link", name="Каталог услуг")).to_be_visible()
    axe(phone)


def test_on_a_wide_screen_the_menu_is_open_without_a_button(site, page):
    page.goto(site.url + "/disability-employment/")
    expect(page.get_by_role("button", name="Меню")).to_be_hidden()
    expect(page.get_by_role("link", name="Каталог услуг")).to_be_visible()
