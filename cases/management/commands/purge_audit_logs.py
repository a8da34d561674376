"""Delete access- and change-log entries older than their retention periods.

The only way entries of the access log are ever deleted (docs/security.md, «Access log»);
run daily from cron or a systemd timer.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from cases import services


class Command(BaseCommand):
    help = (
        "Удаляет записи журналов доступа и изменений старше срока хранения "
        "(MARSHRUT_ACCESS_LOG_RETENTION_DAYS, MARSHRUT_CHANGE_LOG_RETENTION_DAYS)."
    )

    def handle(self, *args, **options):
        access, changes = services.purge_logs()
        self.stdout.write(
            f"access log: {access} entries older than {settings.ACCESS_LOG_RETENTION_DAYS} days "
            f"deleted; change log: {changes} entries older than "
            f"{settings.CHANGE_LOG_RETENTION_DAYS} days deleted"
        )
