extensions = ["myst_parser", "sphinxcontrib.bibtex", "vancouver_style"]
language = "nb"
locale_dirs = ["locale"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "vancouver"
