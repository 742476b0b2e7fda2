# The two commands: `make lab` (work in the notebooks) and `make test` (prove everything).
# Both create the environment in .venv the first time, with nothing but Python 3.11, 3.12 or
# 3.13 and its venv module. `make PYTHON=python3.13 lab` picks the interpreter; VENV=DIR
# puts the environment elsewhere (CI keeps one per Python).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# One stamp per level: `make lab` installs the workbook; `make test` adds the extras its tests
# need (test tools, the workshop hub, Dask for cluster grading).
LAB_INSTALLED := $(VENV)/.installed-lab
TEST_INSTALLED := $(VENV)/.installed-test
# PYTHON named on the command line or in the environment: the venv must run that interpreter.
# Left at its default, any working venv on a supported Python is kept.
PYTHON_NAMED := $(if $(filter file,$(origin PYTHON)),,yes)
GOAL := $(or $(firstword $(MAKECMDGOALS)),lab)
# setuptools prints an "Editable installation" notice on every `pip install -e` (information
# only, about same-named folders in the working directory): hide that one warning.
PIP := PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip

.PHONY: lab test test-backends lint format clean FORCE

lab: $(LAB_INSTALLED)
	$(BIN)/workbook lab

test: $(TEST_INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -n auto --dist loadgroup

# The sandbox, toolkit and notebooks again on real PostgreSQL and memcached servers, which
# tests/services.sh starts on 127.0.0.1 (Debian packages postgresql and memcached).
test-backends: $(TEST_INSTALLED)
	tests/services.sh $(BIN)/python -m pytest -n auto --dist loadgroup \
		tests/sandbox tests/workbench \
		tests/notebooks/test_checker.py::test_instructor_notebook_runs_cleanly

lint: $(TEST_INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(TEST_INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Everything generated, except the candidate's own notebooks (build/workspace/) and the zip
# `workbook submit` made of them (build/submission/).
clean:
	rm -rf $(VENV) *.egg-info
	if [ -d build ]; then find build -mindepth 1 -maxdepth 1 ! -name workspace ! -name submission -exec rm -rf {} +; fi

$(LAB_INSTALLED): pyproject.toml $(VENV)/pyvenv.cfg
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	$(BIN)/python -m workbench.kernelspec
	touch $@

$(TEST_INSTALLED): $(LAB_INSTALLED)
	$(PIP) install --quiet -e ".[test,workshop,cluster]"
	touch $@

# Runs every time, and (re)creates $(VENV) only when it is missing, does not start, has no
# pip, runs an unsupported Python or (PYTHON named) another interpreter: saying so in one
# line. Untouched, pyvenv.cfg stays older than the stamps and nothing is reinstalled.
# IDENT prints "3.11 /usr": the version and the installation a venv is built on.
IDENT := import sys; print("%d.%d %s" % (sys.version_info[0], sys.version_info[1], getattr(sys, "base_prefix", sys.prefix)))
$(VENV)/pyvenv.cfg: FORCE
	@supported() { case "$$1" in 3.11\ *|3.12\ *|3.13\ *) ;; *) return 1 ;; esac; }; \
	why=; \
	if [ -e "$(VENV)" ]; then \
		have=$$("$(BIN)/python" -c 'import pip; $(IDENT)' 2>/dev/null) \
			|| why="its Python does not start or has no pip"; \
		if [ -z "$$why" ] && ! supported "$$have"; then why="it runs Python $${have%% *}"; fi; \
		if [ -z "$$why" ] && [ -n "$(PYTHON_NAMED)" ] \
			&& [ "$$have" != "$$($(PYTHON) -c '$(IDENT)' 2>/dev/null)" ]; then \
			why="it runs Python $${have%% *} from $${have#* }, not $(PYTHON)"; \
		fi; \
		[ -n "$$why" ] || exit 0; \
	fi; \
	hint() { \
		for other in python3.13 python3.12 python3.11; do \
			if supported "$$($$other -c '$(IDENT)' 2>/dev/null)"; then \
				echo "run \`make PYTHON=$$other $(GOAL)\` ($$other is installed)"; return; \
			fi; \
		done; \
		echo "install one (python.org, or your system's packages), then run \`make PYTHON=python3.13 $(GOAL)\`"; \
	}; \
	want=$$($(PYTHON) -c '$(IDENT)' 2>/dev/null) \
		|| { echo "$(PYTHON) not found; the workbook needs Python 3.11, 3.12 or 3.13: $$(hint)."; exit 1; }; \
	supported "$$want" \
		|| { echo "Python $${want%% *} found ($(PYTHON)); the workbook needs 3.11, 3.12 or 3.13: $$(hint)."; exit 1; }; \
	if [ -n "$$why" ]; then echo "Recreating $(VENV) with Python $${want%% *} ($(PYTHON)): $$why."; \
	else echo "Creating $(VENV) with Python $${want%% *} ($(PYTHON))."; fi; \
	rm -rf "$(VENV)"; \
	$(PYTHON) -m venv "$(VENV)" || { rm -rf "$(VENV)"; exit 1; }
