"""Staff lists: readable at 375 px (label–value cells), Russian plurals, no raw values, and the
intake that preselects the only life situation."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.forms import OpenCaseForm
from cases.models import Citizen
from content.models import LifeSituationPage, SurveyPage
from portal.models import Centre


@pytest.fixture
def reception_client(client, users):
    client.force_login(users["reception"])
    return client


@pytest.fixture
def curator_client(client, users):
    client.force_login(users["curator"])
    return client


def test_the_only_life_situation_at_intake_is_preselected(reception_client, new_case, situation):
    citizen = new_case().citizen
    citizen.cases.all().delete()
    body = reception_client.get(reverse("cases:open-case", args=[citizen.pk])).content.decode()
    radios = re.findall(r'<input type="radio" name="life_situation"[^>]*>', body)
    assert len(radios) == 1
    assert f'value="{situation.pk}"' in radios[0] and "checked" in radios[0]


def test_several_life_situations_are_not_preselected(db):
    centre = Centre.objects.get(slug="nchelny")
    assert OpenCaseForm(centre=centre).fields["life_situation"].initial is not None
    for page in LifeSituationPage.objects.filter(locale__language_code="ru"):
        page.centres.add(centre)
        page.save()
    field = OpenCaseForm(centre=centre).fields["life_situation"]
    assert field.queryset.count() == 2
    assert field.initial is None


RAW = re.compile(r">\s*(True|False|None|-{9})\s*<|\"(True|False|None)\"|-{9}")


def assert_no_raw_values(body, where):
    found = RAW.search(body)
    assert not found, f"{where}: raw value {found.group(0)!r}"


def test_staff_lists_show_no_raw_values(curator_client, case_at, users):
    case_at("in_service")
    for url in (
        reverse("cases:registry"),
        reverse("cases:my-work"),
        reverse("cases:appointments"),
    ):
        response = curator_client.get(url)
        assert response.status_code == 200, url
        assert_no_raw_values(response.content.decode(), url)
    body = curator_client.post(
        reverse("cases:intake"), {"action": "search", "q": "Иванов"}
    ).content.decode()
    assert_no_raw_values(body, "intake")


def test_our_admin_listings_show_no_raw_values(client, django_user_model):
    client.force_login(django_user_model.objects.filter(is_superuser=True).first())
    urls = [
        "/admin/snippets/content/route/",
        "/admin/snippets/content/script/",
        "/admin/snippets/content/servicecategory/",
        "/admin/snippets/content/role/",
        "/admin/snippets/content/partner/",
        "/admin/snippets/content/clientprofile/",
        "/admin/snippets/content/clientindicator/",
        "/admin/snippets/portal/centre/",
        "/admin/surveys/",
        *(f"/admin/surveys/{pk}/" for pk in SurveyPage.objects.values_list("pk", flat=True)),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        # The listing's table only: Wagtail's own page chrome is not ours.
        tables = re.findall(r'<table class="[^"]*listing.*?</table>', body, re.S)
        if not url.startswith("/admin/surveys/") or url == "/admin/surveys/":
            assert tables, url
        for table in tables:
            assert_no_raw_values(table, url)


@pytest.mark.parametrize(
    ("years", "text"), [(21, "21 год"), (34, "34 года"), (45, "45 лет"), (11, "11 лет")]
)
def test_age_reads_with_the_russian_plural(db, years, text):
    today = timezone.localdate()
    citizen = Citizen(birth_date=today.replace(year=today.year - years))
    assert citizen.age_display == text


def test_intake_search_counts_citizens_with_the_russian_plural(reception_client, new_case):
    for name in ("Плюралов", "Плюралов", "Плюралов"):
        new_case(last_name=name)
    body = reception_client.post(
        reverse("cases:intake"), {"action": "search", "q": "Плюралов"}
    ).content.decode()
    assert ">Найдено 3 гражданина</h3>" in body
    assert 'data-announce="Найдено 3 гражданина"' in body
    assert "(56 лет)" in body or "(55 лет)" in body  # born 17.05.1970
    new_case(last_name="Единственнов")
    body = reception_client.post(
        reverse("cases:intake"), {"action": "search", "q": "Единственнов"}
    ).content.decode()
    assert ">Найден 1 гражданин</h3>" in body


def test_every_cell_of_the_staff_tables_carries_its_label(curator_client, case_at):
    """Without a browser too: each data cell names its column, for the phone layout."""
    case_at("in_service")
    for url in (reverse("cases:registry"), reverse("cases:my-work")):
        body = curator_client.get(url).content.decode()
        tables = re.findall(r'<table class="data reflow">.*?</table>', body, re.S)
        assert tables, url
        for table in tables:
            headers = re.findall(r'<th scope="col"[^>]*>\s*(?:<a [^>]*>)?([^<]+)', table)
            cells = re.findall(r"<td( [^>]*)?>", table.split("<tbody>", 1)[1])
            assert cells, url
            labels = [re.search(r'data-label="([^"]*)"', c or "") for c in cells]
            assert all(labels), (url, cells[:3])
            assert {m.group(1) for m in labels} <= {h.strip() for h in headers}, url


@pytest.mark.parametrize(
    ("days", "text"), [(21, "на 21 день"), (3, "на 3 дня"), (90, "на 90 дней")]
)
def test_booking_horizon_reads_with_the_russian_plural(client, db, monkeypatch, days, text):
    from cases import forms_booking

    monkeypatch.setattr(forms_booking, "BOOKING_HORIZON_DAYS", days)
    data = {
        "centre": Centre.objects.get(slug="nchelny").pk,
        "name": "Зульфия",
        "phone": "+7 917 222-33-44",
        "date": "2200-12-31",
        "time": "10:00",
        "consent": "on",
        "website": "",
    }
    form = client.post("/zapis/", data).context["form"]
    assert f"не более чем {text} вперёд" in form.errors["date"][0]
