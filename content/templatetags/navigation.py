from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Site

from content.models import SurveyPage

register = template.Library()


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    if "_marshrut_root" not in context.render_context:
        context.render_context["_marshrut_root"] = site.root_page.localized.specific
    return context.render_context["_marshrut_root"]


@register.simple_tag(takes_context=True)
def home_url(context):
    root = _site_root(context)
    return root.url if root is not None else "/"


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    """The main navigation: the home page, highlighted sections, then the other menu pages."""
    current = context.get("page")
    root = _site_root(context)
    if root is None:
        return {"items": [], "current": current}
    children = list(root.get_children().live().in_menu().specific())
    children.sort(key=lambda page: not getattr(page, "highlight", False))
    return {"items": [root, *children], "current": current}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language it is published in (else to that language's home)."""
    page = context.get("page")
    root = _site_root(context)
    current_code = translation.get_language()
    names = dict(settings.LANGUAGES)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    translations = {}
    if page is not None and getattr(page, "pk", None):
        for other in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[other.locale.language_code] = other
    homes = {}
    if root is not None:
        for other in root.get_translations(inclusive=True).live().select_related("locale"):
            homes[other.locale.language_code] = other
    links = []
    for code, _name in settings.LANGUAGES:
        if code not in locales:
            continue
        target = translations.get(code) or homes.get(code)
        if target is None:
            continue
        links.append(
            {"code": code, "name": names[code], "url": target.url, "current": code == current_code}
        )
    return {"links": links if len(links) > 1 else []}


@register.inclusion_tag("includes/survey_links.html", takes_context=True)
def survey_links(context):
    """The surveys a visitor may answer on the site, for the footer."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    surveys = (
        SurveyPage.objects.live()
        .filter(public_enabled=True, locale__language_code__in={language, "ru"})
        .order_by("title")
        .only("title", "url_path", "path", "depth", "locale_id")
    )
    seen, items = set(), []
    for survey in surveys:  # one survey per title: the visitor's language first
        if survey.title not in seen:
            seen.add(survey.title)
            items.append(survey)
    return {"surveys": items[:3]}
