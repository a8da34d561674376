import pytest
from wagtail.models import Locale

from content.models import LifeSituationPage, ServiceIndexPage, ServicePage


@pytest.fixture
def disability(db):
    return LifeSituationPage.objects.get(slug="disability-employment", locale=Locale.get_default())


@pytest.fixture
def catalogue(db):
    return ServiceIndexPage.objects.get()


@pytest.fixture
def make_service(catalogue):
    """Adds and publishes one more service to the catalogue."""
    counter = iter(range(1, 10_000))

    def make(**fields):
        n = next(counter)
        fields.setdefault("title", f"Дополнительная услуга {n}")
        fields.setdefault("slug", f"extra-service-{n}")
        fields.setdefault("official_name", f"Дополнительная услуга номер {n}")
        page = ServicePage(**fields)
        catalogue.add_child(instance=page)
        page.save_revision().publish()
        return page

    return make
