"""The headless content API (Wagtail API v2), mounted at /api/v2/.

Endpoints: pages (every published, public page type with its own fields; ?type=content.ServicePage
&fields=* gives the services with all their fields), roles, partners and categories (the
snippets). Pages come from Wagtail's PagesAPIViewSet limited to `content.visibility.public_pages`
(live, no view restriction — whoever asks, signed in or having entered a page's password), and
the nested fields that name other pages (a life situation's services, a service's life
situations, related pages) go through the same helpers, so drafts and private pages never
leak. Snippets are served as saved, never from an unapplied revision. See docs/api.md.
"""

from django.utils.cache import patch_cache_control
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import get_base_url
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.models import Site

from content.caching import public_cache_seconds
from content.models import Partner, Role, ServiceCategory
from content.visibility import public_pages
from portal import links

URL_KEYS = {"detail_url", "html_url"}


def rehost(data, bases, base):
    """`data` with every detail_url/html_url that starts with one of `bases` moved to `base`."""
    if isinstance(data, dict):
        out = {}
        for key, value in data.items():
            if key in URL_KEYS and isinstance(value, str):
                old = next((b for b in bases if b and value.startswith(b + "/")), None)
                out[key] = base + value[len(old) :] if old else value
            else:
                out[key] = rehost(value, bases, base)
        return out
    if isinstance(data, list):
        return [rehost(value, bases, base) for value in data]
    return data


class CachedAPIMixin:
    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Wagtail builds the URLs from WAGTAILAPI_BASE_URL or the Site record; an integrator
        # gets the address they asked on (or the configured public one: portal/links.py).
        if getattr(response, "data", None) is not None:
            site = Site.find_for_request(request)
            bases = {get_base_url(request), site.root_url if site else None}
            response.data = rehost(response.data, bases, links.base_url(request))
        if response.status_code == 200 and not request.user.is_authenticated:
            seconds = public_cache_seconds()
            patch_cache_control(response, public=True, max_age=seconds, s_maxage=seconds)
        else:
            patch_cache_control(response, private=True, no_store=True)
        return response


class PublicPagesAPIViewSet(CachedAPIMixin, PagesAPIViewSet):
    def get_base_queryset(self):
        # Wagtail lets a request through a restriction it satisfies (a signed-in user, a
        # password entered in this session); the API shows public pages only, to everyone.
        return public_pages(super().get_base_queryset())


class SnippetAPIViewSet(CachedAPIMixin, BaseAPIViewSet):
    """A read-only endpoint for a translatable snippet; ?locale=tt filters by language."""

    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale"])
    meta_fields = [*BaseAPIViewSet.meta_fields, "locale"]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "name", "slug"]

    def get_queryset(self):
        queryset = self.model.objects.select_related("locale").order_by("id")
        locale = self.request.GET.get("locale")
        if locale:
            queryset = queryset.filter(locale__language_code=locale)
        return queryset


class RolesAPIViewSet(SnippetAPIViewSet):
    model = Role
    name = "roles"
    body_fields = [
        *BaseAPIViewSet.body_fields,
        "name",
        "slug",
        "duties",
        "key_documents",
        "workplace",
        "sort_order",
    ]


class PartnersAPIViewSet(SnippetAPIViewSet):
    model = Partner
    name = "partners"
    body_fields = [
        *BaseAPIViewSet.body_fields,
        "name",
        "short_name",
        "slug",
        "address",
        "phone",
        "website",
        "agreement",
        "description",
    ]


class CategoriesAPIViewSet(SnippetAPIViewSet):
    model = ServiceCategory
    name = "categories"
    body_fields = [*BaseAPIViewSet.body_fields, "name", "slug", "description", "sort_order"]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("roles", RolesAPIViewSet)
api_router.register_endpoint("partners", PartnersAPIViewSet)
api_router.register_endpoint("categories", CategoriesAPIViewSet)
