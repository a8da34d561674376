#!/usr/bin/env python
"""Django's command-line utility for Marshrut."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    # Commands typed in a checkout run in the development environment (own secret key file,
    # SQLite in var/, DEBUG still off). The WSGI entry point keeps the safe default,
    # production; deployments set MARSHRUT_ENV=production for their commands as well.
    os.environ.setdefault("MARSHRUT_ENV", "development")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
