"""Nothing unpublished or private ever leaves the headless API, at any depth.

Secret pages of every kind (a draft never published, an unpublished page, pages behind a
password, a login or a group restriction, a page under a private parent) and of every page
type are linked from public pages through every relation the content model has. Then every
endpoint is walked — every listing with all fields, every detail, search, find, the
snippets — and the whole serialised JSON must not hold a secret title, slug or id. The walk
takes the fields from the page models' own `api_fields`, so a field added later is walked
too; a new nested field that leaked a secret would fail this test.
"""

import itertools
import json
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, PageViewRestriction, get_page_models

from content.models import (
    LifeSituationPage,
    LifeSituationService,
    Partner,
    Role,
    ServiceCategory,
    ServicePage,
    StandardPage,
)
from tests.factories import (
    ContactsPageFactory,
    FAQPageFactory,
    HomePageFactory,
    LifeSituationPageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
    StandardPageFactory,
    SurveyPageFactory,
)

_numbers = itertools.count(1)
PAGE_URL = re.compile(r"/pages/(\d+)/")
# A factory for every page type of the content app (checked below), HomePage included.
FACTORIES = [
    LifeSituationPageFactory,
    ServicePageFactory,
    StandardPageFactory,
    FAQPageFactory,
    ServiceIndexPageFactory,
    ContactsPageFactory,
    SurveyPageFactory,
    HomePageFactory,
]
RESTRICTIONS = [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN, PageViewRestriction.GROUPS]


class Secrets:
    def __init__(self):
        self.texts = []  # titles and slugs that must never appear
        self.ids = []
        self.pages = []

    def page(self, factory, kind, **kwargs):
        n = next(_numbers)
        name = factory._meta.model.__name__
        page = factory(
            title=f"Секрет {kind} {name} {n}",
            slug=f"secret-{kind}-{name.lower()}-{n}",
            **kwargs,
        )
        self.texts += [page.title, page.slug]
        self.ids.append(page.pk)
        self.pages.append(page)
        return page


def restrict(page, restriction_type):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, password="secret"
    )
    if restriction_type == PageViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.get_or_create(name="Секретная группа")[0]])


@pytest.fixture
def secrets(db):
    found = Secrets()
    for factory in FACTORIES:
        found.page(factory, "draft", publish=False)
        found.page(factory, "unpublished").unpublish()
        for restriction_type in RESTRICTIONS:
            restrict(found.page(factory, restriction_type), restriction_type)
    # Live pages under a private parent: a catalogue behind a password, a text page behind login.
    catalogue = found.page(ServiceIndexPageFactory, "private-parent")
    restrict(catalogue, PageViewRestriction.PASSWORD)
    found.page(ServicePageFactory, "under-private", parent=catalogue)
    section = found.page(StandardPageFactory, "private-section")
    restrict(section, PageViewRestriction.LOGIN)
    found.page(StandardPageFactory, "under-private", parent=section)
    # Public pages whose newest revision is an unpublished draft: the draft's title and slug
    # are secret, the page itself is not.
    for factory in FACTORIES:
        page = factory()
        page.title = f"Секретный черновик {page.pk}"
        page.slug = f"secret-draft-revision-{page.pk}"
        page.save_revision()
        found.texts += [page.title, page.slug]
    link_everything(found.pages)
    # Snippet revisions that were never applied (roles and partners keep revisions).
    for model in (Role, Partner):
        snippet = model.objects.first()
        snippet.name = f"Секретная ревизия {model.__name__}"
        snippet.save_revision()
        found.texts.append(snippet.name)
    return found


def link_everything(secret_pages):
    """Link the secret pages from public ones through every relation of the content model."""
    locale = Locale.get_default()
    public_situation = LifeSituationPage.objects.live().get(
        slug="disability-employment", locale=locale
    )
    public_service = ServicePage.objects.live().get(slug="job-search", locale=locale)
    category = ServiceCategory.objects.filter(locale=locale).first()
    for page in secret_pages:
        if isinstance(page, ServicePage):
            LifeSituationService.objects.create(
                page=public_situation, service=page, category=category
            )
        if isinstance(page, LifeSituationPage):
            LifeSituationService.objects.create(
                page=page, service=public_service, category=category
            )
    text_page = StandardPage.objects.live().public().filter(locale=locale).first()
    text_page.related_pages = [("page", page) for page in secret_pages]
    text_page.save()


def page_models():
    return [model for model in get_page_models() if model._meta.app_label == "content"]


def walk(client, secrets):
    """Every answer of every endpoint, as (url, status, text, page ids it refers to)."""
    answers = []

    def get(path, **params):
        response = client.get("/api/v2/" + path, params)
        if response.get("Content-Type", "").startswith("application/json"):
            data = response.json()
            text = json.dumps(data, ensure_ascii=False)
        else:
            data, text = None, response.content.decode()
        ids = page_ids(data) | {int(n) for n in PAGE_URL.findall(text)}
        answers.append((f"{path} {params}", response.status_code, text, ids))
        return response

    def listing(path, **params):
        items, offset = [], 0
        while True:
            data = get(path, limit=100, offset=offset, **params).json()
            items += data["items"]
            offset += 100
            if offset >= data["meta"]["total_count"]:
                return items

    for model in page_models():
        label = model._meta.label
        items = listing("pages/", type=label, fields="*")
        names = {field.name for field in getattr(model, "api_fields", [])}
        for item in items:
            assert names <= set(item), (label, names - set(item))
            get(f"pages/{item['id']}/")
    listing("pages/", fields="*")
    listing("pages/", locale="tt", fields="*")
    for word in ("Секрет", "секрет", "Секретный черновик"):
        get("pages/", search=word, fields="*")
    for page in secrets.pages:
        get(f"pages/{page.pk}/")
        get("pages/find/", html_path=page.url_path)
        get("pages/", child_of=page.pk)
        get("pages/", descendant_of=page.pk)
    for endpoint in ("roles", "partners", "categories"):
        for item in listing(f"{endpoint}/", fields="*"):
            get(f"{endpoint}/{item['id']}/")
    return answers


def page_ids(data, page_types=None):
    """Every page id an answer refers to, wherever it is nested.

    Counted: `id` of an object that is a page or has no type of its own (such as a service's
    `life_situations`), every `…_id`, the value of a page chooser block, `parent` and
    `alias_of`. Not counted: the ids of snippets and of a page's inline rows, which are not
    page ids.
    """
    if page_types is None:
        page_types = {model._meta.label for model in get_page_models()} | {"wagtailcore.Page"}
    found = set()
    if isinstance(data, list):
        for item in data:
            found |= page_ids(item, page_types)
    elif isinstance(data, dict):
        meta_type = (
            (data.get("meta") or {}).get("type") if isinstance(data.get("meta"), dict) else None
        )
        for key, value in data.items():
            is_page_ref = (
                (key == "id" and (meta_type is None or meta_type in page_types))
                or key.endswith("_id")
                or (key == "value" and data.get("type") == "page")
            )
            if is_page_ref and isinstance(value, int) and not isinstance(value, bool):
                found.add(value)
            elif key in ("parent", "alias_of") and isinstance(value, dict):
                found.add(value.get("id"))
            else:
                found |= page_ids(value, page_types)
    return found


def leaks(answers, secrets):
    found = []
    for url, _status, text, ids in answers:
        found += [(url, t) for t in secrets.texts if t in text]
        found += [(url, i) for i in sorted(ids & set(secrets.ids))]
    return found


def assert_no_leaks(answers, secrets):
    found = leaks(answers, secrets)
    summary = "\n".join(f"{url}: {secret!r}" for url, secret in found[:25])
    assert not found, f"{len(found)} leaks, the first:\n{summary}"


def test_every_page_type_has_secret_pages_in_the_walk():
    assert {f._meta.model for f in FACTORIES} == set(page_models())


def test_no_answer_holds_anything_unpublished_or_private(client, secrets):
    answers = walk(client, secrets)
    assert len(answers) > 200
    assert_no_leaks(answers, secrets)
    for page in secrets.pages:
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404


def test_nor_for_a_signed_in_user_or_after_the_password(client, secrets, django_user_model):
    """The API is for anonymous kiosks and apps: a session opens no private page there."""
    client.force_login(django_user_model.objects.filter(is_superuser=False).first())
    passwords = PageViewRestriction.objects.filter(restriction_type=PageViewRestriction.PASSWORD)
    for restriction in passwords:
        url = reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.pk, restriction.page_id]
        )
        response = client.post(url, {"password": "secret", "return_url": "/"})
        assert response.status_code == 302, response.content
    assert_no_leaks(walk(client, secrets), secrets)
