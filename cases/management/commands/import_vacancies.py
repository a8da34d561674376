"""`manage.py import_vacancies FILE --centre SLUG`: load vacancies from a CSV or XLSX file into
a centre (docs/employers.md) — the same check-then-save as the staff screen: a file with a bad
row saves nothing and every problem is printed (line, column, reason); the command then fails."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cases.services.ipra.reading import ImportFileError
from cases.services.vacancy_import import TooManyRows, import_vacancies
from portal.models import Centre


class Command(BaseCommand):
    help = "Import vacancies from a CSV or XLSX file into a centre (docs/employers.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV (UTF-8 or Windows-1251, ; or ,) or XLSX")
        parser.add_argument("--centre", required=True, help="the centre's code (slug)")

    def handle(self, *args, file, centre, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Файл не найден: {path}")
        target = Centre.objects.filter(slug=centre).first()
        if target is None:
            raise CommandError(f"Нет центра с кодом «{centre}».")
        try:
            outcome = import_vacancies(target, path)
        except (ImportFileError, TooManyRows) as error:
            raise CommandError(str(error)) from error
        if not outcome.rows:
            raise CommandError("В файле нет ни одной строки с вакансией.")
        if not outcome.saved:
            for line, column, reason in outcome.errors:
                self.stdout.write(f"  строка {line}, «{column}»: {reason}")
            raise CommandError(f"Файл не загружен: ошибок {len(outcome.errors)}.")
        self.stdout.write(
            f"Загружено: новых вакансий {outcome.created}, обновлено {outcome.updated}, "
            f"новых работодателей {outcome.employers_created}."
        )
