"""The registry of recipients and the appointments journal."""

from django.urls import path, re_path

from cases.views import registry

urlpatterns = [
    path("registry/", registry.registry, name="registry"),
    re_path(
        r"^registry/export\.(?P<fmt>csv|xlsx)$", registry.registry_export, name="registry-export"
    ),
]
