from pathlib import Path

import language_switcher

extensions = ["myst_parser", "language_switcher"]
language = "en"
html_theme = "pydata_sphinx_theme"
# The project's own template for the switcher, as conf.py uses it.
templates_path = [str(Path(language_switcher.__file__).resolve().parents[2] / "source" / "_templates")]
html_theme_options = {"navbar_end": ["language-switcher"]}
