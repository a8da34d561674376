"""Print the table counts and one case's full history as JSON (the restore drill's probe)."""

import json

from django.core.management.base import BaseCommand

from portal import backup


class Command(BaseCommand):
    help = "Print table counts and one case's full history (JSON) for the restore drill."

    def add_arguments(self, parser):
        parser.add_argument("--case", type=int, help="the case (default: the busiest)")

    def handle(self, *args, case=None, **options):
        self.stdout.write(json.dumps(backup.snapshot(case), indent=1, sort_keys=True))
