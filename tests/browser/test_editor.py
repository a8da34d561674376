"""Editors change the portal in the Wagtail admin only, and staff and the public see it at once:
a new step in a conversation script, a reworked service list, a whole new life situation."""

import re

import pytest
from playwright.sync_api import expect

from cases import route_graph as r
from cases.models import Case, Citizen
from content.models import LifeSituationPage, Route, Script, ServicePage
from tests.browser.test_cases import sign_in
from tests.browser.wagtail_admin import (
    admin_sign_in,
    choose_page,
    expect_published,
    publish,
    type_rich_text,
)

RECEPTION_SCRIPT = "Первичный приём: распознать жизненную ситуацию и предложить комплекс услуг"
STATE_CATEGORY = "Государственные услуги службы занятости"
OTHER_CATEGORY = "Иные государственные услуги службы занятости"


@pytest.fixture(autouse=True)
def _no_autosave(settings):
    """These journeys publish again after a refused publish. With Wagtail's autosave on, a
    draft it saved before the refused publish makes the re-rendered form older than the latest
    revision, and Wagtail then pauses autosave with «Вы сохранили новую версию в другом окне»
    and keeps the next publish from being sent — Wagtail's own behaviour, and a race with the
    500 ms autosave timer. Autosave is off here (the live server reads the setting per request);
    publishing is what these tests are about."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


def test_editor_adds_a_script_step_and_a_specialist_walks_the_new_path(site, page, browser, axe):
    script = Script.objects.get(name=RECEPTION_SCRIPT)
    codes = [step.value["code"] for step in script.steps]
    admin_sign_in(page, site)
    page.goto(f"{site.url}/admin/snippets/content/script/edit/{script.pk}/")

    # A new step at the end, with two answers.
    page.locator("button.c-sf-add-button[title='Вставить блок']").last.click()
    new = f"steps-{len(codes)}-value"
    page.locator(f"#{new}-code").fill("transport")
    page.locator(f"#{new}-says").fill("Как вам удобнее добираться до центра на занятия?")
    page.locator(f"#{new}-answers-0-value-text").fill("Доберусь сам")
    page.locator(f"#{new}-answers-0-value-next_step").fill("offer")
    section = page.locator(f"#{new}-code").locator("xpath=ancestor::section[1]")
    section.locator("button.c-sf-add-button[title='Добавить']").last.click()
    page.locator(f"#{new}-answers-1-value-text").fill("Нужна помощь с дорогой")
    page.locator(f"#{new}-answers-1-value-outcome").select_option("to_curator")
    page.locator(f"#{new}-answers-1-value-outcome_note").fill("Обсудить сопровождение до места")

    # Until an answer leads to it, the new step cannot be reached: publishing is refused.
    publish(page)
    expect(
        page.get_by_text(re.compile("До шагов не дойти ни по одному ответу: transport")).first
    ).to_be_visible()

    # «Нет» in the health step now leads to the new step instead of ending the talk.
    health = codes.index("health")
    answer = f"#steps-{health}-value-answers-1-value"
    expect(page.locator(f"{answer}-text")).to_have_value("Нет")
    page.locator(f"{answer}-next_step").fill("transport")
    page.locator(f"{answer}-outcome").select_option("")
    publish(page)
    expect_published(page, "опубликован")
    script.refresh_from_db()
    assert "transport" in [step.value["code"] for step in script.steps]

    # A reception specialist walks the new path on a case.
    case = Case.objects.filter(state=r.RECEPTION, centre__slug="nchelny").first()
    staff = browser.new_context(locale="ru-RU", viewport={"width": 1280, "height": 900})
    desk = staff.new_page()
    desk.set_default_timeout(15_000)
    sign_in(desk, site, "reception")
    desk.goto(f"{site.url}/staff/cases/{case.pk}/")
    desk.get_by_role("button", name=re.compile("Начать разговор: Первичный приём")).click()
    desk.get_by_role("button", name="Ищу работу, о здоровье не говорит").click()
    desk.get_by_role("button", name="Нет", exact=True).click()
    expect(desk.locator(".script-says")).to_contain_text("Как вам удобнее добираться")
    axe(desk)
    desk.get_by_role("button", name="Нужна помощь с дорогой").click()
    expect(desk.locator("#scripts")).to_contain_text("Направить к куратору")
    expect(desk.locator("ul.history")).to_contain_text("Направить к куратору")
    run = case.script_runs.latest("pk")
    assert [p["answer"] for p in run.path][-2:] == ["Нет", "Нужна помощь с дорогой"]
    assert run.outcome == "to_curator"
    staff.close()


def service_titles(page, category):
    heading = page.get_by_role("heading", name=category, level=3, exact=True)
    return heading.locator("xpath=following-sibling::ul[1]").locator("a").all_inner_texts()


def test_editor_reworks_a_service_list_and_site_and_staff_show_it_at_once(site, page, browser, axe):
    situation = LifeSituationPage.objects.get(
        slug="disability-employment", locale__language_code="ru"
    )
    links = list(situation.service_links.order_by("sort_order").select_related("service"))
    titles = [link.service.title for link in links]
    assert titles[:2] == ["Помощь в поиске подходящей работы", "Профессиональная ориентация"]
    added = (
        ServicePage.objects.live()
        .filter(locale__language_code="ru")
        .exclude(pk__in=[link.service_id for link in links])
        .order_by("title")
        .first()
    )
    moved = titles.index("Помощь в открытии своего дела")
    removed = titles.index("Переезд в другую местность для работы")

    admin_sign_in(page, site)
    page.goto(f"{site.url}/admin/pages/{situation.pk}/edit/")
    # Reorder: «Профессиональная ориентация» goes first.
    page.locator("#inline_child_service_links-1").locator(
        "[data-inline-panel-child-move-up]"
    ).click()
    # Move a service to another category.
    page.locator(f"#id_service_links-{moved}-category").select_option(label=OTHER_CATEGORY)
    # Remove one.
    page.locator(f"#id_service_links-{removed}-DELETE-button").click()
    # Add one from the catalogue.
    total = int(page.locator("#id_service_links-TOTAL_FORMS").input_value())
    page.locator("#id_service_links-ADD").click()
    child = page.locator(f"#inline_child_service_links-{total}")
    choose_page(page, child, added.title[:14], added.title)
    page.locator(f"#id_service_links-{total}-category").select_option(label=STATE_CATEGORY)
    publish(page)
    expect_published(page, "опубликована")

    # The public page, straight away.
    visitor = browser.new_context(locale="ru-RU").new_page()
    visitor.goto(f"{site.url}{situation.url}")
    state = service_titles(visitor, STATE_CATEGORY)
    assert state[:2] == ["Профессиональная ориентация", "Помощь в поиске подходящей работы"]
    assert state[-1] == added.title
    assert "Переезд в другую местность для работы" not in state
    assert "Помощь в открытии своего дела" not in state
    assert "Помощь в открытии своего дела" in service_titles(visitor, OTHER_CATEGORY)
    axe(visitor)
    visitor.context.close()

    # The curator's plan form lists the situation's services in the same order and groups.
    case = Case.objects.filter(
        state=r.PLAN_AGREED, centre__slug="nchelny", life_situation=situation
    ).first()
    staff = browser.new_context(locale="ru-RU", viewport={"width": 1280, "height": 900})
    desk = staff.new_page()
    sign_in(desk, site, "curator")
    desk.goto(f"{site.url}/staff/cases/{case.pk}/")
    group = desk.locator(f"#plan select optgroup[label='{STATE_CATEGORY}'] option")
    options = group.all_inner_texts()
    assert options[:2] == ["Профессиональная ориентация", "Помощь в поиске подходящей работы"]
    assert options[-1] == added.title
    other = desk.locator(f"#plan select optgroup[label='{OTHER_CATEGORY}'] option")
    assert "Помощь в открытии своего дела" in other.all_inner_texts()
    staff.close()


ROUTE = ["start_reception", "assign_curator", "agree_plan", "record_employment", "close"]
SERVICES = [
    ("подходящей работы", "Помощь в поиске подходящей работы"),
    ("профессиональное обучение", "Профессиональное обучение и дополнительное образование"),
    ("саморегуляц", "Тренинг «Приёмы психологической саморегуляции»"),
]


def test_editor_creates_a_new_life_situation_and_the_public_finds_it(site, page, browser, axe):
    title = "Возвращение на работу после отпуска по уходу за ребёнком"
    home = LifeSituationPage.objects.get(
        slug="disability-employment", locale__language_code="ru"
    ).get_parent()
    admin_sign_in(page, site)
    page.goto(f"{site.url}/admin/pages/add/content/lifesituationpage/{home.pk}/")
    page.locator("#id_title").fill(title)
    page.locator("#id_summary").fill("Поможем вернуться к работе или найти новую после декрета.")
    type_rich_text(page, "target_audience", "Родители, выходящие из отпуска по уходу за ребёнком.")
    for i, (query, service) in enumerate(SERVICES):
        page.locator("#id_service_links-ADD").click()
        choose_page(page, page.locator(f"#inline_child_service_links-{i}"), query, service)
        page.locator(f"#id_service_links-{i}-category").select_option(label=STATE_CATEGORY)
    page.get_by_label("ГКУ «ЦЗН города Набережные Челны»").check()
    publish(page)
    expect_published(page, "опубликована")
    situation = LifeSituationPage.objects.get(title=title)
    assert situation.live and situation.service_links.count() == 3

    # Its route: a version with the transitions from registration to closing.
    page.goto(f"{site.url}/admin/snippets/content/route/add/")
    choose_page(page, page.locator("[data-contentpath='life_situation']"), "отпуска", title)
    for i, transition in enumerate(ROUTE):
        if i:
            page.locator("#id_steps-ADD").click()
        page.locator(f"#id_steps-{i}-transition").select_option(transition)
    publish(page)
    expect_published(page, "опубликован")
    route = Route.objects.get(life_situation=situation)
    assert route.live and route.live_revision is not None

    # A member of the public finds it from the home page.
    visitor = browser.new_context(locale="ru-RU").new_page()
    visitor.goto(site.url + "/")
    visitor.get_by_role("link", name=title).click()
    expect(visitor.get_by_role("heading", name=title, level=1)).to_be_visible()
    found = service_titles(visitor, STATE_CATEGORY)
    assert sorted(found) == sorted(service for _q, service in SERVICES)
    axe(visitor)
    visitor.context.close()

    # Reception can open a case in it at once.
    citizen = Citizen.objects.filter(centre__slug="nchelny").first()
    staff = browser.new_context(locale="ru-RU", viewport={"width": 1280, "height": 900})
    desk = staff.new_page()
    sign_in(desk, site, "reception")
    desk.goto(f"{site.url}/staff/intake/citizen/{citizen.pk}/open/")
    desk.get_by_role("group", name="Жизненная ситуация").get_by_label(title).check()
    desk.get_by_role("button", name="Открыть случай").click()
    expect(desk.locator(".state-badge")).to_have_text("Зарегистрирован")
    opened = Case.objects.get(citizen=citizen, life_situation=situation)
    assert opened.route_revision_id == route.live_revision_id
    staff.close()
