from django import template
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    """The main navigation: the home page and its children marked "show in menus"."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current = context.get("page")
    if site is None:
        return {"items": [], "current": current}
    root = site.root_page.localized.specific
    items = [root, *root.get_children().live().in_menu().specific()]
    return {"items": items, "current": current, "request": request}
