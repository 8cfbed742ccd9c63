# Two commands a new user needs: `make run` and `make test`. Both create .venv with python3.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: run test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# A regular (not editable) install: setup.py compiles the pipeline's modules with mypyc when a C
# compiler is at hand (about 1.4x faster; pure Python otherwise), so any change to the sources
# means installing again. For a pure-Python editable install: pip install -e '.[dev]'.
SOURCES = pyproject.toml setup.py $(shell find src -type f -not -path '*/__pycache__/*')

$(VENV)/.installed: $(BIN)/python $(SOURCES)
	$(BIN)/python -m pip install --quiet .
	touch $@

$(VENV)/.installed-dev: $(BIN)/python $(SOURCES)
	$(BIN)/python -m pip install --quiet '.[dev,postgres,parquet]'
	touch $@ $(VENV)/.installed

## run: analyze the bundled sample articles, store them in ./rasd.db (SQLite) and list the events
run: $(VENV)/.installed
	$(BIN)/rasd ingest examples/ --db rasd.db
	$(BIN)/rasd events --db rasd.db

## test: lint, type-check and run the test suite
test: $(VENV)/.installed-dev
	$(BIN)/ruff check setup.py src tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check setup.py src tests benchmarks scripts
	$(BIN)/ruff format --check setup.py src tests benchmarks scripts
	$(BIN)/mypy

## bench: throughput and memory benchmarks on ../shared/data/saudinewsnet (by hand)
bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/pipeline.py --parts floor,text,actors,full,cli --repeat 3

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
