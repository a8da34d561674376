"""Russian by default, Tatar and English translations of the pages and of the interface."""

import pytest

from content.models import HomePage, LifeSituationPage, StandardPage


@pytest.mark.parametrize(
    ("code", "skip_link", "heading"),
    [
        ("tt", "Төп эчтәлеккә күчү", "Кемгә ярдәм итәбез"),
        ("en", "Skip to main content", "Who we help"),
    ],
)
def test_disability_life_situation_in_tatar_and_english(client, db, code, skip_link, heading):
    page = LifeSituationPage.objects.live().get(
        slug="disability-employment", locale__language_code=code
    )
    assert page.url.startswith(f"/{code}/")
    body = client.get(page.url).content.decode()
    assert f'<html lang="{code}">' in body
    assert skip_link in body
    assert f"<h2>{heading}</h2>" in body
    # The services are not translated: their names are marked as Russian passages.
    assert '<li lang="ru"><a href="/services/' in body


def test_tatar_text_is_real_tatar(client, db):
    page = LifeSituationPage.objects.get(slug="disability-employment", locale__language_code="tt")
    assert "инвалидлыгы" in page.title
    assert (
        "Эш белән тәэмин итү хезмәтенең дәүләт хезмәтләре" in client.get(page.url).content.decode()
    )


def test_home_page_translations(client, db):
    for code, title in (("tt", "Халыкны эш белән"), ("en", "Employment centre")):
        home = HomePage.objects.live().get(locale__language_code=code)
        assert title in home.title
        body = client.get(f"/{code}/").content.decode()
        assert home.title in body
        section = StandardPage.objects.get(slug="disability", locale__language_code=code)
        assert f'<li class="nav-highlight"><a href="{section.url}"' in body


def test_russian_is_the_default_language(client, db):
    body = client.get("/").content.decode()
    assert '<html lang="ru">' in body
    assert "Перейти к основному содержанию" in body


def test_language_switcher_links_to_the_same_page_in_each_language(client, db):
    page = LifeSituationPage.objects.get(slug="disability-employment", locale__language_code="ru")
    body = client.get(page.url).content.decode()
    assert '<a href="/tt/disability-employment/" lang="tt" hreflang="tt">Татарча</a>' in body
    assert '<a href="/en/disability-employment/" lang="en" hreflang="en">English</a>' in body
    assert 'lang="ru" hreflang="ru" aria-current="true">Русский</a>' in body


def test_untranslated_page_switches_to_the_home_page_of_the_language(client, db):
    body = client.get("/contacts/").content.decode()
    assert '<a href="/tt/" lang="tt" hreflang="tt">Татарча</a>' in body
