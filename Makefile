# Two commands do all set-up on a fresh machine:
#   make run    ingest the sample corpus in examples/ into chronika.db and open the reading room
#   make test   the whole test suite (type check included)
VENV ?= .venv
PY := $(VENV)/bin/python
DB ?= chronika.db

.PHONY: run test setup system-deps bench clean

setup: system-deps $(VENV)/.installed

system-deps:
	@sh scripts/system-deps.sh

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,semantic,spark,postgres]'
	touch $@

run: setup
	$(VENV)/bin/chronika --db $(DB) ingest examples
	$(VENV)/bin/chronika --db $(DB) documents
	$(VENV)/bin/chronika --db $(DB) entities --type person
	$(VENV)/bin/chronika --db $(DB) serve

AXE := tests/browser/node_modules/axe-core/axe.min.js

$(AXE): tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund --silent
	touch $@

test: setup $(AXE)
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest -q

bench: setup
	$(PY) bench/ingest_speed.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache .mypy_cache
