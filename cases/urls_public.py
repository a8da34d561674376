"""Public pages of the case module: the consultation booking form, survey invitations."""

from django.urls import path

from cases.views import booking, surveys

urlpatterns = [
    path("zapis/", booking.booking, name="booking"),
    path("zapis/gotovo/", booking.booking_done, name="booking-done"),
    path("opros/spasibo/", surveys.invitation_done, name="survey-invitation-done"),
    path("opros/<str:token>/", surveys.invitation, name="survey-invitation"),
]
