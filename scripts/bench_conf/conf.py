"""make bench only: the project's conf.py with a stock theme and nothing of ours around it.

The benchmark weighs our pages against the same content under stock pydata-sphinx-theme and
python-docs-theme (README "Benchmark"):

    sphinx-build -c scripts/bench_conf [-D html_theme=python_docs_theme] source OUT

Everything conf.py says stays (the content's extensions, references, data) except what dresses
the theme: our templates, theme options, CSS and JS, and the extensions that only fill our
templates or change the theme's markup. Paths conf.py gives relative to its own folder are made
absolute, as this folder is the configuration folder now.
"""

import runpy
from pathlib import Path

PROJECT_CONF = Path(__file__).resolve().parent.parent.parent / "conf.py"
globals().update(
    (name, value) for name, value in runpy.run_path(str(PROJECT_CONF)).items() if not name.startswith("__")
)

# Ours, not the content's: they fill our templates or rework the theme's sidebar, words and scripts.
THEME_EXTENSIONS = {"sidebar_toggles", "theme_words", "language_switcher", "inline_scripts"}
OUR_ASSETS = {"clinic-directory.css", "clinic-directory.js"}

extensions = [name for name in extensions if name not in THEME_EXTENSIONS]  # noqa: F821 (from conf.py)
html_theme = "pydata_sphinx_theme"
html_theme_options: dict[str, object] = {}
templates_path: list[str] = []
html_static_path: list[str] = []
html_css_files: list[str] = []
html_js_files: list[str] = []
html_context: dict[str, object] = {}
if globals().get("html_favicon"):  # the site's icon stays: a first visit asks for one either way
    html_favicon = str(PROJECT_CONF.parent / html_favicon)  # noqa: F821
bibtex_bibfiles = [str(PROJECT_CONF.parent / name) for name in bibtex_bibfiles]  # noqa: F821
recommendation_registry = str(PROJECT_CONF.parent / recommendation_registry)  # noqa: F821


def drop_our_assets(app, pagename, templatename, context, doctree):  # type: ignore[no-untyped-def]
    """The clinic directory's own script and style are ours too; the stock pages go without."""
    for key in ("script_files", "css_files"):
        if key in context:
            context[key][:] = [f for f in context[key] if Path(str(f.filename)).name not in OUR_ASSETS]


def setup(app):  # type: ignore[no-untyped-def]
    app.connect("html-page-context", drop_our_assets, priority=900)  # after the clinic directory's
    return {"parallel_read_safe": True, "parallel_write_safe": True}
