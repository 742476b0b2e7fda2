# The two commands: `make lab` (work in the notebooks) and `make test` (prove everything).
# Both create the environment in .venv the first time, with nothing but python3 and pip.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: lab test test-backends lint format clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m workbench.kernelspec
	touch $(INSTALLED)

lab: $(INSTALLED)
	$(BIN)/workbook lab

test: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -n auto --dist loadgroup

# The sandbox, toolkit and notebooks again on real PostgreSQL and memcached servers, which
# tests/services.sh starts on 127.0.0.1 (Debian packages postgresql and memcached).
test-backends: $(INSTALLED)
	tests/services.sh $(BIN)/python -m pytest -n auto --dist loadgroup \
		tests/sandbox tests/workbench \
		tests/notebooks/test_checker.py::test_instructor_notebook_runs_cleanly

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) build
