# Kronika — the two commands: `make run` and `make test`. `make help` lists the rest.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
# The address readers open; the demo Site takes it, so feeds and share links name it too.
SITE_HOST := $(if $(filter 0.0.0.0 ::,$(HOST)),127.0.0.1,$(HOST))
BASE_URL ?= http://$(SITE_HOST):$(PORT)

.DEFAULT_GOAL := help
.PHONY: help install run test lint format bench messages

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the project with its dev tools (only when pyproject.toml changed)

run: $(STAMP) ## Migrate, load the demo content, print the admin login, serve on HOST:PORT (127.0.0.1:8000; DEBUG=1: debug pages) with the tasks worker
	$(BIN)/python manage.py migrate --noinput -v0
	BASE_URL=$(BASE_URL) $(BIN)/python manage.py load_demo
	@# The background worker (image renditions, Wagtail's tasks) lives and dies with runserver.
	$(BIN)/python manage.py db_worker --no-reload -v0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; trap 'exit 130' INT TERM; \
	BASE_URL=$(BASE_URL) $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(STAMP) ## Run the whole test suite (DATABASE_URL selects PostgreSQL)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP) ## ruff check and format check, and the layering contract (apps import only downward)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(STAMP) ## Fix what ruff can fix and format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(STAMP) ## Rebuild and compile the Polish message catalogue in locale/pl
	$(BIN)/python manage.py makemessages -l pl --ignore=.venv --ignore=staticfiles
	$(BIN)/python manage.py compilemessages -l pl --ignore=.venv

BENCH_PAGES ?= 20000
bench: $(STAMP) ## Performance: pages in-process, gunicorn under load (wrk), Lighthouse, search at BENCH_PAGES pages, search quality (nDCG, MRR); bench/results.json
	$(BIN)/python bench/run.py
	$(BIN)/python bench/load.py
	$(BIN)/python bench/search_scale.py --pages $(BENCH_PAGES)
	$(BIN)/python bench/search_quality.py
	$(BIN)/python bench/image_quality.py
	$(BIN)/python bench/editor.py
