"""The registry of recipients and the appointments journal."""

urlpatterns = []
