"""The two journeys of referrals and employment, in Chromium with axe-core:
- the curator refers a citizen to ЦРИ «Изгелек», prints the offer, sends the referral, records
  the conclusion and adds its recommendations to the plan (by keyboard where it matters);
- the employer-zone specialist finds a suitable vacancy, prints the job referral, records the
  employer's answer, and the curator records the employment — without JavaScript.
MARSHRUT_SCREENSHOTS=<dir> keeps screenshots at 1366 and 375 px."""

from playwright.sync_api import expect

from cases import route_graph as r
from cases.models import Case, JobReferral, ReceptionRecord, Referral, Vacancy
from cases.services import jobs
from tests.browser.test_cases import sign_in
from tests.browser.test_ipra import shot


def _case_without_referrals():
    """A case in service of the curator, its demo referrals taken away (the demo data comes back
    before the next test)."""
    case = (
        Case.objects.filter(centre__slug="nchelny", state=r.IN_SERVICE, curator__username="curator")
        .select_related("citizen")
        .first()
    )
    Referral.objects.filter(case=case).delete()
    JobReferral.objects.filter(case=case).delete()
    return case


def test_refer_to_izgelek_print_the_offer_record_the_conclusion_and_plan_it(site, page, axe):
    case = _case_without_referrals()
    sign_in(page, site, "curator")
    page.goto(f"{site.url}/staff/cases/{case.pk}/")
    section = page.locator("section", has=page.locator("#referrals-h"))
    expect(section).to_contain_text("Гражданина ещё не направляли к партнёрам.")
    section.get_by_role("link", name="Направить к партнёру").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("К кому направить")
    axe(page)
    page.get_by_label("ГАУСО «Центр реабилитации инвалидов «Изгелек»»").check()
    page.get_by_role("button", name="Дальше: основание и документы").click()
    # Nothing typed: the errors are named next to the fields, and the package is offered.
    page.get_by_role("button", name="Сохранить направление").click()
    expect(page.locator(".error-summary")).to_contain_text("Укажите основание направления.")
    axe(page)
    page.get_by_label("Основание направления").fill("Психологическая поддержка по ИПРА")
    for document in ("паспорт", "трудовая книжка", "ИПРА"):
        page.get_by_label(document, exact=True).check()
    page.get_by_label("Согласен", exact=True).check()
    shot(page, "referral-form")
    page.get_by_role("button", name="Сохранить направление").click()
    expect(page.locator("#messages")).to_contain_text("Направление сохранено.")
    # One document is missing: the referral is not sent, and the card says which.
    page.get_by_role("button", name="Отправить направление").click()
    expect(page.locator(".error-summary")).to_contain_text("Не хватает документов")
    axe(page)
    page.get_by_role("link", name="Изменить направление").click()
    page.get_by_label(
        "предложение (согласие) на оказание услуги по психологической поддержке"
    ).check()
    page.get_by_role("button", name="Сохранить направление").click()
    # The offer on A4, with the citizen, the partner's address and the issuing specialist.
    page.get_by_role("link", name="Напечатать предложение (А4)").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Предложение о предоставлении государственной услуги"
    )
    expect(page.locator("main")).to_contain_text(case.citizen.full_name)
    expect(page.locator("main")).to_contain_text("ул. Комарова, 5")
    expect(page.locator("main")).to_contain_text("Рева Наталья")
    axe(page)
    shot(page, "referral-offer")
    page.get_by_role("link", name="Вернуться к направлению").click()
    send = page.get_by_role("button", name="Отправить направление")
    send.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#messages")).to_contain_text("ждём заключение до")
    # The conclusion, by keyboard: open the disclosure, fill it in.
    summary = page.get_by_text("Записать заключение", exact=True).first
    summary.focus()
    page.keyboard.press("Enter")
    page.get_by_label("Специалист партнёра").fill("психолог Толемова У. А.")
    page.get_by_label("Рекомендации").fill(
        "Профессии типа «человек — знаковые системы»: экономика\n"
        "Занятия в сфере общественных связей"
    )
    page.get_by_label("Гражданин ознакомлен с заключением").check()
    page.get_by_role("button", name="Записать заключение").click()
    expect(page.locator("#messages")).to_contain_text("Заключение записано.")
    expect(page.locator("main")).to_contain_text("Заключение получено")
    axe(page)
    shot(page, "referral-card")
    page.get_by_label("Услуга в плане").select_option(label="Профессиональная ориентация")
    page.get_by_role("button", name="Добавить рекомендации в план").click()
    expect(page.locator("#messages")).to_contain_text("В план добавлено пунктов: 2.")
    plan = page.locator("section", has=page.locator("#plan-h"))
    expect(plan).to_contain_text("знаковые системы")
    referrals = page.locator("section", has=page.locator("#referrals-h"))
    expect(referrals).to_contain_text("рекомендации в плане")
    axe(page)


def test_find_a_vacancy_print_the_job_referral_record_the_answer_and_employment_without_js(
    site, browser, axe
):
    case = _case_without_referrals()
    ReceptionRecord.objects.update_or_create(
        case=case, defaults={"desired_positions": "бухгалтер", "desired_place": "Набережные Челны"}
    )
    context = browser.new_context(
        locale="ru-RU", java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    try:
        sign_in(page, site, "employers")
        page.goto(f"{site.url}/staff/cases/{case.pk}/")
        section = page.locator("section", has=page.locator("#jobs-h"))
        first = section.locator(".match-list li").first
        expect(first).to_contain_text("Бухгалтер")
        expect(first).to_contain_text("Подходит: должность, место")
        shot(page, "jobs-matching")
        first.get_by_role("link", name="Выдать направление").click()
        page.get_by_role("button", name="Выдать направление").click()
        expect(page.locator("#messages")).to_contain_text("Направление на работу №")
        section = page.locator("section", has=page.locator("#jobs-h"))
        row = section.locator("tr", has_text="Бухгалтер")
        expect(row).to_contain_text("ждём до")
        row.get_by_role("link", name="Печать").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Направление на работу №")
        expect(page.locator("main")).to_contain_text(case.citizen.full_name)
        expect(page.locator("main")).to_contain_text("Просим сообщить о принятом решении до")
        shot(page, "job-referral-print")
        page.go_back()
        page.locator("section", has=page.locator("#jobs-h")).get_by_role(
            "link", name="Записать ответ"
        ).click()
        page.get_by_label("Отказ работодателя").check()
        page.get_by_role("button", name="Записать ответ").click()
        expect(page.locator(".error-summary")).to_contain_text("Укажите причину отказа")
        page.get_by_label("Принят на работу").check()
        page.get_by_role("button", name="Записать ответ").click()
        expect(page.locator("#messages")).to_contain_text("Ответ работодателя записан.")
        context.clear_cookies()
        sign_in(page, site, "curator")
        page.goto(f"{site.url}/staff/cases/{case.pk}/")
        page.get_by_role("link", name="Зафиксировать трудоустройство").click()
        expect(page.get_by_label("По направлению на работу")).to_contain_text("Бухгалтер")
        page.get_by_label("Оборудованное (специальное) рабочее место").check()
        shot(page, "employment-form")
        page.get_by_role("button", name="Записать трудоустройство").click()
        expect(page.locator("#messages")).to_contain_text("Трудоустройство записано")
        expect(page.locator(".state-badge")).to_have_text("Трудоустроен")
        section = page.locator("section", has=page.locator("#jobs-h"))
        expect(section).to_contain_text("по направлению №")
        expect(page.locator("#retention-h")).to_be_visible()
        shot(page, "employment-recorded")
    finally:
        context.close()
    # axe needs scripts: the same screens read again with JavaScript on.
    page = browser.new_page(locale="ru-RU")
    try:
        sign_in(page, site, "curator")
        page.goto(f"{site.url}/staff/cases/{case.pk}/")
        axe(page)
        page.goto(f"{site.url}/staff/vacancies/")
        axe(page)
        page.goto(f"{site.url}/staff/reports/employment/")
        expect(page.locator("main")).to_contain_text("Направления на работу по работодателям")
        axe(page)
        shot(page, "employment-report")
        page.goto(f"{site.url}/staff/referrals/journal/")
        axe(page)
        shot(page, "referral-journal")
    finally:
        page.close()


def test_every_screen_of_the_employer_side_passes_axe(site, page, axe):
    """The forms (with their errors), lists, prints and the import report, read by axe-core."""
    case = _case_without_referrals()
    vacancy = Vacancy.objects.filter(centre=case.centre, status="open").first()
    job = jobs.issue_job_referral(case.curator, case, vacancy, contraindication_note="Проверка")
    sign_in(page, site, "curator")
    for path in (
        "/staff/employers/",
        "/staff/employers/new/",
        f"/staff/employers/{vacancy.employer_id}/",
        "/staff/vacancies/new/",
        f"/staff/vacancies/{vacancy.pk}/",
        "/staff/vacancies/import/",
        f"/staff/cases/{case.pk}/jobs/{vacancy.pk}/refer/",
        f"/staff/cases/{case.pk}/job-referrals/{job.pk}/answer/",
        f"/staff/cases/{case.pk}/job-referrals/{job.pk}/print/",
        f"/staff/cases/{case.pk}/employment/",
        "/staff/referrals/journal/print/",
        "/staff/",
    ):
        page.goto(site.url + path)
        expect(page.locator("h1")).to_be_visible()
        axe(page)
    # A form with errors: the summary takes the focus, the fields say what is wrong.
    page.goto(f"{site.url}/staff/employers/new/")
    page.get_by_label("ИНН").fill("7707083894")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.locator(".error-summary")).to_contain_text("Контрольные цифры ИНН не сходятся")
    axe(page)
    shot(page, "employer-form-errors")
    page.goto(f"{site.url}/staff/vacancies/")
    shot(page, "vacancies")
    # On a phone the lists, the journal and the report read as rows, nothing wider than it.
    page.set_viewport_size({"width": 375, "height": 800})
    for path in (
        "/staff/vacancies/",
        "/staff/employers/",
        "/staff/referrals/journal/",
        "/staff/reports/employment/",
        f"/staff/cases/{case.pk}/",
        "/staff/",
    ):
        page.goto(site.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
