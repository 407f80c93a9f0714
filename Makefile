# Smertehåndboka: set-up, builds, checks and tests. `make help` lists the targets.
# Variables can be overridden on the command line, e.g. `make html LANGUAGES="nb" SPHINXOPTS=-v`.

SPHINXOPTS   ?=
JOBS         ?= auto
LANGUAGES    ?= nb
PYTHON       ?= python3
VENV         ?= .venv
BUILDDIR     ?= _build
HOST         ?= 127.0.0.1
PORT         ?= 8000

SOURCEDIR    := source
BIN          := $(VENV)/bin
SPHINXBUILD  := $(BIN)/sphinx-build
# Strict: nitpicky, warnings are errors, but report every warning before stopping.
STRICT       := -n -W --keep-going
# Debian packages for the PDF build: XeLaTeX, latexmk, the LaTeX packages Sphinx uses,
# Norwegian and Danish hyphenation (lang-european) and the fonts named in smertehandboka.sty;
# and Graphviz, which draws the project's figures for both HTML and PDF.
TEX_PACKAGES := latexmk texlive-xetex texlive-latex-recommended texlive-latex-extra \
                texlive-fonts-recommended texlive-lang-european fonts-texgyre fonts-freefont-otf fontconfig \
                graphviz
# Debian's headless Chromium and its WebDriver, for the browser tests (Selenium drives them).
BROWSER_PACKAGES := chromium chromium-driver
LATEXMKOPTS  := -interaction=nonstopmode -halt-on-error -file-line-error

# $(call apt-install,WHAT,PACKAGES): install Debian packages as root; otherwise print the
# apt-get line to run and fail. One shell statement, for use inside a recipe's `if`.
define apt-install
if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "== Installing $(1): $(2)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(2); \
	else \
	  echo "$(1) missing. Install with:"; \
	  echo "  sudo apt-get install --no-install-recommends $(2)"; \
	  exit 1; \
	fi
endef

.DEFAULT_GOAL := site
.PHONY: help site html pdf validate test lint livehtml serve venv tex browser pot clean requirements

help: ## Show this list of targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-13s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

site: venv tex validate html pdf ## Set up if needed, check, and build everything into _build/site/
	@$(BIN)/python scripts/assemble_site.py --build-dir $(BUILDDIR) $(LANGUAGES)

html: venv tex validate ## Build the HTML site into _build/html/<lang>/
	@set -e; for lang in $(LANGUAGES); do \
	  echo "== HTML ($$lang)"; \
	  rm -rf $(BUILDDIR)/html/$$lang; \
	  $(SPHINXBUILD) -b html -j $(JOBS) $(STRICT) -c . -D language=$$lang \
	    -d $(BUILDDIR)/doctrees/html-$$lang $(SPHINXOPTS) $(SOURCEDIR) $(BUILDDIR)/html/$$lang; \
	done

pdf: venv tex validate ## Build the PDF handbooks into _build/pdf/<lang>/
	@set -e; for lang in $(LANGUAGES); do \
	  echo "== PDF ($$lang)"; \
	  rm -rf $(BUILDDIR)/latex/$$lang $(BUILDDIR)/pdf/$$lang; \
	  $(SPHINXBUILD) -b latex -j $(JOBS) $(STRICT) -c . -D language=$$lang \
	    -d $(BUILDDIR)/doctrees/latex-$$lang $(SPHINXOPTS) $(SOURCEDIR) $(BUILDDIR)/latex/$$lang; \
	  $(MAKE) -s -C $(BUILDDIR)/latex/$$lang all-pdf LATEXMKOPTS="$(LATEXMKOPTS)" \
	    > $(BUILDDIR)/latex/$$lang/latexmk.out 2>&1 \
	    || { grep -A2 -E '^[^ ]+\.(tex|sty|cls):[0-9]+: ' $(BUILDDIR)/latex/$$lang/latexmk.out | head -40; \
	         echo "LaTeX failed for $$lang: the whole log is $(BUILDDIR)/latex/$$lang/latexmk.out"; exit 1; }; \
	  mkdir -p $(BUILDDIR)/pdf/$$lang; \
	  cp $(BUILDDIR)/latex/$$lang/smertehandboka-*.pdf $(BUILDDIR)/pdf/$$lang/; \
	done

validate: venv ## Check the data: bibliographies and the clinic directory (later also translations)
	@$(BIN)/python scripts/validate.py references --source $(SOURCEDIR) --allow references/uncited.toml references/*.bib
	@$(BIN)/python scripts/validate.py clinics $(SOURCEDIR)/clinics/clinics.csv

test: venv tex browser ## Run the whole test suite (lint, validators, extensions, real builds, browser)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

lint: venv ## Lint and check formatting of the Python code
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

livehtml: venv ## Live preview for editors on 127.0.0.1:8000, rebuilt on every save
	$(BIN)/sphinx-autobuild -b html -n -c . -D language=$(firstword $(LANGUAGES)) \
	  --watch references --watch scripts --watch conf.py --host $(HOST) --port $(PORT) \
	  $(SOURCEDIR) $(BUILDDIR)/livehtml

serve: ## Serve the built site (_build/site) on 127.0.0.1:8000
	@test -d $(BUILDDIR)/site || { echo "Nothing to serve: run 'make site' first."; exit 1; }
	$(PYTHON) -m http.server --bind $(HOST) --directory $(BUILDDIR)/site $(PORT)

venv: $(VENV)/.installed ## Create .venv with the pinned requirements

$(VENV)/.installed: requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

tex: ## Install TeX Live and Graphviz from Debian's packages when missing
	@if command -v latexmk >/dev/null && command -v xelatex >/dev/null && command -v dot >/dev/null \
	    && fc-list | grep -q "TeX Gyre Pagella" && fc-list | grep -q FreeMono; then :; \
	else $(call apt-install,TeX Live and Graphviz,$(TEX_PACKAGES)); fi

browser: venv ## Install Chromium, its WebDriver and axe-core for the browser tests when missing
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	else $(call apt-install,Chromium and its WebDriver,$(BROWSER_PACKAGES)); fi
	@$(BIN)/python scripts/fetch_axe_core.py $(VENV)/share/axe-core/axe.min.js

pot: venv ## Extract the extensions' translatable words into translations/smertehandboka.pot
	$(BIN)/pybabel --quiet extract --no-default-keywords -k _ --no-location --sort-output --omit-header \
	  -o translations/smertehandboka.pot scripts/sphinxext

requirements: venv ## Recompile requirements.txt from requirements.in (after changing a dependency)
	$(BIN)/pip-compile --quiet --strip-extras --allow-unsafe --no-header --no-annotate \
	  --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	$(BIN)/python scripts/pin_requirements.py requirements.in requirements.txt

clean: ## Remove all build output (keeps .venv)
	rm -rf $(BUILDDIR)
