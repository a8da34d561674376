"""Restore the database and the media from an archive of `manage.py backup` (portal.backup)."""

from django.core.management.base import BaseCommand, CommandError

from portal import backup


class Command(BaseCommand):
    help = "Restore the database and media from FILE (default: the newest backup). Replaces both."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="the archive (default: the newest)")

    def handle(self, *args, file=None, **options):
        try:
            manifest = backup.restore(file)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Restored {len(manifest['tables'])} tables, counts as in the manifest.")
