"""Staff lists: readable at 375 px (label–value cells), Russian plurals, no raw values, and the
intake that preselects the only life situation."""

import re

import pytest
from django.urls import reverse

from cases.forms import OpenCaseForm
from content.models import LifeSituationPage
from portal.models import Centre


@pytest.fixture
def reception_client(client, users):
    client.force_login(users["reception"])
    return client


@pytest.fixture
def curator_client(client, users):
    client.force_login(users["curator"])
    return client


def test_the_only_life_situation_at_intake_is_preselected(reception_client, new_case, situation):
    citizen = new_case().citizen
    citizen.cases.all().delete()
    body = reception_client.get(reverse("cases:open-case", args=[citizen.pk])).content.decode()
    radios = re.findall(r'<input type="radio" name="life_situation"[^>]*>', body)
    assert len(radios) == 1
    assert f'value="{situation.pk}"' in radios[0] and "checked" in radios[0]


def test_several_life_situations_are_not_preselected(db):
    centre = Centre.objects.get(slug="nchelny")
    assert OpenCaseForm(centre=centre).fields["life_situation"].initial is not None
    for page in LifeSituationPage.objects.filter(locale__language_code="ru"):
        page.centres.add(centre)
        page.save()
    field = OpenCaseForm(centre=centre).fields["life_situation"]
    assert field.queryset.count() == 2
    assert field.initial is None
