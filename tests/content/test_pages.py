from content.models import ServiceIndexPage, ServicePage


def test_home_page_lists_the_life_situations(client, disability):
    body = client.get("/").content.decode()
    assert disability.title in body
    assert "Каталог услуг" in body


def test_life_situation_page_groups_its_services_by_category(client, disability):
    response = client.get(disability.url)
    assert response.status_code == 200
    body = response.content.decode()
    existing = body.index("<h3>Государственные услуги службы занятости</h3>")
    new = body.index("<h3>Новые государственные услуги службы занятости</h3>")
    other = body.index("<h3>Иные государственные услуги службы занятости</h3>")
    assert existing < new < other
    assert body.index("Помощь в поиске подходящей работы") < new
    assert body.index("Направление на психологическую поддержку в ЦРИ «Изгелек»") > other


def test_service_page_shows_what_to_bring_and_the_provider(client, db):
    page = ServicePage.objects.get(slug="izgelek-psychological-support")
    body = client.get(page.url).content.decode()
    assert "Что взять с собой" in body
    assert "Трудовая книжка" in body
    assert "ул. Комарова, 5" in body


def test_catalogue_lists_every_live_service(client, db):
    catalogue = ServiceIndexPage.objects.get()
    body = client.get(catalogue.url).content.decode()
    for service in ServicePage.objects.live():
        assert service.url in body
