"""factory_boy factories for the data the tests depend on.

Pages are added under a parent (`parent=`) and published unless `publish=False` (then the
page was never live: a draft). Citizens and cases go through the domain services, so they
carry the same log entries and route pinning as those made by staff.
"""

import datetime
import itertools

import factory
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page

from cases import services
from cases.models import Case, Citizen
from content.models import (
    ContactsPage,
    FAQPage,
    HomePage,
    LifeSituationPage,
    ServiceIndexPage,
    ServicePage,
    StandardPage,
    SurveyPage,
)
from portal.models import Centre

# SNILS numbers of their own range (777-0xx-xxx), with the control number worked out by the
# published rule written out here, so that factories do not lean on the code they help to test.
_snils_numbers = itertools.count(1)
_page_numbers = itertools.count(1)


def hand_snils(n):
    base = f"7770{n:05d}"
    total = sum(int(digit) * weight for digit, weight in zip(base, range(9, 0, -1), strict=True))
    control = total if total < 100 else (total % 101) % 100
    return base + f"{control:02d}"


class PageFactory(factory.django.DjangoModelFactory):
    """Adds the page under `parent`; publishes it unless `publish=False`."""

    class Meta:
        abstract = True

    # One counter for every page type: pages of different types share parents and slugs.
    title = factory.LazyFunction(lambda: f"Тестовая страница {next(_page_numbers)}")
    slug = factory.LazyAttribute(lambda o: "test-page-" + o.title.rsplit(" ", 1)[-1])

    @classmethod
    def default_parent(cls):
        return HomePage.objects.filter(locale=Locale.get_default()).order_by("path")[0]

    @classmethod
    def _create(cls, model_class, *args, parent=None, publish=True, **kwargs):
        page = model_class(*args, live=publish, **kwargs)
        (parent or cls.default_parent()).add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page


class ServicePageFactory(PageFactory):
    class Meta:
        model = ServicePage

    official_name = factory.LazyAttribute(lambda o: f"{o.title} (официально)")

    @classmethod
    def default_parent(cls):
        return ServiceIndexPage.objects.filter(locale=Locale.get_default()).order_by("path")[0]


class LifeSituationPageFactory(PageFactory):
    class Meta:
        model = LifeSituationPage

    target_audience = "<p>Граждане, которым нужна помощь.</p>"


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    body = "<p>Текст страницы.</p>"


class FAQPageFactory(PageFactory):
    class Meta:
        model = FAQPage

    questions = factory.LazyFunction(
        lambda: [("question", {"question": "Вопрос?", "answer": "<p>Ответ.</p>"})]
    )


class ServiceIndexPageFactory(PageFactory):
    class Meta:
        model = ServiceIndexPage


class ContactsPageFactory(PageFactory):
    class Meta:
        model = ContactsPage

    phone = "(8552) 00-00-00"


class SurveyPageFactory(PageFactory):
    class Meta:
        model = SurveyPage


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    @classmethod
    def default_parent(cls):
        return Page.get_first_root_node()


class CentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Centre

    name = factory.Sequence(lambda n: f"Тестовый центр занятости {n}")
    short_name = factory.Sequence(lambda n: f"ЦЗН {n}")
    slug = factory.Sequence(lambda n: f"test-centre-{n}")
    region = "Республика Татарстан"
    city = "Набережные Челны"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}")
    first_name = "Анна"
    last_name = factory.Sequence(lambda n: f"Сотрудникова{n}")
    centre = factory.SubFactory(CentreFactory)


class CitizenFactory(factory.django.DjangoModelFactory):
    """A citizen registered by `registered_by` (a staff user) in that user's centre."""

    class Meta:
        model = Citizen

    last_name = factory.Sequence(lambda n: f"Гражданов{n}")
    first_name = "Пётр"
    patronymic = "Ильич"
    birth_date = datetime.date(1970, 5, 17)
    snils = factory.LazyFunction(lambda: hand_snils(next(_snils_numbers)))
    consent_given = True

    @classmethod
    def _create(cls, model_class, *args, registered_by, **kwargs):
        return services.register_citizen(registered_by, model_class(*args, **kwargs))


class CaseFactory(factory.django.DjangoModelFactory):
    """A case opened by `opened_by` for a new citizen (or `citizen=`) in `life_situation`."""

    class Meta:
        model = Case

    @classmethod
    def _create(cls, model_class, *, opened_by, life_situation, citizen=None, **kwargs):
        citizen = citizen or CitizenFactory(registered_by=opened_by, **kwargs)
        return services.open_case(opened_by, citizen, life_situation)
