# One set of commands for developers, pre-commit and CI (.ci/run calls `make check`).
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
CONFIG ?= config/tracker.yaml

.PHONY: install lint fmt type test check run bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(BIN)/.installed

fmt: install
	$(BIN)/ruff format tracker tests benchmarks scripts
	$(BIN)/ruff check --fix tracker tests benchmarks scripts

lint: install
	$(BIN)/ruff format --check tracker tests benchmarks scripts
	$(BIN)/ruff check tracker tests benchmarks scripts

type: install
	$(BIN)/mypy

test: install
	$(BIN)/pytest

check: lint type test

run: install
	$(BIN)/tracker --config $(CONFIG) run

bench: install
	$(BIN)/python benchmarks/extract.py
	$(BIN)/python benchmarks/poll.py
	$(BIN)/python benchmarks/deliver.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
