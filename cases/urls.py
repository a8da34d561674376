"""Staff screens of the case module, under /staff/."""

from django.urls import include, path

from cases.views import work

app_name = "cases"

urlpatterns = [
    path("", work.my_work, name="my-work"),
    # Registry of recipients and the appointments journal (cases/urls_journals.py).
    path("", include("cases.urls_journals")),
]
