"""`manage.py worker`: the background-task worker of every queue of the "background" backend
(django-tasks-db's `db_worker` with the project's backend and queues; docs/configuration.md,
"Background tasks"). Extra options pass through: `--batch` runs what is due and exits,
`--max-tasks N`, `--worker-id NAME`, `--interval SECONDS`."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from portal.process_settings import BACKGROUND


class Command(BaseCommand):
    help = "Run the background-task worker for every queue (imports, notices, reports)."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="Run what is due, then exit.")
        parser.add_argument("--max-tasks", type=int, default=None)
        parser.add_argument("--worker-id", default=None)
        parser.add_argument("--interval", type=float, default=1.0)

    def handle(self, *args, batch, max_tasks, worker_id, interval, **options):
        extra = ["--batch"] if batch else []
        if max_tasks is not None:
            extra += ["--max-tasks", str(max_tasks)]
        if worker_id:
            extra += ["--worker-id", worker_id]
        call_command(
            "db_worker",
            "--backend",
            BACKGROUND,
            "--queue-name",
            "*",
            "--interval",
            str(interval),
            "--no-startup-delay",
            "--no-reload",
            *extra,
            verbosity=options["verbosity"],
        )
