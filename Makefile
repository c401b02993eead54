# One set of commands for developers, pre-commit and CI (.ci/run calls `make check`,
# then `make check-compiled`).
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
CONFIG ?= config/tracker.yaml

.PHONY: install lint fmt type test check check-compiled run bench bench-compiled clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(BIN)/.installed

fmt: install
	$(BIN)/ruff format tracker tests benchmarks scripts setup.py
	$(BIN)/ruff check --fix tracker tests benchmarks scripts setup.py

lint: install
	$(BIN)/ruff format --check tracker tests benchmarks scripts setup.py
	$(BIN)/ruff check tracker tests benchmarks scripts setup.py

type: install
	$(BIN)/mypy

test: install
	$(BIN)/pytest

check: lint type test

# The wheel users install has the extraction pipeline compiled with mypyc (setup.py);
# the editable install above is pure Python. This tests the compiled build too.
check-compiled: install
	PYTHON=$(abspath $(BIN))/python scripts/check-compiled.sh

run: install
	$(BIN)/tracker --config $(CONFIG) run

bench-compiled: install
	PYTHON=$(abspath $(BIN))/python scripts/check-compiled.sh --bench

bench: install
	$(BIN)/python benchmarks/extract.py
	$(BIN)/python benchmarks/poll.py
	$(BIN)/python benchmarks/deliver.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info tracker/pipeline/*.so \
	  tracker_pipeline__mypyc*.so
