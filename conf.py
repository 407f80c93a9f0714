"""Sphinx configuration for Smertehåndboka: settings only; behaviour lives in scripts/sphinxext/."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# The extensions, and the modules they share with the command-line tools (scripts/languages.py).
sys.path[:0] = [str(ROOT / "scripts" / "sphinxext"), str(ROOT / "scripts")]
from project_catalog import N_  # noqa: E402 (marks words for the catalogue; translated where used)

project = "Smertehåndboka"
author = N_("Smertehåndboka-redaksjonen")
copyright = "2026, Smertehåndboka"
# The edition a build is of: the Makefile passes it (EDITION; `dev` for the working tree, the
# release's name when scripts/build_releases.py builds an edition of releases.toml).
version = release = "dev"

language = "nb"
root_doc = "index"
exclude_patterns: list[str] = []
templates_path = ["source/_templates"]
locale_dirs = ["../translations"]
# One catalogue per page, without source line numbers, so an edit above a message does not
# change the catalogues of every translation (`make translations`, CONTRIBUTING).
gettext_compact = False
gettext_location = False

extensions = [
    "stable_config",  # the environment remembers conf.py's values, so builds stay incremental
    "template_cache",  # compiled HTML templates kept between builds
    "parallel_threshold",  # -j only when enough pages changed to be worth the workers
    "navigation_refresh",  # every page written again when a title or a toctree changed (the menus)
    "translatable_graphviz",  # sphinx.ext.graphviz, with labels and alt text in the gettext catalogues
    "myst_parser",
    "table_cell_messages",  # cells of {table} tables reach the translation catalogues
    "sphinx_design",
    "valid_html",  # markup the Nu Html Checker accepts (sphinx-design tabs, translated meta tags)
    "sphinxcontrib.bibtex",
    "search_language",
    "pdf_handbooks",
    "local_bibliographies",
    "vancouver_style",
    "accessible_citations",
    "recommendations",
    "recommendation_data",  # the recommendations as data, for data/recommendations.json and FHIR
    "clinic_directory",
    "page_charts",
    "sidebar_toggles",
    "theme_words",
    "translation_notice",  # an incomplete or outdated translation says so, linking to the original
    "language_switcher",  # the same page in the other languages, and hreflang links
    "language_formats",  # dates in words as the page language writes them (languages.toml)
    "glossary_order",  # a translated glossary in the alphabetical order of its language
    "raw_html_policy",  # no raw HTML, raw directive or script in the pages (the allow-list below)
    "inline_scripts",  # no inline scripts: the pages keep to the site's Content-Security-Policy
    "page_description",  # a <meta name="description"> on every page, in its language
]

# Raw markup the pages may carry after review: the SHA-256 of its exact text → why it was allowed
# (scripts/sphinxext/raw_html_policy.py). None today.
raw_html_allowed: dict[str, str] = {}

nitpicky = True
numfig = True  # tables and figures are referred to by number with {numref}
graphviz_output_format = "svg"  # figures scale on phones; the PDF gets vector PDF from dot
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# Every .bib file in references/ takes part (paths relative to this file).
bibtex_bibfiles = sorted(f"references/{p.name}" for p in (ROOT / "references").glob("*.bib"))
bibtex_default_style = "vancouver"  # scripts/sphinxext/vancouver_style.py
bibtex_reference_style = "label"
# Stable anchors: a reference entry is #ref-<key>, whatever its number.
bibtex_cite_id = "ref-{key}"
# Each page numbers its own list from 1, so labels and keys repeat across pages by design;
# tests/test_local_bibliographies.py checks that every citation links to its own page's list.
suppress_warnings = ["bibtex.duplicate_label", "bibtex.duplicate_citation"]

# The HTML theme: see README.md, "Choosing the theme".
html_theme = "pydata_sphinx_theme"
html_title = "Smertehåndboka"
html_static_path = ["source/_static"]
# icons.css: the theme's icons as SVG, instead of its icon font and script (scripts/theme_icons.py).
html_css_files = ["css/icons.css", "css/smertehandboka.css"]
html_favicon = "source/_static/favicon.svg"
# The theme's colour mode when the reader has not chosen one: the system's (light or dark).
html_context = {"default_mode": "auto"}
html_last_updated_fmt = None
html_theme_options = {
    "navigation_with_keys": True,
    "show_toc_level": 2,
    "footer_start": ["copyright"],
    "footer_end": [],
    "secondary_sidebar_items": ["page-toc"],
    "article_header_start": ["breadcrumbs"],
    "article_header_end": ["handbook-pdf"],
    "navbar_end": ["language-switcher", "theme-switcher", "navbar-icon-links"],
}

# Every recommendation ID ever used, active or withdrawn (scripts/sphinxext/recommendations.py).
recommendation_registry = "references/recommendation-ids.toml"

# The clinic directory's data, checked against clinics.schema.json beside it before every build.
clinic_directory_data = "clinics/clinics.csv"

# One PDF per collection; the file name gets the language: smertehandboka-<slug>-<lang>.pdf.
pdf_handbooks = [
    {
        "start": "guideline/index",
        "slug": "veileder",
        "title": N_("Tverrfaglige smerteklinikker"),
        "class": "manual",
    },
    {"start": "education/index", "slug": "undervisning", "title": N_("Undervisning om langvarig smerte")},
    {"start": "commentary/index", "slug": "kommentar", "title": N_("Nociplastisk smerte")},
]
