"""`manage.py schedule_notices`: plan the day's staff reminders and recover notices a dead
worker left behind (cases.services.notices.sweep). Run it every few minutes — cron or a systemd
timer in production (docs/configuration.md, "Notices and SMS"); `--every SECONDS` keeps it
running and repeating, as `make demo` does beside the worker."""

import time

from django.core.management.base import BaseCommand

from cases.services.notices import sweep


class Command(BaseCommand):
    help = "Plan staff reminders and give notices left by a dead worker back to the queue."

    def add_arguments(self, parser):
        parser.add_argument("--every", type=float, default=0, help="Repeat every N seconds.")

    def handle(self, *args, every, **options):
        while True:
            planned, recovered = sweep()
            if options["verbosity"] > 1 or planned or recovered:
                self.stdout.write(f"Запланировано: {planned}; возвращено в очередь: {recovered}")
            if not every:
                return
            time.sleep(every)
