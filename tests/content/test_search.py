"""The catalogue's filters and its case-insensitive Cyrillic search (SQLite and PostgreSQL)."""

import pytest

from content.models import Partner, ServicePage
from content.text import normalise_search_text


def titles(response):
    """Every service the filters found, on all pages of the catalogue."""
    return [service.title for service in response.context["page_obj"].paginator.object_list]


def test_search_text_is_case_folded_on_save(db, make_service):
    page = make_service(title="ЁЛКА и Психолог", official_name="Official", summary="")
    page.refresh_from_db()
    assert page.search_text == "елка и психолог official"
    assert normalise_search_text("  ПСИХОЛОГ  Ёж ") == "психолог еж"


@pytest.mark.parametrize("query", ["ПСИХОЛОГ", "психолог", "ПсИхОлОгИчЕсКаЯ", "поддержка ПСИХОЛОГ"])
def test_cyrillic_search_ignores_case(client, catalogue, query):
    response = client.get(catalogue.url, {"q": query})
    assert "Психологическая поддержка" in titles(response)
    assert "Помощь в поиске подходящей работы" not in titles(response)


def test_search_finds_the_official_name_too(client, catalogue):
    service = ServicePage.objects.get(slug="job-search")
    response = client.get(catalogue.url, {"q": "СОДЕЙСТВИЕ ГРАЖДАНАМ В ПОИСКЕ"})
    assert service.title in titles(response)


def test_filter_by_life_situation_and_category(client, catalogue, disability):
    prison = disability.get_siblings().type(type(disability)).exclude(pk=disability.pk).first()
    all_services = titles(client.get(catalogue.url))
    in_situation = titles(client.get(catalogue.url, {"situation": disability.pk}))
    assert 0 < len(in_situation) < len(all_services)
    assert "Направление на психологическую поддержку в ЦРИ «Изгелек»" in in_situation
    prison_only = titles(client.get(catalogue.url, {"situation": prison.specific.pk}))
    assert "Направление на психологическую поддержку в ЦРИ «Изгелек»" not in prison_only
    other = titles(client.get(catalogue.url, {"situation": disability.pk, "category": "other"}))
    assert "Направление на психологическую поддержку в ЦРИ «Изгелек»" in other
    assert "Помощь в поиске подходящей работы" not in other


def test_filter_by_result_type_channel_and_provider(client, catalogue):
    payments = titles(client.get(catalogue.url, {"result_type": "payment"}))
    expected = set(
        ServicePage.objects.live().filter(result_type="payment").values_list("title", flat=True)
    )
    assert payments and set(payments) == expected
    by_phone = set(titles(client.get(catalogue.url, {"channel": "phone"})))
    assert by_phone == set(
        ServicePage.objects.live().filter(channel_phone=True).values_list("title", flat=True)
    )
    partner = Partner.objects.get(slug="izgelek")
    partner_services = set(titles(client.get(catalogue.url, {"provider": partner.slug})))
    assert partner_services == set(partner.services.values_list("title", flat=True))
    centre = set(titles(client.get(catalogue.url, {"provider": "centre"})))
    assert centre and not centre & partner_services


def test_result_count_is_in_a_live_region(client, catalogue):
    body = client.get(catalogue.url, {"q": "психолог"}).content.decode()
    assert 'id="service-count" role="status" aria-live="polite">Найдено услуг: 3' in body


def test_bad_filter_value_is_reported_in_russian_and_the_form_keeps_the_input(client, catalogue):
    response = client.get(catalogue.url, {"q": "психолог", "result_type": "nonsense"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Выберите корректный вариант" in body
    assert 'value="психолог"' in body


def test_htmx_request_gets_only_the_results(client, catalogue):
    response = client.get(catalogue.url, {"q": "психолог"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="service-results">')
    assert "<html" not in body
    assert "HX-Request" in response["Vary"]
    full = client.get(catalogue.url, {"q": "психолог"}).content.decode()
    assert "<html" in full


def test_form_works_without_javascript(client, catalogue):
    body = client.get(catalogue.url).content.decode()
    assert f'method="get" action="{catalogue.url}"' in body
    assert '<button type="submit">Показать услуги</button>' in body
