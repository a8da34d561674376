"""The access log: who opened, printed, exported or searched personal data, when and from where.

Append-only. An entry carries no personal data: the object's kind and id and a label such as
«Случай № 2026-000012», never a name, SNILS or what was shown. Through the application entries
cannot be changed or deleted: save() refuses an update, delete() and the queryset's update() and
delete() refuse. The one exception is `AccessLogQuerySet.purge()` — the retention purge
(`manage.py purge_audit_logs`) — and `detach()` used by the erasure of a citizen; on PostgreSQL a
trigger (migration 0006) refuses UPDATE and DELETE unless the transaction set
`marshrut.audit_purge`, which only those two do.
"""

from django.conf import settings
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.choices import AccessAction, AccessObject

PURGE_SETTING = "marshrut.audit_purge"


class AppendOnly(Exception):
    """An attempt to change or delete an access-log entry."""


def _allow_purge():
    """On PostgreSQL, let this transaction past the append-only trigger."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, 'on', true)", [PURGE_SETTING])


class AccessLogQuerySet(models.QuerySet):
    def for_user(self, user):
        """The entries of the user's own centre (a superuser without a centre sees all)."""
        if user.is_superuser and user.centre_id is None:
            return self
        if not user.is_authenticated or user.centre_id is None:
            return self.none()
        return self.filter(centre_id=user.centre_id)

    def update(self, **kwargs):
        raise AppendOnly("Записи журнала доступа не изменяются.")

    def delete(self):
        raise AppendOnly("Записи журнала доступа не удаляются.")

    def purge(self):
        """Delete these entries: for the retention purge only (call inside a transaction)."""
        _allow_purge()
        return models.QuerySet.delete(self)

    def detach(self):
        """Forget which citizen these entries were about (erasure): call inside a transaction."""
        _allow_purge()
        return models.QuerySet.update(self, citizen=None)


class AccessLog(models.Model):
    at = models.DateTimeField(_("когда"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("сотрудник"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    centre = models.ForeignKey(
        "portal.Centre",
        verbose_name=_("центр занятости"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("действие"), max_length=10, choices=AccessAction)
    object_type = models.CharField(_("что открыто"), max_length=20, choices=AccessObject)
    object_id = models.PositiveBigIntegerField(_("номер записи"), null=True, blank=True)
    label = models.CharField(_("запись"), max_length=120, blank=True)
    detail = models.CharField(_("подробности"), max_length=60, blank=True)
    # The citizen the entry is about (for the per-record view and the erasure); no constraint,
    # so that the log never stops a citizen's record from being erased.
    citizen = models.ForeignKey(
        "cases.Citizen",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    address = models.GenericIPAddressField(_("адрес"), null=True, blank=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("запись журнала доступа")
        verbose_name_plural = _("журнал доступа")
        indexes = [
            models.Index(fields=["centre", "-at"], name="accesslog_centre_idx"),
            models.Index(fields=["citizen", "-at"], name="accesslog_citizen_idx"),
            models.Index(fields=["user", "-at"], name="accesslog_user_idx"),
        ]

    def __str__(self):
        return f"{self.at:%d.%m.%Y %H:%M} {self.action} {self.object_type} {self.object_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnly("Записи журнала доступа не изменяются.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("Записи журнала доступа не удаляются.")
