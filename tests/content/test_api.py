"""The headless API: the shape of its answers, and that drafts and private pages never leak."""

import pytest
from wagtail.models import PageViewRestriction

from content.models import (
    ContactsPage,
    LifeSituationPage,
    LifeSituationService,
    Partner,
    Role,
    ServicePage,
)

SERVICE_FIELDS = {
    "official_name",
    "summary",
    "description",
    "eligibility",
    "result_type",
    "request_mode",
    "documents",
    "channel_in_person",
    "channel_phone",
    "channel_portal",
    "provider",
    "responsible_role",
    "duration",
    "life_situations",
}


def api(client, path, **params):
    response = client.get("/api/v2/" + path, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_every_published_page_type_is_listed(client, db):
    data = api(client, "pages/", limit=100)
    types = {item["meta"]["type"] for item in data["items"]}
    assert {
        "content.HomePage",
        "content.LifeSituationPage",
        "content.ServiceIndexPage",
        "content.ServicePage",
        "content.ContactsPage",
        "content.StandardPage",
        "content.FAQPage",
    } <= types


def test_services_come_with_all_their_fields(client, db):
    data = api(client, "pages/", type="content.ServicePage", fields="*", limit=100)
    assert data["meta"]["total_count"] == ServicePage.objects.live().public().count()
    item = next(i for i in data["items"] if i["meta"]["slug"] == "izgelek-psychological-support")
    assert set(item) >= SERVICE_FIELDS
    assert item["provider"]["address"] and item["provider"]["slug"] == "izgelek"
    assert {doc["type"] for doc in item["documents"]} == {"document"}
    assert "Трудовая книжка" in [doc["value"] for doc in item["documents"]]
    assert any(s["title"].startswith("Содействие занятости") for s in item["life_situations"])
    job = next(i for i in data["items"] if i["meta"]["slug"] == "job-search")
    assert job["responsible_role"]["slug"] == "curator"


def test_life_situation_detail_has_its_complex_and_route(client, disability, make_service):
    hidden = make_service(title="Снятая с публикации услуга")
    hidden.unpublish()
    category = disability.service_links.first().category
    LifeSituationService.objects.create(page=disability, service=hidden, category=category)
    data = api(client, f"pages/{disability.pk}/")
    assert data["meta"]["type"] == "content.LifeSituationPage"
    assert data["target_audience"].startswith("<p>")
    assert data["route_steps"][0]["type"] == "step"
    # The complex as the public sees it: every link but the one to the unpublished service.
    public_links = disability.service_links.exclude(service=hidden)
    assert (
        len(data["service_links"]) == public_links.count() == disability.service_links.count() - 1
    )
    assert hidden.pk not in [link["service_id"] for link in data["service_links"]]
    link = data["service_links"][0]
    assert {"id", "meta", "service_id", "service_title", "category_name"} <= set(link)
    assert link["meta"]["type"] == "content.LifeSituationService"


def test_contacts_page_fields(client, db):
    contacts = ContactsPage.objects.get()
    data = api(client, f"pages/{contacts.pk}/")
    for field in ("address", "phone", "accessible_entrance", "disabled_parking", "companion"):
        assert field in data
    assert data["phone"] == "(8552) 52-47-10"


def test_roles_and_partners(client, db):
    roles = api(client, "roles/", fields="*", limit=100)
    assert roles["meta"]["total_count"] == Role.objects.count()
    curator = next(item for item in roles["items"] if item["slug"] == "curator")
    assert {"name", "duties", "key_documents", "workplace"} <= set(curator)
    partners = api(client, "partners/", fields="*")
    izgelek = next(item for item in partners["items"] if item["slug"] == "izgelek")
    assert izgelek["address"] == Partner.objects.get(slug="izgelek").address
    assert api(client, "categories/", locale="tt")["meta"]["total_count"] == 3


def test_drafts_never_leak(client, disability, make_service):
    draft = make_service(title="Черновик секретной услуги")
    draft.unpublish()
    revision = disability.save_revision()
    disability.title = "Несохранённый черновик заголовка"
    disability.save_revision()
    ids = [i["id"] for i in api(client, "pages/", limit=100)["items"]]
    assert draft.pk not in ids
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    assert api(client, f"pages/{disability.pk}/")["title"] == revision.object_str
    body = client.get("/api/v2/pages/", {"search": "Черновик"}).content.decode()
    assert "Черновик секретной услуги" not in body


def test_private_pages_never_leak(client, disability):
    PageViewRestriction.objects.create(
        page=disability, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    ids = [i["id"] for i in api(client, "pages/", limit=100)["items"]]
    assert disability.pk not in ids
    assert client.get(f"/api/v2/pages/{disability.pk}/").status_code == 404
    situations = api(client, "pages/", type="content.LifeSituationPage")
    assert disability.pk not in [i["id"] for i in situations["items"]]
    assert LifeSituationPage.objects.live().filter(pk=disability.pk).exists()


@pytest.mark.parametrize("path", ["pages/", "roles/", "partners/"])
def test_api_answers_are_cacheable(client, db, path):
    response = client.get("/api/v2/" + path)
    assert "public" in response["Cache-Control"]
    assert "s-maxage=300" in response["Cache-Control"]


def test_api_urls_name_the_host_the_request_came_to(client, db, settings):
    settings.PUBLIC_URL = ""
    settings.WAGTAILAPI_BASE_URL = None
    settings.ALLOWED_HOSTS = ["czn.example.ru", "testserver"]
    host = {"HTTP_HOST": "czn.example.ru"}
    data = client.get("/api/v2/pages/", {"type": "content.ServicePage"}, **host).json()
    first = data["items"][0]["meta"]
    assert first["detail_url"].startswith("http://czn.example.ru/api/v2/pages/")
    assert first["html_url"].startswith("http://czn.example.ru/services/")
    detail = client.get(first["detail_url"].removeprefix("http://czn.example.ru"), **host).json()
    parent = detail["meta"]["parent"]["meta"]
    assert parent["detail_url"].startswith("http://czn.example.ru/api/v2/pages/")
    assert parent["html_url"].startswith("http://czn.example.ru/")
    for text in (str(data), str(detail)):
        assert "127.0.0.1" not in text and "localhost" not in text


def test_api_urls_name_the_configured_public_url(client, db, settings):
    settings.PUBLIC_URL = "https://zanyatost.example.ru"
    settings.WAGTAILAPI_BASE_URL = settings.PUBLIC_URL
    detail = client.get("/api/v2/pages/", {"type": "content.ServicePage"}).json()["items"][0]
    assert detail["meta"]["detail_url"].startswith("https://zanyatost.example.ru/api/v2/pages/")
    assert detail["meta"]["html_url"].startswith("https://zanyatost.example.ru/services/")
