# Two commands do all the set-up on a fresh machine with Python 3.11 and make:
#   make run   - create .venv from uv.lock, then load seeds/ (+ data/landing/) into data/warehouse.duckdb
#   make test  - same set-up, then the test suite
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
SYNCED := $(VENV)/.synced
export DAGSTER_HOME ?= $(CURDIR)/data/dagster_home
export UV_PROJECT_ENVIRONMENT := $(CURDIR)/$(VENV)
export UV_NO_PROGRESS := 1
SHARED ?= ../shared

.PHONY: run test ui eval bench bench-scale cluster-demo fuzz soak lint typecheck golden snapshot browser clean help
help:
	@sed -n 's/^##//p' $(MAKEFILE_LIST)

$(PY):
	$(PYTHON) -m venv $(VENV)

$(UV): | $(PY)
	$(PYTHON) .ci/uv_requirement.py > $(VENV)/uv-requirement.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $(VENV)/uv-requirement.txt

# uv installs exactly what uv.lock pins, hashes checked (--frozen: never re-resolve).
# Bytecode is compiled once here: where PYTHONDONTWRITEBYTECODE is set (CI images, some
# shells), every `python -m pipelines` would otherwise recompile Dagster, spaCy and
# scikit-learn from source at start-up, seconds of every run, a no-op included.
$(SYNCED): uv.lock pyproject.toml | $(UV)
	$(UV) sync --frozen --quiet --compile-bytecode --python $(PY)
	touch $@

## run        set up, then materialise every asset into data/warehouse.duckdb and print a summary
run: $(SYNCED)
	$(PY) -m pipelines run

## test       set up (plus Debian chromium for the UI test), lint, then run the test suite
test: $(SYNCED) browser
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest -n 2 --dist loadgroup

## ui         Dagster UI on http://127.0.0.1:3000 (same definitions, same DAGSTER_HOME)
# `dg dev` reads the code location (news_warehouse) from pyproject's [tool.dg].
ui: $(SYNCED)
	$(PY) -c "from pipelines.defs.runner import ensure_dagster_home; ensure_dagster_home()"
	DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS=1 $(VENV)/bin/dg dev -h 127.0.0.1 -p 3000

# Unseen-names sets (issue 11), each written before its author read the rules; a new set
# is one word here.
UNSEEN_NAME_SETS := unseen second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth

## eval       quote extraction, entity resolution, HTML body-text, stories/statements figures
eval: $(SYNCED)
	$(PY) -m pipelines eval-quotes --split all
	$(PY) -m pipelines eval-entities
	@echo "--- independent hold-out set (built without reading the rules; see its README)"
	$(PY) -m pipelines eval-entities --data tests/data/entity_eval_holdout
	@for set in $(UNSEEN_NAME_SETS); do \
	  echo "--- unseen-names set '$$set': dev split (tuned on), then test split (read once; see tests/data/entity_eval_$$set/README.md)"; \
	  for split in dev test; do \
	    $(PY) -m pipelines eval-entities --data tests/data/entity_eval_$$set/$$split || exit 1; \
	  done; \
	done
	$(PY) -m pipelines eval-html
	$(PY) -m pipelines eval-grouping --split all

## bench      whole pipeline vs bare nlp.pipe over ../shared/corpora/bbc, 1 process and all cores (words/s, ratio)
bench: $(SYNCED)
	$(PY) -m pipelines bench

## bench-scale  synthetic 1x/10x corpora (data/bench-scale): peak RSS, time, one-file increment
bench-scale: $(SYNCED)
	$(PY) -m pipelines bench-scale

## cluster-demo  BBC corpus through a dask scheduler + 2 dask workers (separate processes) vs in-process: where, time, identical?
cluster-demo: $(SYNCED)
	$(PY) -m pipelines cluster-demo

## fuzz       >= 10,000 generated inputs through the parsers and 10,000 articles through the analysis; prints crashes and budget overruns
fuzz: $(SYNCED)
	$(PY) -m pipelines fuzz
	$(PY) -m pipelines fuzz-analysis

## soak       every article in ../shared (BBC, PolNeAR texts, HTML) through the pipeline; prints failures
soak: $(SYNCED)
	$(PY) -m pipelines soak

## lint       ruff (lint + format check)
lint: $(SYNCED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

## typecheck  mypy (strict) on the core and warehouse layers
typecheck: $(SYNCED)
	$(VENV)/bin/mypy

## golden     regenerate tests/golden/*.json from the seeds (review the diff!)
golden: $(SYNCED)
	$(PY) -m tests.golden.regenerate

## snapshot   regenerate tests/defs/asset_snapshot.json from the Definitions (review the diff!)
snapshot: $(SYNCED)
	$(PY) -m tests.defs.snapshot

# The UI test drives Debian's Chromium (never a downloaded browser).
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing: run 'sudo apt-get install chromium' (needed by tests/defs/test_ui.py)"; fi; }

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
