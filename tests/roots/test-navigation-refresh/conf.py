extensions = ["myst_parser", "navigation_refresh"]
html_theme = "pydata_sphinx_theme"
