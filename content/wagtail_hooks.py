from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from content import views
from content.models import (
    ApplicantCategory,
    ClientIndicator,
    ClientProfile,
    Partner,
    RehabilitationMeasure,
    Role,
    Route,
    Script,
    ServiceCategory,
    WorkingCondition,
)


class YesNoColumn(Column):
    """A boolean as «да» / «нет», never `True` / `False`."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return "—"
        return _("да") if value else _("нет")


def published_column():
    return YesNoColumn("live", label=_("Опубликован"), sort_key="live")


class ServiceCategoryViewSet(SnippetViewSet):
    model = ServiceCategory
    icon = "folder-open-inverse"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class RoleViewSet(SnippetViewSet):
    model = Role
    icon = "group"
    list_display = ["name", "group", "sort_order"]
    search_fields = ["name"]


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "site"
    list_display = ["name", "address"]
    search_fields = ["name"]


class ClientProfileViewSet(SnippetViewSet):
    model = ClientProfile
    icon = "user"
    list_display = ["name", "life_situation"]
    search_fields = ["name"]


class ClientIndicatorViewSet(SnippetViewSet):
    model = ClientIndicator
    icon = "tasks"
    list_display = ["name", "group", "life_situation", "target_value"]
    list_filter = ["group"]
    search_fields = ["name"]


class WorkingConditionViewSet(SnippetViewSet):
    model = WorkingCondition
    icon = "warning"
    menu_label = _("Условия труда")
    list_display = ["name", "synonyms", "sort_order"]
    search_fields = ["name"]


class ApplicantCategoryViewSet(SnippetViewSet):
    model = ApplicantCategory
    icon = "group"
    menu_label = _("Категории граждан")
    list_display = ["name", "kind", "region", YesNoColumn("active", label=_("используется"))]
    list_filter = ["kind", "active"]


class RehabilitationMeasureViewSet(SnippetViewSet):
    model = RehabilitationMeasure
    icon = "link"
    menu_label = _("Мероприятия ИПРА и услуги")
    list_display = ["name", "service", "sort_order"]
    search_fields = ["name"]


class RouteViewSet(SnippetViewSet):
    model = Route
    icon = "resubmit"
    menu_label = _("Маршруты")
    menu_order = 190
    add_to_admin_menu = True
    list_display = ["life_situation", published_column(), UpdatedAtColumn()]


register_snippet(RouteViewSet)


class ScriptViewSet(SnippetViewSet):
    model = Script
    icon = "openquote"
    menu_label = _("Скрипты")
    menu_order = 195
    add_to_admin_menu = True
    list_display = ["name", "role", "stage", "life_situation", published_column()]
    list_filter = ["role", "stage"]
    search_fields = ["name"]


register_snippet(ScriptViewSet)


class ReferenceGroup(SnippetViewSetGroup):
    menu_label = _("Справочники")
    menu_icon = "folder-inverse"
    menu_order = 200
    items = (
        ServiceCategoryViewSet,
        RoleViewSet,
        PartnerViewSet,
        ClientProfileViewSet,
        ClientIndicatorViewSet,
        WorkingConditionViewSet,
        RehabilitationMeasureViewSet,
        ApplicantCategoryViewSet,
    )


register_snippet(ReferenceGroup)


@hooks.register("register_admin_urls")
def register_survey_results_urls():
    return [
        path("surveys/", views.survey_index, name="survey-index"),
        path("surveys/<int:page_id>/", views.survey_results, name="survey-results"),
    ]


@hooks.register("register_admin_menu_item")
def register_survey_results_menu_item():
    return MenuItem(_("Результаты опросов"), reverse("survey-index"), icon_name="table", order=310)
