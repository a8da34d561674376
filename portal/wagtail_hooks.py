from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.models import Centre
from portal.two_factor import wagtail_admin as two_factor_admin


class CentreViewSet(SnippetViewSet):
    model = Centre
    icon = "home"
    menu_label = "Центры занятости"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "city", "phone"]
    search_fields = ["name", "city"]


register_snippet(CentreViewSet)

hooks.register("register_admin_urls", two_factor_admin.admin_urls)
hooks.register("register_user_listing_buttons", two_factor_admin.user_buttons)
hooks.register("register_log_actions", two_factor_admin.log_actions)
hooks.register("insert_global_admin_js", two_factor_admin.idle_timeout_js)
