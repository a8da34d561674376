"""Staff tables in a real browser: at 1366 px no word is split across lines; at 375 px each row
reads as label–value lines (the label from the cell's data-label), nothing scrolls sideways."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from cases.models import Appointment
from tests.browser.test_cases import sign_in

SPLIT_WORDS = """() => {
  const split = [];
  for (const cell of document.querySelectorAll("table.data td, table.data th")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest(".visually-hidden")) continue;
      for (const m of node.textContent.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter(r => r.width > 0);
        const lines = new Set(rects.map(r => Math.round(r.top)));
        if (lines.size > 1) split.push(m[0]);
      }
    }
  }
  return split;
}"""

LABELS = """() => [...document.querySelectorAll("table.data tbody td[data-label]")].map(td => ({
  label: td.dataset.label,
  before: getComputedStyle(td, "::before").content,
  display: getComputedStyle(td).display,
}))"""


def staff_urls():
    day = Appointment.objects.filter(centre__slug="nchelny").order_by("starts_at").first()
    day = timezone.localtime(day.starts_at).date() if day else timezone.localdate()
    return [
        reverse("cases:registry"),
        reverse("cases:my-work"),
        reverse("cases:appointments") + f"?day={day:%Y-%m-%d}",
        reverse("cases:ipra-registry"),
        reverse("cases:ipra-journal"),
    ]


@pytest.mark.parametrize("width", [1366, 375])
def test_staff_tables_keep_words_whole_and_reflow_on_a_phone(site, page, axe, width):
    urls = staff_urls()
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, site, "curator")
    for url in urls:
        page.goto(site.url + url)
        expect(page.locator("table.data").first).to_be_visible()
        assert page.evaluate(SPLIT_WORDS) == [], url
        cells = page.evaluate(LABELS)
        assert cells, url
        if width == 375:
            for cell in cells:
                assert cell["before"] == f'"{cell["label"]}"', (url, cell)
                assert cell["display"] != "table-cell", (url, cell)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, url
        else:
            assert {cell["before"] for cell in cells} == {"none"}, url
            assert {cell["display"] for cell in cells} == {"table-cell"}, url
        axe(page)


def test_intake_search_results_reflow_on_a_phone(site, page, axe):
    page.set_viewport_size({"width": 375, "height": 900})
    sign_in(page, site, "reception")
    page.goto(site.url + reverse("cases:intake"))
    page.get_by_label("ФИО или СНИЛС").fill("Иванов")
    page.get_by_role("button", name="Найти").click()
    expect(page.locator("#search-results h3")).to_contain_text("Найден")
    assert page.evaluate(SPLIT_WORDS) == []
    cells = page.evaluate(LABELS)
    assert cells and all(c["before"] == f'"{c["label"]}"' for c in cells)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    axe(page)
