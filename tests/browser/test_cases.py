"""Staff journeys in a real browser: reception, the curator's plan, the route to closing."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from cases import route_graph as r
from cases.models import Case, Citizen
from cases.validators import snils_checksum


def sign_in(page, site, username):
    page.goto(site.url + "/staff/login/")
    page.get_by_label("Имя пользователя").fill(username)
    page.get_by_label("Пароль").fill("marshrut-demo")
    page.get_by_role("button", name="Войти").click()
    expect(page.get_by_role("heading", name="Моя работа", level=1)).to_be_visible()


def test_login_page_and_my_work_are_accessible(site, page, axe):
    page.goto(site.url + "/staff/login/")
    axe(page)
    page.get_by_label("Имя пользователя").fill("curator")
    page.get_by_label("Пароль").fill("wrong")
    page.get_by_role("button", name="Войти").click()
    expect(page.get_by_text("Неверное имя пользователя или пароль")).to_be_visible()
    axe(page)
    sign_in(page, site, "curator")
    axe(page)


def test_reception_finds_or_creates_the_citizen_and_opens_a_case(site, page, axe):
    sign_in(page, site, "reception")
    page.get_by_role("link", name="Приём гражданина").click()
    axe(page)
    # Search by name, lower case: nobody yet — the result is announced and focused.
    page.get_by_label("ФИО или СНИЛС").fill("габдуллина")
    page.get_by_role("button", name="Найти").click()
    result = page.locator("#search-results").get_by_text("Гражданин не найден")
    expect(result).to_be_focused()
    expect(page.locator("#messages")).to_contain_text("Гражданин не найден")
    axe(page)
    # Register: a mistake first, the form keeps what was typed.
    base = "900777123"
    snils = base + f"{snils_checksum(base):02d}"
    page.get_by_text("Форма регистрации").click()
    page.get_by_label("Фамилия").fill("Габдуллина")
    page.locator("#id_first_name").fill("Алсу")
    page.locator("#id_birth_date").fill("1968-09-01")
    page.locator("#id_snils").fill("900-777-123 00")
    page.get_by_role("button", name="Зарегистрировать").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Контрольное число СНИЛС не сходится")
    expect(summary).to_contain_text("Без согласия")
    expect(page.get_by_label("Фамилия")).to_have_value("Габдуллина")
    axe(page)
    page.locator("#id_snils").fill(f"{snils[:3]}-{snils[3:6]}-{snils[6:9]} {snils[9:]}")
    page.get_by_label("Согласие на обработку персональных данных").check()
    page.get_by_role("button", name="Зарегистрировать").click()
    expect(
        page.get_by_role("heading", name=re.compile("Открыть случай: Габдуллина"))
    ).to_be_visible()
    axe(page)
    page.get_by_label("Содействие занятости гражданам I, II и III группы инвалидности").check()
    page.get_by_role("button", name="Открыть случай").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Габдуллина Алсу")
    expect(page.locator(".state-badge")).to_have_text("Зарегистрирован")
    # Start the reception and pass the case to the curator, without leaving the page.
    page.get_by_role("button", name="Начать первичный приём").click()
    expect(page.locator(".state-badge")).to_have_text("Первичный приём")
    expect(page.get_by_role("heading", name=re.compile("Этап:"))).to_be_focused()
    expect(page.locator("#messages")).to_contain_text("Первичный приём")
    page.get_by_text("Передать куратору").first.click()
    page.get_by_label("Куратор").select_option(label="Рева Наталья Сергеевна")
    page.get_by_role("button", name="Передать куратору").click()
    expect(page.locator(".state-badge")).to_have_text("Назначен куратор")
    axe(page)
    # Searching again by SNILS now finds her with the open case.
    page.get_by_role("link", name="Приём гражданина").click()
    page.get_by_label("ФИО или СНИЛС").fill(snils)
    page.get_by_role("button", name="Найти").click()
    expect(page.get_by_role("cell", name="Габдуллина Алсу", exact=True)).to_be_visible()
    assert "габдуллина" not in page.url.lower() and snils not in page.url
    citizen = Citizen.objects.get(snils=snils)
    assert Case.objects.get(citizen=citizen).state == r.CURATOR_ASSIGNED


def _case_in(state):
    return Case.objects.filter(
        state=state, centre__slug="nchelny", curator__username="curator"
    ).first()


def test_curator_agrees_a_plan_with_three_services_and_prints_it(site, page, axe):
    case = _case_in(r.PROFILING)
    case.plan_items.all().delete()
    sign_in(page, site, "curator")
    page.goto(f"{site.url}/staff/cases/{case.pk}/")
    axe(page)
    # Agreeing an empty plan is refused with the reason.
    page.get_by_role("button", name="Согласовать план").click()
    expect(page.get_by_text("Добавьте в план хотя бы одну услугу")).to_be_visible()
    due = (timezone.localdate() + datetime.timedelta(days=21)).isoformat()
    for title in [
        "Помощь в поиске подходящей работы",
        "Составление резюме",
        "Направление на психологическую поддержку в ЦРИ «Изгелек»",
    ]:
        page.get_by_label("Услуга").select_option(label=title)
        page.get_by_label("Срок исполнения").fill(due)
        page.get_by_role("button", name="Добавить в план").click()
        expect(page.get_by_role("cell", name=title, exact=True)).to_be_visible()
        expect(
            page.get_by_role("heading", name="Индивидуальный план трудоустройства")
        ).to_be_focused()
    axe(page)
    page.get_by_role("button", name="Согласовать план").click()
    expect(page.locator(".state-badge")).to_have_text("План согласован")
    page.get_by_role("link", name=re.compile("Версия для печати")).click()
    expect(page.get_by_role("heading", name="Индивидуальный план трудоустройства")).to_be_visible()
    expect(page.locator("table.items tbody tr")).to_have_count(3)
    axe(page)
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Напечатать")).to_be_hidden()


def test_case_moves_to_employed_and_then_closed(site, page, axe):
    case = _case_in(r.IN_SERVICE)
    sign_in(page, site, "curator")
    page.goto(f"{site.url}/staff/cases/{case.pk}/")
    page.get_by_role("button", name="Зафиксировать трудоустройство").click()
    expect(page.locator(".state-badge")).to_have_text("Трудоустроен")
    page.get_by_role("button", name="Начать контроль закрепляемости").click()
    expect(page.locator(".state-badge")).to_have_text("Контроль закрепляемости")
    page.get_by_role("button", name="Закрыть случай").click()
    expect(page.locator(".state-badge")).to_have_text("Закрыт")
    expect(page.get_by_role("button", name="Закрыть случай")).to_have_count(0)
    history = page.locator(".history")
    expect(history).to_contain_text("Оказание услуг → Трудоустроен")
    expect(history).to_contain_text("Контроль закрепляемости → Закрыт")
    axe(page)
    case.refresh_from_db()
    assert case.state == r.CLOSED


def test_keyboard_only_suspension_with_a_reason(site, page):
    case = _case_in(r.PLAN_AGREED)
    sign_in(page, site, "curator")
    page.goto(f"{site.url}/staff/cases/{case.pk}/")
    summary = page.locator("summary", has_text="Приостановить")
    summary.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Причина").first).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    error = page.get_by_text("Укажите причину — без неё этот переход не выполняется")
    expect(error).to_be_focused()
    page.locator("textarea[name=comment]").first.fill("Госпитализация")
    page.locator("textarea[name=comment]").first.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator(".state-badge")).to_have_text("Приостановлен")


def test_reception_walks_a_conversation_script_by_keyboard(site, page, axe):
    case = Case.objects.filter(state=r.RECEPTION, centre__slug="nchelny").first()
    sign_in(page, site, "reception")
    page.goto(f"{site.url}/staff/cases/{case.pk}/")
    start = page.get_by_role("button", name=re.compile("Начать разговор: Первичный приём"))
    start.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Скрипты взаимодействия")).to_be_focused()
    expect(page.locator(".script-says")).to_contain_text("Здравствуйте!")
    axe(page)
    page.get_by_role("button", name="Ищу работу, у меня есть группа инвалидности").click()
    expect(page.locator(".script-says")).to_contain_text("комплекс услуг «в одном окне»")
    page.get_by_role("button", name="Да, согласен").click()
    expect(page.locator("#scripts")).to_contain_text("Итог разговора")
    expect(page.locator("#messages")).to_contain_text("Разговор завершён")
    axe(page)
    # The script suggests the next transition; the reception specialist may run it.
    expect(page.locator("#scripts .suggestions")).to_contain_text("Передать куратору")
    expect(page.locator("ul.history")).to_contain_text("Согласился на комплекс услуг")


def test_curator_filters_the_registry_opens_a_case_and_exports(site, page, axe):
    sign_in(page, site, "curator")
    page.get_by_role("link", name="Реестр получателей").click()
    expect(page.get_by_role("heading", name="Реестр получателей комплекса услуг")).to_be_visible()
    axe(page)
    page.get_by_label("Приостановлен").check()
    page.get_by_role("button", name="Показать").click()
    heading = page.locator("#results-h")
    expect(heading).to_be_focused()
    expect(page.locator("#messages")).to_contain_text("Показаны случаи")
    rows = page.locator("#results tbody tr")
    expect(rows).to_have_count(
        Case.objects.filter(state=r.SUSPENDED, centre__slug="nchelny").count()
    )
    assert "suspended" not in page.url and "state" not in page.url
    axe(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Выгрузить в Excel (XLSX)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    rows.first.get_by_role("link").click()
    expect(page.locator(".state-badge")).to_have_text("Приостановлен")
