"""The catalogue is paged and keeps its filters; the catalogue and a service page list only the
life situations of the visitor's own locale (live and public), never their translations."""

import re

from wagtail.models import PageViewRestriction

from content.models import LifeSituationPage, LifeSituationService, ServicePage


def situation_options(body):
    select = re.search(r'<select name="situation".*?</select>', body, re.S).group(0)
    return re.findall(r'<option value="(\d+)"', select)


def test_catalogue_is_paged_with_an_accessible_navigation(client, catalogue):
    total = ServicePage.objects.live().child_of(catalogue).count()
    assert total > catalogue.per_page
    response = client.get(catalogue.url)
    body = response.content.decode()
    assert len(response.context["services"]) == catalogue.per_page
    assert 'nav class="pagination" aria-label="Страницы каталога"' in body
    assert '<span aria-current="page">Страница 1</span>' in body
    assert f"Найдено услуг: {total}" in body
    second = client.get(catalogue.url, {"page": 2})
    assert not set(second.context["services"]) & set(response.context["services"])
    # A page number out of range or not a number answers a page, not an error.
    assert client.get(catalogue.url, {"page": 999}).context["page_obj"].number > 1
    assert client.get(catalogue.url, {"page": "x"}).context["page_obj"].number == 1


def test_page_links_keep_the_filters_and_work_with_the_htmx_swap(client, catalogue):
    assert ServicePage.objects.live().filter(channel_in_person=True).count() > catalogue.per_page
    body = client.get(catalogue.url, {"channel": "in_person"}).content.decode()
    link = re.search(r'<a href="(\?[^"]*page=2[^"]*)"[^>]*data-hx-get="([^"]*)"', body)
    assert link, "a link to page 2"
    href = link.group(1).replace("&amp;", "&")
    assert "channel=in_person" in href
    assert link.group(2).replace("&amp;", "&") == href
    fragment = client.get(catalogue.url + href, headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith('<div id="service-results">')
    assert 'id="service-page" tabindex="-1">Страница 2 из' in fragment


def test_service_page_lists_only_life_situations_of_its_own_locale(client, disability):
    service = ServicePage.objects.get(slug="job-search")
    # The translations of the situation link the same (untranslated) Russian service page.
    assert LifeSituationService.objects.filter(
        service=service, page__locale__language_code__in=["tt", "en"]
    ).exists()
    body = client.get(service.url).content.decode()
    section = body.split("В каких жизненных ситуациях помогает", 1)[1].split("</ul>", 1)[0]
    titles = re.findall(r"<li><a [^>]*>([^<]+)</a></li>", section)
    russian = set(
        LifeSituationPage.objects.live()
        .filter(locale__language_code="ru", service_links__service=service)
        .values_list("title", flat=True)
    )
    assert len(titles) == len(russian) == len(set(titles))
    assert set(titles) == russian
    assert "/tt/" not in section and "/en/" not in section
    # The API's list of a service's situations is the same.
    assert {s["title"] for s in service.life_situations} == russian


def test_private_life_situation_is_not_listed(client, catalogue, disability):
    service = ServicePage.objects.get(slug="job-search")
    PageViewRestriction.objects.create(page=disability, restriction_type="login")
    body = client.get(service.url).content.decode()
    assert disability.title not in body.split("В каких жизненных ситуациях помогает", 1)[-1]
    options = situation_options(client.get(catalogue.url).content.decode())
    assert str(disability.pk) not in options


def test_catalogue_filter_offers_only_the_visitors_locale(client, catalogue):
    options = situation_options(client.get(catalogue.url).content.decode())
    russian = LifeSituationPage.objects.live().filter(locale=catalogue.locale)
    assert LifeSituationPage.objects.live().exclude(locale=catalogue.locale).exists()
    assert sorted(options) == sorted(str(pk) for pk in russian.values_list("pk", flat=True))
