# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev
PKGSTAMP := $(VENV)/.installed-package
# Before Qt starts: the system libraries its platform plugin needs, with the apt-get line
# that installs any missing one (tools/preflight.py; `run` needs xcb, tests only offscreen).
PREFLIGHT := $(PY) tools/preflight.py
BUNDLE := dist/sonla-desktop
VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' sonla_desktop/__init__.py)

.PHONY: run test test-pg lint bench screenshots translations package smoke nsis clean

# Qt translations: every resources/translations/*.ts compiles to a .qm beside it (build output,
# not in git). Update a .ts after changing UI strings with pyside6-lupdate (docs/architecture.md).
TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Cần Python 3.11 ($(PYTHON)); cài bằng lệnh:"; \
		echo "  sudo apt-get install python3.11 python3.11-venv"; exit 1; }
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); echo "Cài bằng lệnh / install with:"; \
		echo "  sudo apt-get install python3.11-venv"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	@touch $@

$(DEVSTAMP): pyproject.toml $(STAMP)
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

$(PKGSTAMP): pyproject.toml $(STAMP)
	$(PY) -m pip install --quiet -e '.[package]'
	@touch $@

translations: $(QM_FILES)

resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

run: $(STAMP)
	@$(PREFLIGHT) run
	@$(MAKE) --no-print-directory translations
	$(PY) -m sonla_desktop

test: $(DEVSTAMP)
	@$(PREFLIGHT) test
	@$(MAKE) --no-print-directory translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PYTEST_ARGS)

# The service-level tests again, each on a fresh database of a real PostgreSQL server (the
# hub's engine; SONLA_TEST_PG, see tests/pg_backend.py). SQLite-only tests are marked.
PG_TESTS ?= tests/services tests/sync_db tests/sync_edges tests/excel tests/loans tests/hub tests/test_postgres.py
test-pg: $(DEVSTAMP) translations
	SONLA_TEST_BACKEND=postgres QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PG_TESTS) $(PYTEST_ARGS)

lint: $(DEVSTAMP)
	$(VENV)/bin/ruff check sonla_desktop tests bench

bench: $(DEVSTAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

screenshots: $(DEVSTAMP)
	@$(PREFLIGHT) test
	@$(MAKE) --no-print-directory translations
	QT_QPA_PLATFORM=offscreen $(PY) -m sonla_desktop.ui.screenshots docs/screenshots

# The frozen one-folder build (PyInstaller, installer/sonla-desktop.spec) in $(BUNDLE).
package: $(PKGSTAMP)
	@$(PREFLIGHT) test
	@$(MAKE) --no-print-directory translations
	rm -rf $(BUNDLE) build/pyinstaller
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller installer/sonla-desktop.spec
	@du -sh --apparent-size $(BUNDLE)

# Runs the frozen program from a temp folder: commands, PDF, sync bundle, GUI for 5 s.
smoke:
	$(PY) installer/smoke_test.py $(BUNDLE) --source-python $(PY)

# Compiles the Windows installer script against the bundle (Debian: apt-get install nsis).
# On Linux this is a packaging check; installer/windows/build.ps1 makes the real installer.
nsis:
	makensis -V2 -DVERSION=$(VERSION) -DBUNDLE=$(abspath $(BUNDLE)) \
		-DOUTFILE=$(abspath dist/sonla-desktop-$(VERSION)-setup.exe) \
		installer/windows/sonla-desktop.nsi
	@ls -la dist/sonla-desktop-$(VERSION)-setup.exe


clean:
	rm -rf $(VENV) .pytest_cache build dist *.egg-info $(QM_FILES)
