"""Everything overdue in the centre, for the head of the centre (docs/calendar.md)."""

from django.shortcuts import render
from django.utils import timezone

from cases import services
from cases.views.common import staff_view


@staff_view("cases.view_overdue")
def overdue(request):
    centre = request.user.centre
    result = services.centre_overdue(centre, timezone.localdate())
    return render(request, "cases/overdue.html", {"overdue": result, "centre": centre})
