"""The head of the centre reads everything overdue in the centre (Chromium, axe-core): reached
from the staff menu by keyboard, escalated items first. Set MARSHRUT_SCREENSHOTS=<dir> to keep
screenshots at 1366 and 375 px."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from cases import route_graph as r
from cases.models import Case, PlanItem
from tests.browser.test_cases import sign_in
from tests.browser.test_ipra import shot


def test_the_head_reads_the_overdue_items_of_the_centre(site, page, axe):
    case = Case.objects.filter(centre__slug="nchelny", state=r.IN_SERVICE).first()
    item = case.plan_items.filter(status__in=["planned", "in_progress"]).first()
    PlanItem.objects.filter(pk=item.pk).update(
        due_date=timezone.localdate() - datetime.timedelta(days=30)
    )
    sign_in(page, site, "head")
    link = page.get_by_role("link", name="Просрочено в центре")
    link.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Просрочено в центре")
    items = page.get_by_role("region", name="Пункты планов")
    row = items.locator("tr", has=page.locator(f'a[href$="#item-{item.pk}"]'))
    expect(row).to_contain_text("эскалация")
    expect(items.locator("tbody tr").first).to_contain_text("эскалация")
    axe(page)
    shot(page, "overdue-head")
