"""Cache-Control fit for a shared cache, never for editors or previews; purge on publish."""

from django.test import override_settings
from wagtail.contrib.frontend_cache.backends import BaseBackend

from content.models import ContactsPage, FAQPage, HomePage, ServicePage, StandardPage

PURGED = []


class RecordingBackend(BaseBackend):
    def __init__(self, params):
        super().__init__(params)

    def purge(self, url):
        PURGED.append(url)


def page_urls(disability, catalogue):
    return [
        HomePage.objects.get(locale=disability.locale).url,
        disability.url,
        catalogue.url,
        ServicePage.objects.get(slug="job-search").url,
        ContactsPage.objects.get().url,
        StandardPage.objects.get(slug="disability", locale=disability.locale).url,
        FAQPage.objects.get().url,
    ]


def test_public_pages_are_cacheable_by_a_shared_cache(client, disability, catalogue):
    for url in page_urls(disability, catalogue):
        response = client.get(url)
        assert response.status_code == 200, url
        cache_control = response["Cache-Control"]
        assert "public" in cache_control and "s-maxage=300" in cache_control, url
        assert "csrftoken" not in response.cookies


def test_pages_for_logged_in_editors_are_private(client, disability, catalogue, django_user_model):
    client.force_login(django_user_model.objects.get(username="editor"))
    for url in page_urls(disability, catalogue):
        cache_control = client.get(url)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, url
        assert "public" not in cache_control


def test_preview_is_never_cached_publicly(disability):
    response = disability.make_preview_request()
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def test_a_page_with_a_csrf_token_is_private(rf, disability):
    from django.contrib.auth.models import AnonymousUser
    from django.middleware.csrf import get_token

    from content.caching import apply_cache_policy

    request = rf.get(disability.url)
    request.user = AnonymousUser()
    get_token(request)
    response = apply_cache_policy(request, disability.serve(request).render())
    assert "private" in response["Cache-Control"]


@override_settings(
    WAGTAILFRONTENDCACHE={"test": {"BACKEND": "tests.content.test_caching.RecordingBackend"}}
)
def test_publishing_purges_the_page_from_the_frontend_cache(disability):
    PURGED.clear()
    disability.title = "Новый заголовок"
    disability.save_revision().publish()
    assert any(url.endswith(disability.url) for url in PURGED)


def test_publishing_a_service_purges_the_service(db):
    service = ServicePage.objects.get(slug="job-search")
    with override_settings(
        WAGTAILFRONTENDCACHE={"test": {"BACKEND": "tests.content.test_caching.RecordingBackend"}}
    ):
        PURGED.clear()
        service.save_revision().publish()
    assert any(url.endswith(service.url) for url in PURGED)
