"""What the second factor adds to the Wagtail admin: the reset view, a button on each user
with a device, the audit-log actions and the idle-timeout dialog."""

from django.conf import settings
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.button import Button

from portal.two_factor import services, views


def admin_urls():
    return [
        path("two-factor/reset/<int:user_id>/", views.admin_reset, name="two_factor_admin_reset")
    ]


def user_buttons(user, request_user):
    if request_user.has_perm("portal.change_user") and services.has_device(user):
        yield Button(
            _("Сбросить двухфакторную защиту"),
            reverse("two_factor_admin_reset", args=[user.pk]),
            icon_name="lock-open",
            priority=90,
        )


def log_actions(actions):
    actions.register_action(services.ENROL, _("Двухфакторная защита включена"), _("Включена"))
    actions.register_action(services.DISABLE, _("Двухфакторная защита отключена"), _("Отключена"))
    actions.register_action(
        services.RESET, _("Двухфакторная защита сброшена администратором"), _("Сброшена")
    )
    actions.register_action(
        services.RECOVERY_USED, _("Вход по коду восстановления"), _("Код восстановления")
    )
    actions.register_action(
        services.RECOVERY_REGENERATED, _("Новые коды восстановления"), _("Коды обновлены")
    )
    actions.register_action(
        services.FAILED, _("Неверный код или пароль второго фактора"), _("Неверный код")
    )


def idle_timeout_js():
    """The staff screens' idle timer in the admin too: the dialog and the script, configured by
    the script element's data attributes (the admin's <body> is Wagtail's)."""
    dialog = render_to_string("includes/idle_dialog.html")
    script = format_html(
        '<script src="{}" data-idle-timeout="{}" data-idle-warning="{}" '
        'data-keepalive-url="{}" data-logout-url="{}" defer></script>',
        static("js/idle.js"),
        settings.IDLE_TIMEOUT_SECONDS,
        settings.IDLE_WARNING_SECONDS,
        reverse("two_factor:keep-alive"),
        reverse("wagtailadmin_logout"),
    )
    return dialog + script
