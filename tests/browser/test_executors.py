"""The psychologist sees and completes her plan item (issue 12): the item the curator planned goes
to the service's responsible role; the psychologist finds it in «Моя работа», opens the case,
starts and completes it by keyboard, and it leaves her list. Chromium, axe-core. Set
MARSHRUT_SCREENSHOTS=<dir> to keep screenshots at 1366 and 375 px."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from cases import route_graph as r
from cases import services
from cases.models import Case, PlanItem
from content.models import ServicePage
from tests.browser.test_cases import sign_in
from tests.browser.test_ipra import shot


def test_the_psychologist_sees_and_completes_her_plan_item(site, page, axe):
    curator = get_user_model().objects.get(username="curator")
    case = Case.objects.filter(centre__slug="nchelny", state=r.IN_SERVICE).first()
    item = services.add_plan_item(
        curator,
        case,
        PlanItem(
            service=ServicePage.objects.get(slug="social-adaptation"),
            due_date=timezone.localdate() + datetime.timedelta(days=5),
        ),
    )
    sign_in(page, site, "psychologist")
    mine = page.get_by_role("region", name="Мои пункты планов")
    row = mine.locator("tr", has=page.locator(f'a[href$="#item-{item.pk}"]'))
    expect(row).to_contain_text("Социальная адаптация")
    expect(row).to_contain_text("роль: Психолог")
    axe(page)
    shot(page, "executors-my-work")
    row.get_by_role("link", name=f"№ {case.number}").click()
    plan_row = page.locator(f"#item-{item.pk}")
    expect(plan_row).to_contain_text("Исполнитель: роль: Психолог")
    plan_row.get_by_role("button", name="Начать").press("Enter")
    expect(page.locator(f"#item-{item.pk}")).to_contain_text("Выполняется")
    plan_row = page.locator(f"#item-{item.pk}")
    plan_row.locator("summary").click()
    plan_row.get_by_label("Результат или причина").fill("Проведено занятие по адаптации")
    plan_row.get_by_role("button", name="Выполнено").press("Enter")
    expect(page.locator(f"#item-{item.pk}")).to_contain_text("Выполнено")
    expect(page.locator("#messages")).not_to_be_empty()
    axe(page)
    shot(page, "executors-case-page")
    page.get_by_role("link", name="Моя работа").click()
    expect(page.locator(f'a[href$="#item-{item.pk}"]')).to_have_count(0)
    item.refresh_from_db()
    assert (item.status, item.result) == ("done", "Проведено занятие по адаптации")
