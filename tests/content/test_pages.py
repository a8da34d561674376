from content.models import LifeSituationService, ServiceIndexPage, ServicePage


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
    first = client.get(catalogue.url)
    pages = first.context["page_obj"].paginator.num_pages
    body = "".join(
        client.get(catalogue.url, {"page": n}).content.decode() for n in range(1, pages + 1)
    )
    for service in ServicePage.objects.live():
        assert body.count(f'href="{service.url}"') == 1, service.url


def test_service_list_offers_only_the_pages_own_categories(disability):
    from django.contrib.auth import get_user_model

    from content.models import LifeSituationPage, ServiceCategory

    form_class = LifeSituationPage.get_edit_handler().get_form_class()
    editor = get_user_model().objects.get(username="editor")
    form = form_class(instance=disability, for_user=editor)
    formset = form.formsets["service_links"]
    ours = set(ServiceCategory.objects.filter(locale=disability.locale))
    assert ServiceCategory.objects.exclude(locale=disability.locale).exists()
    assert set(formset.forms[0].fields["category"].queryset) == ours
    assert set(formset.empty_form.fields["category"].queryset) == ours


def test_the_public_pages_name_no_private_service_or_life_situation(client, disability):
    """The site's pages list a life situation's services and a service's situations through
    the same helpers as the API: a page behind a password is not named on a public one."""
    from django.core.cache import cache
    from wagtail.models import PageViewRestriction

    from tests.factories import LifeSituationPageFactory, ServicePageFactory

    category = disability.service_links.first().category
    service = ServicePageFactory(title="Услуга под паролем")
    LifeSituationService.objects.create(page=disability, service=service, category=category)
    situation = LifeSituationPageFactory(title="Ситуация под паролем")
    public_service = ServicePage.objects.live().get(slug="job-search")
    LifeSituationService.objects.create(page=situation, service=public_service, category=category)
    cache.clear()  # public pages are cached; each request here must render afresh
    assert "Ситуация под паролем" in client.get(public_service.url).content.decode()
    for page in (service, situation):
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
    cache.clear()
    assert "Услуга под паролем" not in client.get(disability.url).content.decode()
    assert "Ситуация под паролем" not in client.get(public_service.url).content.decode()
