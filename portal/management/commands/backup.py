"""Back up the database and the media into one dated archive (portal.backup)."""

from django.core.management.base import BaseCommand

from portal import backup


class Command(BaseCommand):
    help = "Back up the database and the media into var/backups (or BACKUP_DIR)."

    def add_arguments(self, parser):
        parser.add_argument("--dir", help="where to write the archive (default BACKUP_DIR)")

    def handle(self, *args, dir=None, **options):
        self.stdout.write(str(backup.backup(dir)))
