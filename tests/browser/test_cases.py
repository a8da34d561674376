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
        # The service's cell: its title, then who delivers it (when the service names a role).
        expect(page.locator("#plan td[data-label='Услуга']", has_text=title)).to_be_visible()
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
    # The employment is recorded with its facts, which moves the case (tests/browser/
    # test_referrals.py walks the way through a job referral).
    page.get_by_role("link", name="Зафиксировать трудоустройство").click()
    page.get_by_label("или наименование работодателя").fill("ООО «Челны-Сервис»")
    page.get_by_label("Должность").fill("Оператор")
    page.get_by_role("button", name="Записать трудоустройство").click()
    expect(page.locator(".state-badge")).to_have_text("Трудоустроен")
    page.get_by_role("button", name="Начать контроль закрепляемости").click()
    expect(page.locator(".state-badge")).to_have_text("Контроль закрепляемости")
    page.get_by_role("button", name="Закрыть случай").click()
    expect(page.locator(".state-badge")).to_have_text("Закрыт")
    expect(page.get_by_role("button", name="Закрыть случай")).to_have_count(0)
    history = page.locator(".history:not(.change-history)")
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


WORDS_SPLIT = """(selector) => {
  // Every word of every cell: a word drawn on two lines has more than one client rect.
  const split = [];
  for (const cell of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent.closest(".visually-hidden") || !parent.checkVisibility()) continue;
      const re = /\\S+/g;
      let m;
      while ((m = re.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        if (range.getClientRects().length > 1) split.push(m[0]);
      }
    }
  }
  return split;
}"""


def _case_with_a_full_plan():
    case = _case_in(r.IN_SERVICE)
    case.plan_items.update(from_life_situation=True, from_profiling=True, from_ipra=True)
    return case


def test_the_plan_table_reads_as_label_value_rows_at_375_px(site, page, axe):
    case = _case_with_a_full_plan()
    sign_in(page, site, "curator")
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{site.url}/staff/cases/{case.pk}/")
    table = page.locator("#plan table")
    expect(table).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    cell = table.locator("tbody tr").first.locator("td[data-label='Срок']")
    # A block of its own (flow-root keeps the floated label inside it), not a table cell.
    assert cell.evaluate("td => getComputedStyle(td).display") in {"block", "flow-root"}
    label = cell.evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"Срок"'
    box = cell.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    expect(table.locator("abbr", has_text="ИПРА").first).to_have_attribute(
        "title", re.compile("индивидуальная программа реабилитации")
    )
    assert page.evaluate(WORDS_SPLIT, "#plan td") == []
    axe(page)
    # On the office screen it is a table again, and no word is split inside a cell.
    page.set_viewport_size({"width": 1366, "height": 900})
    assert cell.evaluate("td => getComputedStyle(td).display") == "table-cell"
    assert page.evaluate(WORDS_SPLIT, "#plan td, #plan th") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    axe(page)


def test_the_service_chooser_is_grouped_and_narrowed_by_keyboard(site, page, axe):
    case = _case_in(r.PROFILING)
    case.plan_items.all().delete()
    sign_in(page, site, "curator")
    page.goto(f"{site.url}/staff/cases/{case.pk}/")
    page.evaluate("document.getElementById('citizen-h').dataset.kept = 'yes'")
    select = page.locator("#id_service")
    assert select.locator("optgroup").count() > 1
    search = page.get_by_label("Найти услугу в списке")
    expect(search).to_be_visible()
    axe(page)
    search.focus()
    page.keyboard.type("резюме")
    expect(page.locator("#service-filter-count")).to_contain_text(re.compile(r"Подходит \d+ услуг"))
    shown = select.evaluate(
        """s => [...s.querySelectorAll('optgroup option')].filter(o => !o.hidden)
                 .map(o => o.textContent + ' ' + o.parentElement.label)"""
    )
    assert shown and all("резюме" in text.lower() for text in shown)
    hidden_groups = select.evaluate(
        "s => [...s.querySelectorAll('optgroup')].filter(g => g.hidden).length"
    )
    assert hidden_groups >= 1
    # Enter goes on to the list (the form is not sent half filled); the arrow picks a service.
    page.keyboard.press("Enter")
    expect(select).to_be_focused()
    page.keyboard.press("ArrowDown")
    chosen = select.evaluate("s => s.options[s.selectedIndex].textContent")
    assert "резюме" in chosen.lower()
    axe(page)
    due = (timezone.localdate() + datetime.timedelta(days=14)).isoformat()
    page.get_by_label("Срок исполнения").fill(due)
    page.get_by_role("button", name="Добавить в план").click()
    expect(page.get_by_role("cell", name=chosen, exact=True)).to_be_visible()
    expect(page.locator("#messages")).to_contain_text("Услуга добавлена в план")
    expect(page.get_by_role("heading", name="Индивидуальный план трудоустройства")).to_be_focused()
    # Only the plan was swapped: the rest of the page is the same DOM as before.
    assert page.evaluate("document.getElementById('citizen-h').dataset.kept") == "yes"
    # The new plan section gets its filter again.
    expect(page.get_by_label("Найти услугу в списке")).to_be_visible()


def test_without_js_the_service_chooser_is_a_plain_grouped_list(site, browser):
    case = _case_in(r.PROFILING)
    context = browser.new_context(locale="ru-RU", java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, site, "curator")
        page.goto(f"{site.url}/staff/cases/{case.pk}/")
        expect(page.get_by_label("Найти услугу в списке")).to_be_hidden()
        select = page.locator("#id_service")
        assert select.locator("optgroup").count() > 1
        page.locator("#id_service").select_option(label="Составление резюме")
        page.get_by_label("Срок исполнения").fill(
            (timezone.localdate() + datetime.timedelta(days=14)).isoformat()
        )
        page.get_by_role("button", name="Добавить в план").click()
        expect(page.get_by_role("cell", name="Составление резюме", exact=True)).to_be_visible()
    finally:
        context.close()
