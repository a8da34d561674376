from django.conf import settings


def session_timeout(request):
    """The idle timeout the staff screens' timer counts down (data attributes on <body>)."""
    return {
        "idle_timeout_seconds": settings.IDLE_TIMEOUT_SECONDS,
        "idle_warning_seconds": settings.IDLE_WARNING_SECONDS,
    }
