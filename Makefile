# Marshrut: the two commands a new user needs are `make demo` and `make test`.
# Paths are kept relative so that the project works from a directory with spaces in its name.

# The newest supported Python found (on PATH, then among pyenv's versions), unless PYTHON= names
# one. Supported: 3.11-3.13; keep in step with requires-python in pyproject.toml and `make lock`.
SUPPORTED := 3.13 3.12 3.11
PYENV_ROOT ?= $(HOME)/.pyenv
IN_RANGE := import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))
ifeq ($(origin PYTHON),undefined)
PYTHON := $(shell for v in $(SUPPORTED); do for p in "python$$v" "$(PYENV_ROOT)"/versions/$$v*/bin/python$$v; do \
  "$$p" -c '$(IN_RANGE)' 2>/dev/null && { command -v "$$p"; exit 0; }; done; done; \
  python3 -c '$(IN_RANGE)' 2>/dev/null && command -v python3)
endif
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_ENV := MARSHRUT_ENV=demo WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT)

.PHONY: demo test install install-dev migrate load-demo serve lint pytest lock clean-demo messages mutation backup restore

$(PY):
	@[ -n "$(PYTHON)" ] || { echo "Marshrut needs Python 3.11, 3.12 or 3.13, and none was found (install one, or set PYTHON=/path/to/python3.13)" >&2; exit 1; }
	@"$(PYTHON)" -c 'import sys; v = sys.version_info[:2]; sys.exit(0 if (3, 11) <= v <= (3, 13) else "Marshrut needs Python 3.11, 3.12 or 3.13, and %s is %d.%d (set PYTHON=/path/to/python3.13)" % (sys.executable, *v))'
	@echo "Using $$("$(PYTHON)" -c 'import sys; print(sys.executable, sys.version.split()[0])')"
	"$(PYTHON)" -m venv "$(VENV)"

$(VENV)/.installed-base: requirements/base.lock | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/base.lock
	@touch $@

$(VENV)/.installed-dev: requirements/dev.lock | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/dev.lock
	@touch $@ $(VENV)/.installed-base

install: $(VENV)/.installed-base
install-dev: $(VENV)/.installed-dev

## make demo: install, migrate, load the demo data, serve on $(HOST):$(PORT) with the
## background-task worker beside the server (portal/gunicorn_demo.py)
demo: install
	$(DEMO_ENV) $(PY) manage.py migrate --noinput
	$(DEMO_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(DEMO_ENV) $(PY) manage.py load_demo
	$(DEMO_ENV) $(PY) manage.py demo_banner --host $(HOST) --port $(PORT)
	$(DEMO_ENV) exec $(PY) -m gunicorn portal.wsgi --config python:portal.gunicorn_demo --bind $(HOST):$(PORT) --workers 2 --access-logfile - --log-level warning

## make test: lint, migrations check and the whole pytest suite (browser tests included)
test: install-dev lint pytest

lint: install-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	MARSHRUT_ENV=test $(PY) manage.py makemigrations --check --dry-run

pytest: install-dev
	$(PY) -m pytest $(PYTEST_ARGS)

## make backup: the database (SQLite or PostgreSQL, as DATABASE_URL says) and the media into one
## dated archive with a checksum and a manifest, under var/backups (or BACKUP_DIR=…).
## make restore: back from FILE=… (default: the newest archive); replaces database and media.
## Both use MARSHRUT_ENV from the environment (demo when unset). docs/security.md, "Backups".
BACKUP_ENV = MARSHRUT_ENV=$${MARSHRUT_ENV:-demo}
backup: install
	$(BACKUP_ENV) $(PY) manage.py backup
restore: install
	$(BACKUP_ENV) $(PY) manage.py restore $(FILE)

## make lock: re-resolve the pinned dependencies into the lock files (needs uv)
## One universal lock for every supported Python (markers pick what differs), hashed.
lock:
	uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes --no-header -o requirements/base.lock
	uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 --generate-hashes --no-header -c requirements/base.lock -o requirements/dev.lock

clean-demo:
	rm -rf var static_collected

## make messages: refresh the Tatar and English catalogues (.po, the only source of the
## translations: fill new msgstr there) and compile them (.mo, committed). Russian is the source
## language: themes/locale/ru holds only the three plural forms of each ngettext string, by hand.
messages: install-dev
	MARSHRUT_ENV=test $(PY) manage.py makemessages -l tt -l en --ignore='.venv*' --ignore='node_modules/*' --ignore='portal/*' --ignore='tests/*' --ignore='fixtures/*' --ignore='bench/*' --ignore='static_collected/*'
	MARSHRUT_ENV=test $(PY) manage.py compilemessages --ignore='.venv*' --ignore='node_modules/*'

## make mutation: mutation testing (mutmut, configured in pyproject.toml [tool.mutmut]) of the
## SNILS check digit, the centre scoping, the transition service and the spreadsheet downloads.
## On SQLite, one test database reused by every mutant; results with `.venv/bin/mutmut results`.
MUTATION_DB ?= $(abspath var/mutation-test.sqlite3)
MUTATION_CHILDREN ?= 1
MUTANTS := "cases.validators.*" "cases.models.base.*CentreScopedQuerySet*" \
  "cases.services.transitions.x_run_transition*" "portal.spreadsheets.*"
mutation: install-dev
	@mkdir -p var
	rm -f "$(MUTATION_DB)"
	MARSHRUT_TEST_SQLITE="$(MUTATION_DB)" $(VENV)/bin/mutmut run --max-children $(MUTATION_CHILDREN) $(MUTANTS)
	$(VENV)/bin/mutmut results
