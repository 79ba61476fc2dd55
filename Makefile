# sscvisit developer commands. `make help` lists them.
#
# Every target that needs Python depends on the venv stamp: the venv is created when missing and
# `pip install -e '.[test]'` reruns only when pyproject.toml is newer than the stamp. System
# packages are checked first on each run (a fast no-op when all are present).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
# Steps of `make test` must run in order, even under `make -j`.
.NOTPARALLEL:

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OFFSCREEN := QT_QPA_PLATFORM=offscreen

TS_FILE := resources/translations/sscvisit_nl.ts
QM_FILE := resources/translations/sscvisit_nl.qm

ARGS ?=

.PHONY: help run test lint typecheck importlint pytest screenshots bench translations \
	system-deps venv clean distclean

help: ## list the targets
	@echo "sscvisit make targets:"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN { FS = ":.*## " } { printf "  %-13s %s\n", $$1, $$2 }'

system-deps: ## install missing Debian packages (as root; otherwise prints the sudo line)
	@bash scripts/system-deps.sh

$(STAMP): pyproject.toml | system-deps
	@test -x $(BIN)/python || { echo "creating $(VENV)"; $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

venv: $(STAMP) ## create .venv and install the package with its test tools

run: $(STAMP) ## start the application on the default SQLite database (ARGS="--db URL" to pass options)
	$(BIN)/sscvisit $(ARGS)

test: lint typecheck importlint pytest ## everything CI runs: ruff, mypy, import-linter, pytest

lint: $(STAMP) ## ruff check and ruff format --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP) ## mypy --strict on the package (config in pyproject.toml)
	$(BIN)/mypy

importlint: $(STAMP) ## import-linter layer contracts
	$(BIN)/lint-imports

pytest: $(STAMP) ## just the tests, offscreen Qt (ARGS="-k name" to select)
	$(OFFSCREEN) $(BIN)/pytest $(ARGS)

screenshots: $(STAMP) ## demo study screenshots into screenshots/
	mkdir -p screenshots
	$(OFFSCREEN) $(BIN)/sscvisit demo --screenshot screenshots/

bench: $(STAMP) ## run every benchmarks/*.py
	@shopt -s nullglob; files=(benchmarks/*.py); \
	if (( $${#files[@]} == 0 )); then echo "no benchmarks"; exit 0; fi; \
	for f in "$${files[@]}"; do echo "== $$f"; $(OFFSCREEN) $(BIN)/python "$$f"; done

# pyside6-lupdate reads .py files directly (self.tr / QCoreApplication.translate); it does not
# pick .py files out of a folder by itself, so the files are listed. lrelease compiles the .ts.
translations: $(STAMP) ## update the Dutch .ts from sscvisit/ui and compile the .qm
	@files=$$(find sscvisit/ui -name '*.py' | LC_ALL=C sort); \
	if [[ -z $$files ]]; then echo "no sscvisit/ui/*.py files"; exit 1; fi; \
	$(BIN)/pyside6-lupdate $$files -source-language en -target-language nl -locations none -ts $(TS_FILE)
	$(BIN)/pyside6-lrelease $(TS_FILE) -qm $(QM_FILE)

clean: ## remove caches, build output and screenshots (keeps .venv)
	rm -rf build dist screenshots .mypy_cache .ruff_cache .pytest_cache .hypothesis \
		.import_linter_cache installer/build installer/dist
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +

distclean: clean ## clean, and remove .venv too
	rm -rf $(VENV) *.egg-info
