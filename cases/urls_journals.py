"""The registry of recipients and the appointments journal."""

from django.urls import path, re_path

from cases.views import appointments, registry

urlpatterns = [
    path("registry/", registry.registry, name="registry"),
    path("appointments/", appointments.journal, name="appointments"),
    path(
        "appointments/<int:pk>/status/", appointments.appointment_status, name="appointment-status"
    ),
    re_path(
        r"^registry/export\.(?P<fmt>csv|xlsx)$", registry.registry_export, name="registry-export"
    ),
]
