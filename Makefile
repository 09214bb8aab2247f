# Two commands do all set-up on a fresh machine:  make run  and  make test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test lint tools bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

# The main job: find the personal data in the bundled sample letter.
run: $(STAMP)
	$(BIN)/breachguard detect samples/letter.txt

# System tools the tests drive for real (zip for ZipCrypto, 7z, age); installed when root.
tools:
	bash scripts/ensure-tools.sh

test: $(STAMP) tools
	$(BIN)/python -m pytest -n 2 -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/detect.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
