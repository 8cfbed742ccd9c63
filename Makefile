# Two commands a new user needs: `make run` and `make test`. Both create .venv with python3.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: run test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev,postgres,parquet]'
	touch $@ $(VENV)/.installed

## run: analyze the bundled sample articles, store them in ./rasd.db (SQLite) and list the events
run: $(VENV)/.installed
	$(BIN)/rasd ingest examples/ --db rasd.db
	$(BIN)/rasd events --db rasd.db

## test: lint, type-check and run the test suite
test: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/mypy

## bench: throughput and memory benchmarks on ../shared/data/saudinewsnet (by hand)
bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/pipeline.py --parts floor,text,actors,full,cli --jobs 2

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
