# The two commands of the README. Each creates .venv when missing and installs the project.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.framing-installed

.PHONY: demo test lint typecheck unit bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/framing report framing/demo/corpus --name demo --force \
		--title 'Demo: five fictional outlets report the same six events in Velmora'
	$(BIN)/framing analyze framing/demo/article.txt --format html -o reports/demo/analysis.html --force
	@echo "Wrote reports/demo/index.html (outlet report) and reports/demo/analysis.html (one article)"

lint: $(STAMP)
	$(BIN)/ruff check framing tests bench
	$(BIN)/ruff format --check framing tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest -q

test: lint typecheck unit

clean:
	rm -rf $(VENV) dist build .mypy_cache .pytest_cache .ruff_cache
