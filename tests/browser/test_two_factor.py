"""The second factor and the idle-timeout warning in a real browser, checked with axe."""

import re

from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from portal.models import User


def code_for(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def password_step(page, site, username="curator"):
    page.goto(site.url + "/staff/login/")
    page.get_by_label("Имя пользователя").fill(username)
    page.get_by_label("Пароль").fill("marshrut-demo")
    page.get_by_role("button", name="Войти").click()


def test_totp_sign_in_journey(site, page, axe):
    curator = User.objects.get(username="curator")
    device = TOTPDevice.objects.create(user=curator, name="app", confirmed=True)
    static = StaticDevice.objects.create(user=curator, name="recovery", confirmed=True)
    StaticToken.objects.create(device=static, token="abcd2345")
    password_step(page, site)
    expect(page.get_by_role("heading", name="Код из приложения", level=1)).to_be_visible()
    field = page.get_by_label("Код из приложения")
    expect(field).to_be_focused()
    axe(page)
    wrong = "000000" if code_for(device) != "000000" else "111111"
    field.fill(wrong)
    field.press("Enter")
    expect(page.locator(".error-summary")).to_contain_text("Код не подошёл")
    expect(page.locator("#id_code-field .error-message")).to_contain_text("Код не подошёл")
    expect(page.get_by_label("Код из приложения")).to_have_value("")
    expect(page.get_by_label("Код из приложения")).to_be_focused()  # ready for the next try
    axe(page)
    page.wait_for_timeout(1100)  # django-otp's throttle: one second after the first wrong code
    page.get_by_label("Код из приложения").fill(code_for(device))
    page.get_by_role("button", name="Подтвердить вход").click()
    expect(page.get_by_role("heading", name="Моя работа", level=1)).to_be_visible()


def test_enrolment_in_the_demo_from_the_menu(site, page, axe):
    password_step(page, site)
    page.get_by_role("link", name="Двухфакторная защита").click()
    expect(page.get_by_role("img", name="QR-код для приложения-аутентификатора")).to_be_visible()
    axe(page)
    device = TOTPDevice.objects.get(user__username="curator", confirmed=False)
    page.get_by_label("Код из приложения").fill(code_for(device))
    page.get_by_role("button", name="Включить защиту").click()
    expect(page.get_by_role("heading", name="Коды восстановления", level=1)).to_be_visible()
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    axe(page)


def test_idle_warning_dialog_by_keyboard(site, page, axe, settings):
    settings.IDLE_TIMEOUT_SECONDS = 8
    settings.IDLE_WARNING_SECONDS = 6
    password_step(page, site)
    expect(page.get_by_role("heading", name="Моя работа", level=1)).to_be_visible()
    skip = page.get_by_role("link", name="Приём гражданина")
    skip.focus()
    dialog = page.get_by_role("dialog", name="Сеанс завершится через 1 минуту из-за бездействия")
    expect(dialog).to_be_visible(timeout=8000)
    expect(dialog).to_contain_text("Несохранённые изменения")
    keep = dialog.get_by_role("button", name="Продолжить работу")
    expect(keep).to_be_focused()
    axe(page)
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    expect(skip).to_be_focused()  # the focus is back where it was
    # The keep-alive counted: the session outlives the first deadline.
    expect(dialog).to_be_visible(timeout=8000)
    page.keyboard.press("Tab")
    expect(dialog.get_by_role("button", name="Выйти")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Вход для сотрудников")).to_be_visible()


def test_idle_session_ends_on_the_login_page_with_next(site, page, settings):
    settings.IDLE_TIMEOUT_SECONDS = 4
    settings.IDLE_WARNING_SECONDS = 2
    password_step(page, site)
    expect(page.get_by_role("heading", name="Моя работа", level=1)).to_be_visible()
    expect(page.get_by_text("Сеанс завершён из-за бездействия")).to_be_visible(timeout=10_000)
    expect(page.get_by_role("heading", name="Вход для сотрудников")).to_be_visible()
    assert re.search(r"/staff/login/\?next=%2Fstaff%2F", page.url) or "next=/staff/" in page.url
