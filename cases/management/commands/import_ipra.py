"""`manage.py import_ipra FILE --centre SLUG`: import a file of IPRA (CSV or XLSX, docs/ipra.md)
into a centre at once, printing what was imported and what was rejected (line, column, reason).
The same import as the staff screen's, without the queue."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cases import services
from cases.choices import ImportState
from portal.models import Centre


class Command(BaseCommand):
    help = "Import IPRA from a CSV or XLSX file into a centre (docs/ipra.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV (UTF-8 or Windows-1251, ; or ,) or XLSX")
        parser.add_argument("--centre", required=True, help="the centre's code (slug)")
        parser.add_argument(
            "--show-rejected", type=int, default=20, help="how many rejected rows to print"
        )

    def handle(self, *args, file, centre, show_rejected, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Файл не найден: {path}")
        target = Centre.objects.filter(slug=centre).first()
        if target is None:
            raise CommandError(f"Нет центра с кодом «{centre}».")
        started = time.perf_counter()
        job = services.ipra.import_file(path, target)
        seconds = time.perf_counter() - started
        write = self.stdout.write
        write(
            f"Импорт № {job.pk} ({job.get_state_display()}) за {seconds:.1f} с: "
            f"прочитано строк {job.rows_read}, загружено ИПРА {job.rows_imported}, "
            f"уже были {job.rows_unchanged}, отклонено {job.rows_rejected}, "
            f"заменено более новыми {job.rows_superseded}, новых граждан {job.citizens_created}."
        )
        for error in job.errors.all()[:show_rejected]:
            write(f"  строка {error.line}, «{error.column}»: {error.reason}")
        if job.rows_rejected > show_rejected:
            write(f"  … всего отклонённых строк: {job.rows_rejected}")
        if job.state == ImportState.FAILED:
            raise CommandError(job.message)
