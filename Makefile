# Two entry points, each doing all set-up on a fresh machine:
#   make demo   ingest the bundled fixtures into ./claims.db and print the result
#   make test   lint and run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/verify ingest fixtures/articles fixtures/pages
	$(BIN)/verify claims

lint: $(STAMP)
	$(BIN)/ruff check verify tests benchmarks
	$(BIN)/ruff format --check verify tests benchmarks

test: $(STAMP) lint
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) claims.db claims.db-wal claims.db-shm
