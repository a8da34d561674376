from django.urls import path

from portal.two_factor import views

app_name = "two_factor"
urlpatterns = [
    path("two-factor/", views.setup, name="setup"),
    path("two-factor/code/", views.verify, name="verify"),
    path("two-factor/recovery-codes/", views.regenerate, name="regenerate"),
    path("two-factor/disable/", views.disable, name="disable"),
    path("session/keep-alive/", views.keep_alive, name="keep-alive"),
]
