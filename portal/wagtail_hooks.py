from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.models import Centre


class CentreViewSet(SnippetViewSet):
    model = Centre
    icon = "home"
    menu_label = "Центры занятости"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "city", "phone"]
    search_fields = ["name", "city"]


register_snippet(CentreViewSet)
