"""Every page type renders, is editable and previewable in the admin; the seed is on the site."""

import json
from pathlib import Path

import pytest
from wagtail.models import Page

from content.models import (
    ContactsPage,
    FAQPage,
    HomePage,
    LifeSituationPage,
    ServiceIndexPage,
    ServicePage,
    StandardPage,
)

PAGE_TYPES = [
    HomePage,
    LifeSituationPage,
    ServiceIndexPage,
    ServicePage,
    ContactsPage,
    StandardPage,
    FAQPage,
]
DATA = Path(__file__).resolve().parents[2] / "fixtures" / "data"


def one_of(model):
    return model.objects.live().filter(locale__language_code="ru").first()


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.get(username="editor"))
    return client


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_every_page_type_renders_with_one_h1(client, db, model):
    page = one_of(model)
    body = client.get(page.url).content.decode()
    assert body.count("<h1") == 1
    assert "Перейти к основному содержанию" in body


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_every_page_type_is_editable_and_previewable(editor, model):
    page = one_of(model)
    assert editor.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    preview = page.make_preview_request()
    assert preview.status_code == 200
    assert page.title in preview.content.decode()


def test_editors_can_add_every_page_type_under_home(editor, db):
    home = HomePage.objects.get(locale__language_code="ru")
    body = editor.get(f"/admin/pages/{home.pk}/add_subpage/").content.decode()
    for model in (LifeSituationPage, ServiceIndexPage, StandardPage, FAQPage):
        assert f"/admin/pages/add/content/{model._meta.model_name}/{home.pk}/" in body
    # One contacts page per site: it can live under home, and the demo already has it.
    assert ContactsPage.can_exist_under(home)
    assert f"/admin/pages/add/content/contactspage/{home.pk}/" not in body


def test_accessibility_checker_is_in_the_user_bar(editor, db):
    body = editor.get(one_of(ServicePage).url).content.decode()
    assert 'id="checker-axe-configuration"' in body


def test_the_seed_is_on_the_site_as_pages(client, db):
    situations = json.loads((DATA / "life_situations.json").read_text())["life_situations"]
    for row in situations:
        page = LifeSituationPage.objects.live().get(slug=row["slug"], locale__language_code="ru")
        assert client.get(page.url).status_code == 200
        assert page.service_links.count() == len(row["services"])
    services = json.loads((DATA / "services.json").read_text())
    live = set(ServicePage.objects.live().values_list("slug", flat=True))
    assert {row["slug"] for row in services} <= live
    disability = LifeSituationPage.objects.get(
        slug="disability-employment", locale__language_code="ru"
    )
    assert disability.service_links.count() == 49


def test_disability_section_is_highlighted_in_every_pages_navigation(client, db):
    section = StandardPage.objects.get(slug="disability", locale__language_code="ru")
    assert section.highlight and section.live
    for page in Page.objects.live().filter(locale__language_code="ru", depth__gt=1):
        body = client.get(page.url).content.decode()
        assert f'<li class="nav-highlight"><a href="{section.url}"' in body, page.url


def test_contacts_page_answers_how_to_get_to_us(client, db):
    body = client.get(ContactsPage.objects.get().url).content.decode()
    for heading in (
        "Доступный вход",
        "Парковка для людей с инвалидностью",
        "Можно прийти с сопровождающим",
        "Отдельное окно без очереди",
    ):
        assert f"<h2>{heading}</h2>" in body
    assert 'href="tel:+78552524710">(8552) 52-47-10</a>' in body


def test_faq_page_lists_questions_as_headings(client, db):
    body = client.get(FAQPage.objects.get().url).content.decode()
    assert "<h2" in body and "Можно ли прийти с сопровождающим?" in body
