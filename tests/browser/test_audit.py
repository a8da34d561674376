"""The change history on the case page and the data-protection officer's screens, in a real
browser: readable, keyboard-reachable and axe-clean on an office screen and a phone."""

import datetime
import os

from django.utils import timezone
from playwright.sync_api import expect

from cases import route_graph as r
from cases import services
from cases.choices import AccessAction, AccessObject
from cases.models import AccessLog, Case
from portal.models import User
from tests.browser.test_cases import sign_in

SHOTS = os.environ.get("MARSHRUT_SCREENSHOTS")  # a directory: keep screenshots for review


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def edited_case():
    case = Case.objects.filter(centre__slug="nchelny", state=r.IN_SERVICE).first()
    item = case.plan_items.exclude(status__in=["done", "refused", "cancelled"]).first()
    item.due_date = timezone.localdate() + datetime.timedelta(days=40)
    item.note = "Созвониться после собеседования"
    services.update_plan_item(User.objects.get(username="curator"), item, ["due_date", "note"])
    return case


def test_the_case_history_shows_who_changed_what(site, page, phone, axe):
    case = edited_case()
    for screen, name in ((page, "1366"), (phone, "375")):
        if name == "1366":
            screen.set_viewport_size({"width": 1366, "height": 900})
        sign_in(screen, site, "curator")
        screen.goto(f"{site.url}/staff/cases/{case.pk}/")
        changes = screen.locator(".change-history").first
        expect(screen.get_by_role("heading", name="История изменений")).to_be_visible()
        expect(changes).to_contain_text("Срок исполнения")
        expect(changes).to_contain_text("Примечание: «—» → «Созвониться после собеседования»")
        axe(screen)
        screen.get_by_role("heading", name="История изменений").scroll_into_view_if_needed()
        shot(screen, f"case-history-{name}")


def test_the_officer_reads_the_log_by_keyboard(site, page, phone, axe):
    case = edited_case()
    curator = User.objects.get(username="curator")
    AccessLog.objects.create(
        user=curator,
        centre=curator.centre,
        action=AccessAction.VIEW,
        object_type=AccessObject.CASE,
        object_id=case.pk,
        label=f"Случай № {case.number}",
        citizen=case.citizen,
        address="203.0.113.7",
    )
    for screen, name in ((page, "1366"), (phone, "375")):
        if name == "1366":
            screen.set_viewport_size({"width": 1366, "height": 900})
        sign_in(screen, site, "dpo")
        screen.get_by_role("link", name="Журнал доступа").click()
        expect(screen.get_by_role("heading", level=1)).to_have_text(
            "Журнал доступа к персональным данным"
        )
        expect(screen.locator("table.data")).to_contain_text(f"Случай № {case.number}")
        axe(screen)
        shot(screen, f"audit-log-{name}")
        screen.get_by_label("Действие").select_option("view")
        screen.get_by_role("button", name="Показать").click()
        expect(screen.locator("table.data")).to_contain_text("Просмотр")
        link = screen.get_by_role("link", name=f"Случай № {case.number}").first
        link.focus()
        screen.keyboard.press("Enter")
        expect(screen.get_by_role("heading", level=1)).to_contain_text("Журнал доступа и изменений")
        expect(screen.locator(".change-history")).to_contain_text("Срок исполнения")
        axe(screen)
        shot(screen, f"audit-citizen-{name}")
