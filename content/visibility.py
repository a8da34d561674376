"""What the public may see: live pages without a view restriction, and nothing else.

Every public listing of pages — the headless API (nested fields included) and the public
templates — takes its pages through these helpers, so drafts, unpublished pages and pages
behind a password, a login or a group restriction (or under such a page) never show.
A leaf module: it names no model of the project, so models and serializers can import it.
"""

from wagtail.models import Page


def public_pages(queryset=None):
    """Live pages that no view restriction covers (Wagtail's `live().public()`)."""
    queryset = Page.objects.all() if queryset is None else queryset
    return queryset.live().public()


def public_service_links(situation):
    """A life situation's complex of services: the links to public services only."""
    return situation.service_links.filter(service_id__in=public_pages().values("pk"))


def public_situation_links(service):
    """The links of a service to the public life situations that include it."""
    return service.life_situation_links.filter(page_id__in=public_pages().values("pk"))
