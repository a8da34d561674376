"""One URL of every kind of page the portal serves, for the header tests and the browser's CSP walk.

Each entry is (kind, url, who): who is None for an anonymous visitor or the username of the demo
user who opens it. Wagtail pages are enumerated from the demo's live pages (one per page model),
so a new page model with a live page is covered without touching this file.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from cases import route_graph as r
from cases.choices import InvitationDelivery
from cases.models import Appointment, Case, SurveyInvitation
from content.models import SurveyPage
from portal.models import User

KIOSK_SURVEY = "vpechatlenie-ot-vzaimodejstviya"


def wagtail_pages():
    """(model name, url) of one live page per page model, in the default language."""
    found = {}
    pages = Page.objects.live().filter(depth__gt=1, locale__language_code="ru").order_by("path")
    for page in pages.specific():
        name = type(page).__name__
        if name not in found and page.url:
            found[name] = page.url
    return sorted(found.items())


def _invitation(case):
    survey = SurveyPage.objects.filter(live=True, life_situation=None).first()
    invitation = SurveyInvitation.objects.filter(case=case, answered_at=None).first()
    if invitation is None:
        invitation = SurveyInvitation.objects.create(
            case=case, survey=survey, delivery=InvitationDelivery.STAFF
        )
    return invitation


def public_pages():
    kinds = [(f"wagtail:{name}", url, None) for name, url in wagtail_pages()]
    kiosk = SurveyPage.objects.get(slug=KIOSK_SURVEY, locale__language_code="ru")
    case = Case.objects.filter(centre__slug="nchelny").first()
    kinds += [
        ("catalogue-search", "/services/?q=%D1%80%D0%B0%D0%B1%D0%BE%D1%82%D0%B0", None),
        ("booking", "/zapis/", None),
        ("kiosk", f"{kiosk.url}kiosk/nchelny/", None),
        ("survey-invitation", f"/opros/{_invitation(case).token}/", None),
        ("other-language", "/en/", None),
        ("404", "/net-takoj-stranicy/", None),
        ("api", "/api/v2/pages/", None),
        ("staff-login", "/staff/login/", None),
        ("admin-login", "/admin/login/", None),
    ]
    return kinds


def staff_pages():
    case = Case.objects.filter(centre__slug="nchelny", state=r.IN_SERVICE).first()
    survey = SurveyPage.objects.filter(phone_enabled=True, life_situation=None).first()
    appointment_day = Appointment.objects.filter(centre__slug="nchelny").first().starts_at.date()
    return [
        ("my-work", "/staff/", "curator"),
        ("intake", "/staff/intake/", "reception"),
        ("case", f"/staff/cases/{case.pk}/", "curator"),
        ("plan-print", f"/staff/cases/{case.pk}/plan/print/", "curator"),
        ("citizen-edit", f"/staff/citizens/{case.citizen_id}/edit/", "curator"),
        ("phone-survey", f"/staff/cases/{case.pk}/surveys/{survey.pk}/", "curator"),
        ("registry", "/staff/registry/", "curator"),
        ("journal", f"/staff/appointments/?day={appointment_day.isoformat()}", "curator"),
        ("403", "/staff/intake/", "hall"),
        ("staff-404", "/staff/cases/999999999/", "curator"),
    ]


def admin_pages():
    home = Page.objects.filter(depth=2, locale__language_code="ru").first()
    survey = SurveyPage.objects.get(slug=KIOSK_SURVEY, locale__language_code="ru")
    pages = [
        ("admin-dashboard", "/admin/", "editor"),
        ("admin-page-edit", f"/admin/pages/{home.pk}/edit/", "editor"),
        ("admin-page-explorer", f"/admin/pages/{home.pk}/", "editor"),
        ("admin-images", "/admin/images/", "editor"),
        ("admin-image-upload", "/admin/images/multiple/add/", "editor"),
        ("admin-documents", "/admin/documents/", "editor"),
        ("admin-survey-results", f"/admin/surveys/{survey.pk}/", "editor"),
        ("public-page-with-userbar", home.url, "editor"),
    ]
    return pages


def every_page():
    return public_pages() + staff_pages() + admin_pages()


def user(username):
    return User.objects.get(username=username)


def content_types_of_live_pages():
    """Every page model that has a live page (to check wagtail_pages() misses none)."""
    ids = Page.objects.live().filter(depth__gt=1).values_list("content_type", flat=True)
    return {ct.model_class().__name__ for ct in ContentType.objects.filter(pk__in=set(ids))}
