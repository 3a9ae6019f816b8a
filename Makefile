# Two commands on a fresh machine with Python 3.11, make and npm: `make run`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run test setup install lint check clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# Re-install only when a requirements file changes.
$(VENV)/.installed: $(BIN)/activate requirements.txt requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=25.3"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# npm brings the fonts and icons the portal serves (STATICFILES_DIRS) and the HTML
# checker of the tests, into node_modules/; no package's install script runs (vnu-jar's
# would fetch a Java runtime: CI has one).
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed

setup: install
	$(MANAGE) compilemessages --ignore=.venv -v 0
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) load_kenitra

run: setup
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: install
	$(MANAGE) compilemessages --ignore=.venv -v 0
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: install
	DJANGO_SETTINGS_MODULE=kenitra_portal.settings.test $(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf $(VENV) node_modules db.sqlite3* .test-db-*.sqlite3* staticfiles .test-media exports .test-exports

.PHONY: backup restore bench

# The database and the uploaded files, into backups/kenitra-<time>.tar.gz.
backup: install
	$(MANAGE) backup

# The newest archive in backups/, or the one named: make restore ARCHIVE=backups/….
restore: install
	$(MANAGE) restore $(ARCHIVE)

# Production settings under gunicorn on PostgreSQL with the demo volume, measured
# with wrk on 127.0.0.1 (bench/README.md). BENCH_ARGS="--fresh --duration 20".
bench: install
	$(BIN)/python bench/run.py $(BENCH_ARGS)
