"""Cache-Control for the public pages.

Anonymous visitors get the same HTML (the visually-impaired mode is applied on the client), so
a shared cache (nginx, Varnish, a CDN) may keep a page for PUBLIC_PAGE_CACHE_SECONDS; Wagtail's
frontend cache app purges it on publish when WAGTAILFRONTENDCACHE is configured. Pages for
logged-in editors (they carry the user bar), previews and anything that put a CSRF token in
the page are never stored by a shared cache.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

PRIVATE = {"private": True, "no_cache": True, "no_store": True, "max_age": 0}


def public_cache_seconds():
    return getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", 300)


def apply_cache_policy(request, response):
    """Mark a rendered public page response as cacheable by shared caches, or as private."""
    user = getattr(request, "user", None)
    private = (
        (user is not None and user.is_authenticated)
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or getattr(request, "is_preview", False)
        or request.method not in ("GET", "HEAD")
        or response.status_code != 200
    )
    if private:
        patch_cache_control(response, **PRIVATE)
    else:
        seconds = public_cache_seconds()
        patch_cache_control(response, public=True, max_age=seconds, s_maxage=seconds)
    return response


class PublicCacheMixin:
    """Page mixin: sends Cache-Control fit for a shared cache on the public, live page."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if hasattr(response, "add_post_render_callback") and not response.is_rendered:
            response.add_post_render_callback(lambda r: apply_cache_policy(request, r))
        else:
            apply_cache_policy(request, response)
        return response

    def serve_preview(self, request, *args, **kwargs):
        response = super().serve_preview(request, *args, **kwargs)
        patch_cache_control(response, **PRIVATE)
        return response
