"""Erase the personal data of citizens whose retention period is over, or of one on request.

    manage.py erase_expired_citizens [--dry-run] [--years N]
    manage.py erase_expired_citizens --citizen ID      (the data-protection officer's request)

Prints counts only, never names. Each citizen is erased in a transaction of its own and logged
in Wagtail's log by record number. docs/security.md, "Data minimisation and erasure".
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cases.models import Citizen
from cases.services import erasure


class Command(BaseCommand):
    help = "Anonymise citizens whose last case closed more than the retention period ago."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only count, change nothing")
        parser.add_argument(
            "--years",
            type=int,
            default=settings.RETENTION_YEARS,
            help="retention period in years (default MARSHRUT_RETENTION_YEARS, %(default)s)",
        )
        parser.add_argument(
            "--citizen", type=int, help="erase this one citizen now (by record number), on request"
        )

    def handle(self, *args, dry_run, years, citizen, **options):
        if citizen is not None:
            return self._one(citizen, dry_run)
        cutoff = erasure.retention_cutoff(years=years)
        if dry_run:
            count = erasure.expired_citizens(cutoff).count()
            self.stdout.write(f"Would erase {count} citizen(s) (retention {years} years).")
            return
        count = erasure.erase_expired(cutoff)
        self.stdout.write(f"Erased {count} citizen(s) (retention {years} years).")

    def _one(self, pk, dry_run):
        found = Citizen.objects.filter(pk=pk, erased_at__isnull=True).exists()
        if not found:
            raise CommandError(f"No citizen № {pk} with personal data to erase.")
        if dry_run:
            self.stdout.write(f"Would erase citizen № {pk}.")
            return
        try:
            erasure.erase_citizen(pk, reason="request")
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        self.stdout.write(f"Erased citizen № {pk}.")
