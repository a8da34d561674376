"""Query-count budgets per public page type, which must not grow with the number of services."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import ContactsPage, FAQPage, HomePage, LifeSituationService, StandardPage

# One query of each budget lists the surveys in the footer, one reads the help line from the
# site settings.
BUDGETS = {"home": 24, "situation": 23, "catalogue": 25, "service": 24, "other": 24}


def count_queries(client, url, **params):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.fixture
def urls(disability, catalogue):
    from content.models import ServicePage

    return {
        "home": HomePage.objects.get(locale=disability.locale).url,
        "situation": disability.url,
        "catalogue": catalogue.url,
        "service": ServicePage.objects.get(slug="izgelek-psychological-support").url,
        "contacts": ContactsPage.objects.get().url,
        "standard": StandardPage.objects.get(slug="disability", locale=disability.locale).url,
        "faq": FAQPage.objects.get().url,
    }


def test_each_page_type_stays_within_its_budget(client, urls, django_assert_max_num_queries):
    client.get(urls["home"])  # warm the site-root cache the way a running server has it
    for name, url in urls.items():
        with django_assert_max_num_queries(BUDGETS.get(name, BUDGETS["other"])):
            assert client.get(url).status_code == 200


def test_query_count_does_not_grow_with_the_number_of_services(
    client, urls, disability, make_service
):
    client.get(urls["home"])
    before = {name: count_queries(client, url) for name, url in urls.items()}
    category = disability.service_links.first().category
    for n in range(15):
        service = make_service(summary=f"Ещё одна услуга {n}")
        LifeSituationService.objects.create(page=disability, service=service, category=category)
    disability.save_revision().publish()
    after = {name: count_queries(client, url) for name, url in urls.items()}
    assert after == before
    assert count_queries(client, urls["catalogue"], q="услуга") == before["catalogue"]
