"""Public pages of the case module: the consultation booking form."""

from django.urls import path

from cases.views import booking

urlpatterns = [
    path("zapis/", booking.booking, name="booking"),
    path("zapis/gotovo/", booking.booking_done, name="booking-done"),
]
