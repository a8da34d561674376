"""Public pages of the case module: the consultation booking form."""

urlpatterns = []
