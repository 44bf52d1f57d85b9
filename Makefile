# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: run chat test lint bench ingest eval clean

run: $(STAMP)              ## install, index the corpus if needed, start the bot (console chat without a token)
	$(VENV)/bin/tanyakerja run

chat: $(STAMP)             ## console chat
	$(VENV)/bin/tanyakerja chat

test: $(STAMP)             ## lint, type-check and run every test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest -q

bench: $(STAMP)            ## print the benchmark table (docs/scale.md)
	$(PY) -m bench

ingest: $(STAMP)
	$(VENV)/bin/tanyakerja ingest

eval: $(STAMP)
	$(VENV)/bin/tanyakerja eval eval/dev.jsonl

# constraints.txt pins every package to the versions the README's figures were measured with:
# a newer build of one ranker's dependency moves answers (a fresh install moved one eval item)
$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
