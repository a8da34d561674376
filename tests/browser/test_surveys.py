"""Surveys in a real browser: an editor adds a conditional question in the Wagtail admin and a
citizen answers it on the hall tablet; the other survey screens pass axe."""

import re

from django.core.cache import cache
from playwright.sync_api import expect

from cases import route_graph as r
from cases import services
from cases.models import Case
from content.models import SurveyPage, SurveySubmission
from portal.models import Centre, User
from tests.browser.wagtail_admin import admin_sign_in, publish

SLUG = "vpechatlenie-ot-vzaimodejstviya"
NEW_QUESTION = "Что нам стоит исправить в первую очередь?"
OVERALL = "Оцените общее впечатление от посещения центра"


def group(page, number, text):
    """A question's fieldset, by its legend ("3. Question text")."""
    return page.get_by_role("group", name=re.compile(rf"^{number}\. {re.escape(text)}"))


def test_editor_adds_a_conditional_question_and_a_citizen_answers_it_on_the_tablet(
    site, page, browser, axe
):
    cache.clear()
    survey = SurveyPage.objects.get(slug=SLUG)
    admin_sign_in(page, site)
    page.goto(f"{site.url}/admin/pages/{survey.pk}/edit/")
    total = int(page.locator("#id_form_fields-TOTAL_FORMS").input_value())
    page.locator("#id_form_fields-ADD").click()
    prefix = f"#id_form_fields-{total}"
    page.locator(f"{prefix}-label").fill(NEW_QUESTION)
    page.locator(f"{prefix}-field_type").select_option("radio")
    page.locator(f"{prefix}-choices").fill(
        "Очередь и ожидание\nВежливость сотрудников\nПомещение и навигация"
    )
    page.locator(f"{prefix}-indicator_group").select_option("comfort")
    page.locator(f"{prefix}-show_if_question").fill(OVERALL)
    page.locator(f"{prefix}-show_if_answer").fill("7")  # not an answer of a 1–5 rating
    publish(page)
    # The admin refuses the incoherent condition and keeps everything typed.
    expect(page.get_by_text("Выберите один из вариантов: 1; 2; 3; 4; 5.")).to_be_visible()
    expect(page.locator(f"{prefix}-label")).to_have_value(NEW_QUESTION)
    page.locator(f"{prefix}-show_if_answer").fill("2")
    publish(page)
    expect(page.get_by_text(re.compile("опубликована"))).to_be_visible()
    survey.refresh_from_db()
    assert NEW_QUESTION in [q.label for q in survey.get_form_fields()]

    kiosk = browser.new_context(locale="ru-RU", viewport={"width": 1024, "height": 1366})
    tablet = kiosk.new_page()
    tablet.set_default_timeout(15_000)
    url = f"{site.url}/{SLUG}/kiosk/nchelny/"
    tablet.goto(url)
    expect(tablet.get_by_role("heading", level=1)).to_have_text(survey.title)
    new = tablet.get_by_role("group", name=re.compile(re.escape(NEW_QUESTION)))
    expect(new).to_be_hidden()
    axe(tablet)

    group(tablet, 1, "Как вы обращались").get_by_label("Лично в центре").check()
    group(tablet, 2, "Сколько раз").get_by_label("Один раз").check()
    group(tablet, 3, "Пришлось ли вам ждать").get_by_label("Нет").check()
    group(tablet, 5, "Оцените доброжелательность").get_by_label("4 — хорошо").check()
    group(tablet, 6, "Получили ли вы ответы").get_by_label("Частично").check()
    group(tablet, 8, OVERALL).get_by_label("2 — плохо").check()
    expect(new).to_be_visible()  # shown for the answer «2»
    group(tablet, 9, "Насколько вероятно").get_by_label("6", exact=True).check()
    tablet.get_by_role("button", name="Отправить ответы").click()

    # The new question is required when shown: the error summary takes focus.
    summary = tablet.locator("#survey-errors")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(NEW_QUESTION)
    expect(group(tablet, 8, OVERALL).get_by_label("2 — плохо")).to_be_checked()
    axe(tablet)
    summary.get_by_role("link").first.click()
    expect(new.get_by_label("Очередь и ожидание")).to_be_focused()
    tablet.keyboard.press("Space")
    expect(new.get_by_label("Очередь и ожидание")).to_be_checked()
    # The hall tablet clears itself sooner from here on, to keep the test short.
    SurveyPage.objects.filter(pk=survey.pk).update(kiosk_idle_seconds=8)
    tablet.get_by_role("button", name="Отправить ответы").click()

    expect(tablet.get_by_role("status")).to_contain_text("Спасибо")
    axe(tablet)
    saved = SurveySubmission.objects.filter(page=survey).latest("pk")
    assert saved.channel == "kiosk"
    assert saved.centre == Centre.objects.get(slug="nchelny")
    key = next(q.clean_name for q in survey.get_form_fields() if q.label == NEW_QUESTION)
    assert saved.form_data[key] == "Очередь и ожидание"

    # The thank-you screen returns to an empty survey by itself…
    expect(tablet).to_have_url(url, timeout=15_000)
    expect(group(tablet, 1, "Как вы обращались").get_by_label("Лично в центре")).not_to_be_checked()
    # …and a half-filled survey left alone is cleared for the next visitor, with a warning.
    group(tablet, 3, "Пришлось ли вам ждать").get_by_label("Да").check()
    expect(tablet.locator("#kiosk-warning")).to_contain_text("Анкета скоро очистится")
    expect(group(tablet, 3, "Пришлось ли вам ждать").get_by_label("Да")).not_to_be_checked(
        timeout=15_000
    )
    kiosk.close()


def test_public_survey_phone_survey_and_results_are_accessible(site, page, axe):
    cache.clear()
    survey = SurveyPage.objects.get(slug=SLUG)
    page.goto(f"{site.url}/{SLUG}/")
    axe(page)
    page.get_by_role("button", name="Отправить ответы").click()
    expect(page.locator("#survey-errors")).to_be_focused()
    axe(page)

    case = Case.objects.filter(centre__slug="nchelny", state=r.EMPLOYED).first()
    curator = User.objects.get(username="curator")
    services.run_transition(case, "close", curator)
    page.goto(site.url + "/staff/login/")
    page.get_by_label("Имя пользователя").fill("curator")
    page.get_by_label("Пароль").fill("marshrut-demo")
    page.get_by_role("button", name="Войти").click()
    page.goto(f"{site.url}/staff/cases/{case.pk}/")
    surveys = page.locator("#surveys")
    expect(surveys).to_contain_text("Передайте гражданину ссылку")
    axe(page)
    token = case.survey_invitations.get().token
    surveys.get_by_role("link", name=re.compile("Оценка качества оказания услуг")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Опрос по телефону")
    axe(page)

    # The citizen's own link (anonymous visitor).
    page.context.clear_cookies()
    page.goto(f"{site.url}/opros/{token}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Оценка качества оказания услуг службы занятости"
    )
    axe(page)

    admin_sign_in(page, site, "editor")
    page.goto(f"{site.url}/admin/surveys/{survey.pk}/")
    expect(page.get_by_role("table", name="Средняя оценка по группам показателей")).to_be_visible()
    axe(page, context="#main .nice-padding")
    page.locator("#id_date_from").fill("2026-12-01")
    page.locator("#id_date_to").fill("2026-01-01")
    page.get_by_role("button", name="Показать").click()
    expect(page.locator("#filter-errors")).to_be_focused()
    expect(page.locator("#id_date_from")).to_have_value("2026-12-01")
