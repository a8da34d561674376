from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from content.api import api_router
from portal import views
from portal.forms import StaffLoginForm

staff_patterns = (
    [
        path(
            "login/",
            auth_views.LoginView.as_view(
                template_name="portal/login.html",
                authentication_form=StaffLoginForm,
                redirect_authenticated_user=True,
            ),
            name="login",
        ),
        path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    ],
    "portal",
)

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path(settings.CSP_REPORT_URL.lstrip("/"), views.csp_report, name="csp-report"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("staff/", include(staff_patterns)),
    path("staff/", include("portal.two_factor.urls")),
    path("staff/", include("cases.urls")),
    # Headless content API (issue 3): see docs/api.md.
    path("api/v2/", api_router.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include("cases.urls_public")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "portal.errors.bad_request"
handler403 = "portal.errors.permission_denied"
handler404 = "portal.errors.page_not_found"
handler500 = "portal.errors.server_error"
