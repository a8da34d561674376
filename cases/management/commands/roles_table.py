"""Print the role × screen table of docs/roles.md (Markdown), generated from the code."""

from django.core.management.base import BaseCommand

from cases.access import markdown_table


class Command(BaseCommand):
    help = "Print the role × screen access table (docs/roles.md) generated from the code."

    def handle(self, *args, **options):
        self.stdout.write(markdown_table(), ending="")
