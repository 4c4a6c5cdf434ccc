# Two commands matter: `make run` and `make test`. Everything else supports them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
PYBABEL := $(PY) -m babel.messages.frontend -q
PORT   ?= 8501

.PHONY: install run test lint screenshots i18n seed clean-venv eval-guard lock bench bench-quick bench-curriculum

# Installs come from the committed lock file (exact versions, with hashes): a fresh clone gets what
# was tested. The project itself is installed without resolving anything again.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Refresh the lock deliberately (newest versions allowed by pyproject.toml), then run `make test`.
lock:
	$(PYTHON) -m venv .venv-lock && .venv-lock/bin/pip install --quiet pip-tools
	.venv-lock/bin/pip-compile --quiet --generate-hashes --extra test --strip-extras --allow-unsafe \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
	.venv-lock/bin/pip-compile --quiet --generate-hashes --extra bench --strip-extras --allow-unsafe \
	  --no-emit-index-url --no-emit-find-links -c requirements.lock -o .venv-lock/bench.txt pyproject.toml
	.venv-lock/bin/python benchmarks/lock_extra.py .venv-lock/bench.txt requirements.lock > requirements-bench.lock
	rm -rf .venv-lock

install: $(STAMP)
	$(PYBABEL) compile -d translations --statistics

run: install
	$(VENV)/bin/localtutor seed
	$(VENV)/bin/localtutor serve --port $(PORT)

lint: install
	$(VENV)/bin/ruff check .

test: install lint
	$(PY) -m pytest

# UI catalogs with Babel's own command line. English is the source language: it needs no catalog
# (gettext falls back to the message ids). A new language: $(PYBABEL) init -i translations/messages.pot
# -d translations -l XX --width 100, then `make i18n`. Width 100: the committed catalogs' line width.
# The browser journeys again, keeping their screenshots for the README and docs/operations.md.
screenshots: install
	LOCALTUTOR_SCREENSHOT_DIR=docs/screenshots $(PY) -m pytest -q tests/e2e/test_journeys.py

i18n: install
	$(PYBABEL) extract -F babel.cfg -k _ -o translations/messages.pot --no-location --sort-output \
	  --width 100 --project localtutor app.py app_pages tutor
	$(PYBABEL) update -i translations/messages.pot -d translations --width 100 --no-fuzzy-matching
	$(PYBABEL) compile -d translations --statistics

seed: install
	$(VENV)/bin/localtutor seed

clean-venv:
	rm -rf $(VENV)

# The guard's figures: the corpus's dev split, then the held-out halves of the public sets.
eval-guard: install
	$(VENV)/bin/localtutor eval guardrails --split dev
	for set in xstest multijail jbb notinject deepset; do \
	  echo "== $$set (held-out half)"; \
	  $(VENV)/bin/localtutor eval guardrails --dataset guardrails/data/heldout/$${set}_heldout.csv || exit 1; \
	done

# Benchmarks (docs/performance.md). matplotlib comes from the `bench` extra, pinned in requirements-bench.lock.
BENCH_STAMP := $(VENV)/.bench-installed-stamp
$(BENCH_STAMP): $(STAMP) requirements-bench.lock
	$(PY) -m pip install --quiet --require-hashes -r requirements-bench.lock
	touch $(BENCH_STAMP)

bench: install $(BENCH_STAMP)
	$(PY) -m benchmarks.run --work $(BENCH_HOME) --report docs/performance.md

bench-quick: install
	$(PY) -m benchmarks.run --quick --work $(BENCH_HOME)

# The whole Estonian curriculum (671 pages, ~45 min of embedding), run once: its figures are kept in
# benchmarks/results/curriculum.json, which `make bench` puts into docs/performance.md. The store is
# kept in $(BENCH_HOME)/curriculum so retrieval can be measured again without re-embedding
# (`benchmarks/ingest_curriculum.py --evaluate-only`). On a busy machine BUDGET_MIN=N starts no page
# after N minutes and evaluates what was ingested (the result then says it is partial).
BENCH_HOME ?= .bench
bench-curriculum: install
	rm -rf $(BENCH_HOME)/curriculum
	$(PY) benchmarks/ingest_curriculum.py --pages all --home $(BENCH_HOME)/curriculum \
	  --out benchmarks/results/curriculum.json $(if $(BUDGET_MIN),--budget-min $(BUDGET_MIN))
