"""403, 404 and 500 pages: styled, in the visitor's language, with the phone and a way back."""

from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

PHONE = "(8552) 52-47-10"


@pytest.mark.parametrize(
    ("prefix", "lang", "heading", "home"),
    [
        ("", "ru", "Страница не найдена", 'href="/"'),
        ("/tt", "tt", "Бит табылмады", 'href="/tt/"'),
        ("/en", "en", "Page not found", 'href="/en/"'),
    ],
)
def test_public_404_is_styled_and_in_the_visitors_language(client, db, prefix, lang, heading, home):
    response = client.get(f"{prefix}/net-takoj-stranicy/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert PHONE in html and home in html
    assert "css/site.css" in html
    assert "На рабочее место сотрудника" not in html


def test_staff_404_offers_the_way_back_to_the_workplace(client, users):
    client.force_login(users["curator"])
    response = client.get("/staff/cases/999999999/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Страница не найдена</h1>" in html
    assert f'href="{reverse("cases:my-work")}"' in html and PHONE in html


def test_403_shows_the_views_russian_reason(client, users):
    client.force_login(users["hall"])
    response = client.get(reverse("cases:intake"))
    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>Доступ запрещён</h1>" in html
    assert "Ваша роль не даёт доступа к этому разделу" in html
    assert PHONE in html


def test_staff_without_a_centre_are_told_why(client, users):
    client.force_login(users["editor"])
    response = client.get(reverse("cases:my-work"))
    assert response.status_code == 403
    assert "Сотрудник не привязан к центру занятости." in response.content.decode()


def test_500_is_styled_and_tells_nothing_of_the_failure(users):
    client = Client(raise_request_exception=False)
    client.force_login(users["curator"])
    secret = "СНИЛС 112-233-445 95"
    with mock.patch("cases.views.work.render", side_effect=RuntimeError(secret)):
        response = client.get(reverse("cases:my-work"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "<h1>Сбой на сервере</h1>" in html and PHONE in html
    assert secret not in html and "RuntimeError" not in html and "Traceback" not in html
    assert response["Cache-Control"] == "no-store"


def test_500_renders_without_the_database(rf):
    """The 500 page must render when the database is what failed: this test has no database
    access (pytest-django makes every query raise), and the page still comes, without the
    phone it could not read."""
    from portal.errors import server_error

    response = server_error(rf.get("/tt/services/"))
    assert response.status_code == 500
    assert "<h1>Сбой на сервере</h1>" in response.content.decode()


def test_an_expired_csrf_token_gets_a_reason_a_person_can_act_on(users):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["reception"])
    response = client.post(reverse("cases:intake"), {"action": "search", "q": "Иванов"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Страница устарела: обновите её и повторите действие." in html
    assert "CSRF" not in html


def test_permission_denied_without_a_message_says_so_plainly(rf):
    from portal.errors import permission_denied

    html = permission_denied(rf.get("/staff/"), PermissionDenied()).content.decode()
    assert "У вас нет прав на это действие." in html


def test_the_help_line_comes_from_the_site_settings(client, db):
    from wagtail.models import Site

    from content.models import ContactSettings

    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.phone = "8 (843) 200-00-00"
    contact.save()
    for url in ("/", "/net-takoj-stranicy/", "/disability-employment/"):
        html = client.get(url).content.decode()
        assert '<a href="tel:+78432000000">8 (843) 200-00-00</a>' in html, url
        assert PHONE not in html, url
