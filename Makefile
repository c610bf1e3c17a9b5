# Two entry points, each doing all set-up on a fresh machine:
#   make demo   check the bundled fixture articles against the fixture references,
#               storing everything in ./claims.db, print the report, and write the
#               HTML report and the reviewer's checklist next to it
#   make test   lint and run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,browse]'
	touch $(STAMP)

# verify check exits 1 when it finds contradictions, which is the demo's point,
# so only 2 (bad input) fails the demo. The HTML report and the reviewer's
# checklist of the same run are written next to claims.db.
demo: $(STAMP)
	$(BIN)/verify check fixtures/articles --ref fixtures/references || [ $$? -eq 1 ]
	$(BIN)/verify report --format html --output report.html
	$(BIN)/verify checklist --output checklist.md
	$(BIN)/verify checklist --format html --output checklist.html
	@echo "wrote report.html, checklist.md and checklist.html next to claims.db"

# lint-imports checks the layers and the absence of cycles written in pyproject.toml.
lint: $(STAMP)
	$(BIN)/ruff check verify tests benchmarks
	$(BIN)/ruff format --check verify tests benchmarks
	$(BIN)/lint-imports

# The HTML report's tests run in a real browser, Debian's chromium: installed here when
# missing and we are root; otherwise those tests skip and say why.
browser:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends chromium; \
	else echo "note: chromium is missing and needs root and apt-get to install: browser tests skip"; fi

test: $(STAMP) lint browser
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) claims.db claims.db-wal claims.db-shm report.html checklist.md checklist.html
