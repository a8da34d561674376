"""The data-protection officer's screens: the access and change logs, under /staff/audit/."""

from django.urls import path, re_path

from cases.views import audit

FMT = r"export\.(?P<fmt>csv|xlsx)$"

urlpatterns = [
    path("audit/", audit.access_log, name="audit-log"),
    re_path(rf"^audit/{FMT}", audit.access_log_export, name="audit-export"),
    path("audit/citizens/<int:pk>/", audit.citizen_log, name="audit-citizen"),
    re_path(
        rf"^audit/citizens/(?P<pk>[0-9]+)/{FMT}",
        audit.citizen_log_export,
        name="audit-citizen-export",
    ),
    path("audit/users/<int:pk>/", audit.user_log, name="audit-user"),
    re_path(rf"^audit/users/(?P<pk>[0-9]+)/{FMT}", audit.user_log_export, name="audit-user-export"),
]
