# Shortcuts for the two README commands (each creates .venv if needed).
PY ?= python3
VENV := .venv

.PHONY: report test bench clean-venv

$(VENV)/bin/framing: pyproject.toml
	$(PY) -m venv $(VENV)
	$(VENV)/bin/pip install -q -e '.[test]'
	touch $@

report: $(VENV)/bin/framing
	$(VENV)/bin/framing report seeds -o reports/seeds

test: $(VENV)/bin/framing
	$(VENV)/bin/python -m pytest

bench: $(VENV)/bin/framing
	$(VENV)/bin/python bench/bench_load.py

clean-venv:
	rm -rf $(VENV)
