"""The IPRA registry in a real browser (Chromium, checked with axe-core): importing a file with
bad rows and reading the report, acquainting the citizen and forming the measures, adding the
IPRA's measures to the plan and meeting a contraindication warning, printing the journal and the
execution report. Set MARSHRUT_SCREENSHOTS=<dir> to keep screenshots at 1366 and 375 px."""

import os
import random
from pathlib import Path

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from cases import route_graph as r
from cases import services
from cases.models import Case, Ipra
from fixtures.ipra_demo import fictional_row, write_csv
from portal.models import Centre
from tests.browser.test_cases import sign_in
from tests.cases.ipra_helpers import SAMPLE_CSV

SHOTS = os.environ.get("MARSHRUT_SCREENSHOTS")


def shot(page, name):
    """Screenshots at the office width and the phone width, when asked for."""
    if not SHOTS:
        return
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    for width in (1366, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(Path(SHOTS) / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size(size)


def import_one(tmp_path, snils=None, contraindications=None, measures=None):
    row = fictional_row(
        random.Random().randrange(600_000, 700_000),
        today=timezone.localdate(),
        rng=random.Random(3),
        snils=snils,
        measures=measures,
    )
    if contraindications:
        row["Противопоказания"] = contraindications
    path = Path(tmp_path) / "one.csv"
    write_csv(path, [row])
    job = services.ipra.import_file(path, Centre.objects.get(slug="nchelny"))
    return Ipra.objects.get(import_job=job)


def test_import_a_file_with_bad_rows_and_read_the_report(site, page, axe, run_background_tasks):
    sign_in(page, site, "curator")
    page.get_by_role("link", name="ИПРА").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Реестр")
    axe(page)
    page.get_by_role("link", name="Загрузка файлов ИПРА").click()
    page.get_by_role("button", name="Загрузить").click()  # no file: told beside the field
    expect(page.get_by_text("Выберите файл.").first).to_be_visible()
    axe(page)
    page.get_by_label("Файл ИПРА (CSV или XLSX)").set_input_files(str(SAMPLE_CSV))
    page.get_by_role("button", name="Загрузить").click()
    expect(page.get_by_role("heading", name="В очереди")).to_be_visible()
    expect(page.get_by_role("link", name="Обновить страницу")).to_be_visible()
    axe(page)
    run_background_tasks()
    # htmx polls the progress: the result appears without reloading the page.
    expect(page.get_by_role("heading", name="Завершён")).to_be_visible(timeout=20_000)
    expect(page.get_by_role("link", name="Обновить страницу")).to_have_count(0)
    table = page.get_by_role(
        "table", name="Отклонённые строки: номер строки файла, столбец, причина"
    )
    expect(table).to_contain_text("Контрольное число СНИЛС не сходится")
    expect(table).to_contain_text("Неизвестная группа инвалидности")
    expect(page.locator("#import-bar")).to_have_attribute("value", "100")
    axe(page)
    shot(page, "ipra-import")
    with page.expect_download() as download:
        page.get_by_role("link", name="Скачать список в Excel (XLSX)").click()
    assert download.value.suggested_filename.endswith(".xlsx")


def test_acquaint_the_citizen_and_form_the_measures(site, page, axe, tmp_path):
    ipra = import_one(tmp_path)
    sign_in(page, site, "curator")
    page.goto(site.url + reverse("cases:ipra-detail", args=[ipra.pk]))
    expect(page.locator(".state-badge")).to_have_text("Поступила")
    axe(page)
    shot(page, "ipra-card")
    page.locator("summary", has_text="Гражданин ознакомлен").click()
    page.get_by_role("button", name="Гражданин ознакомлен").click()  # no method chosen
    expect(page.get_by_text("Выберите способ ознакомления.").first).to_be_visible()
    expect(page.get_by_label("Способ ознакомления")).to_be_focused()
    axe(page)
    page.get_by_label("Способ ознакомления").select_option(label="По телефону")
    page.get_by_role("button", name="Гражданин ознакомлен").click()
    expect(page.locator(".state-badge")).to_have_text("Гражданин ознакомлен")
    expect(page.get_by_text("Готово: ИПРА — «Гражданин ознакомлен».")).to_be_visible()
    page.locator("summary", has_text="Сформировать перечень").click()
    page.get_by_role("button", name="Сформировать перечень").click()
    expect(page.locator(".state-badge")).to_have_text("Перечень мероприятий сформирован")
    history = page.locator("#ipra-history-h").locator("xpath=..")
    expect(history).to_contain_text("Сформировать перечень")
    expect(history).to_contain_text("Гражданин ознакомлен")
    axe(page)
    ipra.refresh_from_db()
    assert ipra.acquainted_method == "phone" and ipra.measures_formed_on == timezone.localdate()
    # Record a measure's execution inline, by keyboard.
    page.get_by_role("link", name="Отметить исполнение").first.click()
    page.get_by_label("Исполнение").select_option(label="Не исполнено")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Укажите причину неисполнения.").first).to_be_visible()
    axe(page)


def test_add_the_ipra_measures_to_the_plan_and_meet_a_contraindication(site, page, axe, tmp_path):
    curator = get_user_model().objects.get(username="curator")
    case = Case.objects.filter(centre__slug="nchelny", state=r.IN_SERVICE).first()
    ipra = import_one(
        tmp_path,
        snils=case.citizen.snils,
        contraindications="Противопоказан тяжелый физический труд; противопоказано значительное "
        "зрительное напряжение",
        measures=["Содействие в трудоустройстве", "Профессиональное обучение"],
    )
    services.ipra.run_ipra_transition(
        curator, ipra, "acquaint", on=timezone.localdate(), method="phone"
    )
    services.ipra.run_ipra_transition(curator, ipra, "form_measures", on=timezone.localdate())
    sign_in(page, site, "curator")
    page.goto(site.url + reverse("cases:case-detail", args=[case.pk]))
    section = page.locator("#ipra-section")
    expect(section).to_contain_text("Противопоказан тяжелый физический труд")
    axe(page)
    section.get_by_role("button", name="Добавить мероприятия ИПРА в план").click()
    warning = page.locator("#ipra-warning")
    expect(warning).to_contain_text(f"ИПРА № {ipra.number}")
    expect(warning).to_contain_text("«противопоказано значительное зрительное напряжение»")
    expect(warning).to_be_focused()
    axe(page)
    shot(page, "ipra-case-warning")
    page.get_by_label("Обоснование: почему услуги нужны").fill(
        "Обучение с перерывами, зрительная нагрузка ограничена — согласовано с гражданином."
    )
    page.locator("#ipra-section").get_by_role(
        "button", name="Добавить мероприятия ИПРА в план"
    ).click()
    expect(page.get_by_text("Из ИПРА в план добавлено услуг")).to_be_visible()
    plan = page.locator("#plan")
    expect(plan).to_contain_text("Противопоказание: ИПРА №")
    expect(plan).to_contain_text("Обучение с перерывами")
    # A plan item of a contraindicated service added by hand: warned again, naming the line.
    page.get_by_label("Услуга").select_option(label="Оплачиваемые общественные работы")
    page.get_by_label("Срок исполнения").fill(
        (timezone.localdate() + timezone.timedelta(days=10)).isoformat()
    )
    page.get_by_role("button", name="Добавить в план").click()
    expect(page.locator("#plan-warning")).to_contain_text(
        "«Противопоказан тяжелый физический труд»"
    )
    axe(page)
    case = Case.objects.get(pk=case.pk)
    assert case.plan_items.filter(from_ipra=True).count() >= 1
    assert not case.plan_items.filter(service__slug="public-works").exists()


def test_print_the_journal_and_the_execution_report(site, page, axe, tmp_path):
    ipra = import_one(tmp_path)
    sign_in(page, site, "curator")
    page.goto(site.url + reverse("cases:ipra-journal"))
    axe(page)
    shot(page, "ipra-journal")
    page.get_by_role("link", name="Версия для печати (А4, альбомная)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Журнал учета разработки перечня мероприятий по ИПРА"
    )
    expect(page.locator("table.journal")).to_contain_text(ipra.number)
    axe(page)
    # The print layout: A4 landscape (a named page), the screen-only links hidden.
    page.emulate_media(media="print")
    assert page.locator(".no-print").first.is_hidden()
    pdf = page.pdf(prefer_css_page_size=True)
    assert pdf[:4] == b"%PDF"
    page.emulate_media(media="screen")
    page.goto(site.url + reverse("cases:ipra-report", args=[ipra.pk]))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Отчёт об исполнении")
    expect(page.locator("table.items")).to_contain_text(ipra.measures.first().name)
    axe(page)
    shot(page, "ipra-report-print")
    page.goto(site.url + reverse("cases:ipra-reports"))
    axe(page)
    shot(page, "ipra-reports")
