# Two commands matter: `make run` and `make test`. Everything else supports them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8501

.PHONY: install run test lint i18n seed clean-venv

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# torch first and pinned: an unpinned torch would pull a multi-GB CUDA build.
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)
	$(PY) -m tutor.i18n_tasks compile

run: install
	$(VENV)/bin/localtutor seed
	$(VENV)/bin/localtutor serve --port $(PORT)

lint: install
	$(VENV)/bin/ruff check .

test: install lint
	$(PY) -m pytest

i18n: install
	$(PY) -m tutor.i18n_tasks extract update compile

seed: install
	$(VENV)/bin/localtutor seed

clean-venv:
	rm -rf $(VENV)
