"""Links for citizens name the host they can reach, never a hard-coded 127.0.0.1:8000."""

from django.urls import reverse

from cases import services
from cases.models import SurveyInvitation
from portal import links


def test_the_request_host_is_used_without_a_configured_public_url(rf, settings):
    settings.PUBLIC_URL = ""
    settings.ALLOWED_HOSTS = ["czn.example.ru"]  # only hosts the deployment allows are named
    request = rf.get("/staff/cases/1/", HTTP_HOST="czn.example.ru", secure=True)
    assert links.absolute("/opros/abc/", request) == "https://czn.example.ru/opros/abc/"


def test_a_configured_public_url_wins_over_the_request_host(rf, settings):
    settings.PUBLIC_URL = "https://zanyatost.example.ru/"
    request = rf.get("/", HTTP_HOST="intranet.local")
    assert links.absolute("/opros/abc/", request) == "https://zanyatost.example.ru/opros/abc/"


def test_without_a_request_the_admin_base_url_is_used(settings):
    settings.PUBLIC_URL = ""
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8080"
    assert links.absolute("/x/") == "http://127.0.0.1:8080/x/"


def test_an_invitation_link_names_the_request_host(rf, db, settings):
    settings.PUBLIC_URL = ""
    settings.ALLOWED_HOSTS = ["czn.example.ru"]
    invitation = SurveyInvitation.objects.first()
    request = rf.get("/", HTTP_HOST="czn.example.ru")
    url = services.invitation_url(invitation, request)
    assert url == "http://czn.example.ru" + reverse("survey-invitation", args=[invitation.token])


def test_the_case_page_shows_invitation_links_on_the_request_host(client, users, settings):
    settings.PUBLIC_URL = ""
    settings.ALLOWED_HOSTS = ["czn.example.ru", "testserver"]
    invitation = SurveyInvitation.objects.filter(
        case__centre=users["curator"].centre, answered_at=None
    ).first()
    client.force_login(users["curator"])
    page = client.get(
        reverse("cases:case-detail", args=[invitation.case_id]), HTTP_HOST="czn.example.ru"
    ).content.decode()
    assert "http://czn.example.ru/opros/" in page and "127.0.0.1:8000" not in page
