"""What the public may see: live pages without a view restriction, and nothing else.

Every public listing of pages — the headless API (nested fields included) and the public
templates — takes its pages through these helpers, so drafts, unpublished pages and pages
behind a password, a login or a group restriction (or under such a page) never show.
"""

from wagtail.models import Page


def public_pages(queryset=None):
    """Live pages that no view restriction covers (Wagtail's `live().public()`)."""
    queryset = Page.objects.all() if queryset is None else queryset
    return queryset.live().public()


def public_service_links(situation):
    """A life situation's complex of services: the links to public services only."""
    from content.models.pages import ServicePage

    return situation.service_links.filter(service__in=public_pages(ServicePage.objects.all()))


def public_situation_links(service):
    """The links of a service to the public life situations that include it."""
    from content.models.pages import LifeSituationPage

    return service.life_situation_links.filter(
        page__in=public_pages(LifeSituationPage.objects.all())
    )
