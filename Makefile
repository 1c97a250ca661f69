# Janji: `make run` serves the API and web UI with sample_docs loaded; `make test` runs the whole suite.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install run test bench train-ner samples clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(PY) -m api.demo

test: $(STAMP)
	$(PY) -m pytest -q

bench: $(STAMP)
	$(PY) -m benchmarks.run_all

train-ner: $(STAMP)
	$(PY) -m scripts.train_ner

samples: $(STAMP)
	$(PY) -m scripts.make_samples

clean:
	rm -rf $(VENV) .janji
