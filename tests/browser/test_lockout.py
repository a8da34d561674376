"""The locked-out login page and the unlock screen in a real browser: styled, by keyboard, axe."""

import os
import re

from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.browser.wagtail_admin import admin_sign_in

SHOTS = os.environ.get("MARSHRUT_SCREENSHOTS")  # a directory: keep screenshots of the screens


def try_password(page, password):
    page.get_by_label("Имя пользователя").fill("curator")
    page.get_by_label("Пароль").fill(password)
    page.get_by_label("Пароль").press("Enter")  # by keyboard


def lock_out(page, site):
    page.goto(site.url + "/staff/login/")
    for i in range(5):
        try_password(page, f"wrong-{i}")
        page.wait_for_load_state()


def test_the_locked_out_login_page_is_styled_and_accessible(site, page, phone, axe):
    lock_out(page, site)
    notice = page.get_by_role("alert")
    expect(notice).to_contain_text("Вход временно заблокирован")
    expect(notice).to_contain_text(re.compile(r"Попробуйте снова после \d\d:\d\d"))
    expect(notice).to_contain_text("позвоните администратору портала")
    expect(page.get_by_label("Имя пользователя")).to_have_value("curator")
    axe(page)
    # The right password is refused with the same page.
    try_password(page, "marshrut-demo")
    expect(page.get_by_role("alert")).to_contain_text("Вход временно заблокирован")
    expect(page.get_by_role("heading", name="Моя работа")).to_have_count(0)
    # On a phone too (the same address: locked for every name).
    phone.goto(site.url + "/staff/login/")
    phone.get_by_label("Имя пользователя").fill("reception")
    phone.get_by_label("Пароль").fill("marshrut-demo")
    phone.get_by_role("button", name="Войти").click()
    expect(phone.get_by_role("alert")).to_contain_text("Вход временно заблокирован")
    axe(phone)
    if SHOTS:
        page.set_viewport_size({"width": 1366, "height": 900})
        page.screenshot(path=f"{SHOTS}/locked-1366.png", full_page=True)
        phone.screenshot(path=f"{SHOTS}/locked-375.png", full_page=True)


def test_the_administrator_unlocks_by_keyboard_and_the_curator_signs_in(site, page, phone, axe):
    get_user_model().objects.create_superuser("root-admin", password="marshrut-demo")
    lock_out(phone, site)
    # Every browser here is 127.0.0.1, which is locked now too: as if the curator had tried
    # from elsewhere, so that the administrator can sign in from here.
    assert AccessAttempt.objects.count() == 1
    AccessAttempt.objects.update(ip_address="198.51.100.77")
    admin_sign_in(page, site, "root-admin")
    page.goto(site.url + "/admin/signin-lockouts/")
    expect(page.get_by_role("heading", name="Блокировки входа")).to_be_visible()
    rows = page.locator("table.listing tbody tr")
    expect(rows).to_have_count(2)  # the username and the address
    expect(rows.first).to_contain_text("curator")
    axe(page)
    if SHOTS:
        page.set_viewport_size({"width": 1366, "height": 900})
        page.screenshot(path=f"{SHOTS}/unlock-1366.png", full_page=True)
        page.set_viewport_size({"width": 375, "height": 812})
        page.screenshot(path=f"{SHOTS}/unlock-375.png", full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})
    # The hidden part of the name says which row (Chromium puts a space before it).
    button = page.get_by_role("button", name=re.compile(r"Разблокировать\W+учётная запись curator"))
    button.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Блокировка снята: curator.")).to_be_visible()
    # The address was locked by the same failures: they are forgotten, so it is free as well.
    expect(page.get_by_text("Сейчас заблокированных имён и адресов нет.")).to_be_visible()
    axe(page)
    phone.goto(site.url + "/staff/login/")
    phone.get_by_label("Имя пользователя").fill("curator")
    phone.get_by_label("Пароль").fill("marshrut-demo")
    phone.get_by_role("button", name="Войти").click()
    expect(phone.get_by_role("heading", name="Моя работа", level=1)).to_be_visible()
