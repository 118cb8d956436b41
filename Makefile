# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: run test lint bench screenshots clean

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

run: $(STAMP)
	$(PY) -m sonla_desktop

test: $(DEVSTAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PYTEST_ARGS)

lint: $(DEVSTAMP)
	$(VENV)/bin/ruff check sonla_desktop tests bench

bench: $(DEVSTAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

screenshots: $(DEVSTAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m sonla_desktop.ui.screenshots docs/screenshots


clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
