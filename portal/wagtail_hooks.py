from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal import lockout, views
from portal.models import CalendarDay, Centre
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


class CalendarDayViewSet(SnippetViewSet):
    """Regional days off and federal overrides of the production calendar (portal/calendar.py)."""

    model = CalendarDay
    icon = "date"
    menu_label = "Производственный календарь"
    menu_order = 211
    add_to_admin_menu = True
    list_display = ["date", "name", "region", "kind"]
    list_filter = ["kind", "region"]


register_snippet(CalendarDayViewSet)


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return lockout.can_unlock(request.user)


@hooks.register("register_admin_urls")
def register_lockout_urls():
    return [
        path("signin-lockouts/", views.lockouts, name="portal_lockouts"),
        path("signin-lockouts/unlock/", views.unlock, name="portal_unlock"),
    ]


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(
        _("Блокировки входа"), reverse("portal_lockouts"), icon_name="lock", order=610
    )


@hooks.register("register_log_actions")
def register_unlock_action(actions):
    actions.register_action(
        lockout.UNLOCK_ACTION, _("Снятие блокировки входа"), _("Блокировка входа снята")
    )


hooks.register("register_admin_urls", two_factor_admin.admin_urls)
hooks.register("register_user_listing_buttons", two_factor_admin.user_buttons)
hooks.register("register_log_actions", two_factor_admin.log_actions)
hooks.register("insert_global_admin_js", two_factor_admin.idle_timeout_js)
