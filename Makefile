# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: run test test-pg lint bench screenshots translations clean

# Qt translations: every resources/translations/*.ts compiles to a .qm beside it (build output,
# not in git). Update a .ts after changing UI strings with pyside6-lupdate (docs/architecture.md).
TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Cần Python 3.11 ($(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	@touch $@

$(DEVSTAMP): pyproject.toml $(STAMP)
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

translations: $(QM_FILES)

resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

run: $(STAMP) translations
	$(PY) -m sonla_desktop

test: $(DEVSTAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PYTEST_ARGS)

# The service-level tests again, each on a fresh database of a real PostgreSQL server (the
# hub's engine; SONLA_TEST_PG, see tests/pg_backend.py). SQLite-only tests are marked.
PG_TESTS ?= tests/services tests/sync_db tests/excel tests/loans tests/hub tests/test_postgres.py
test-pg: $(DEVSTAMP) translations
	SONLA_TEST_BACKEND=postgres QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PG_TESTS) $(PYTEST_ARGS)

lint: $(DEVSTAMP)
	$(VENV)/bin/ruff check sonla_desktop tests bench

bench: $(DEVSTAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

screenshots: $(DEVSTAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m sonla_desktop.ui.screenshots docs/screenshots


clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info $(QM_FILES)
