extensions = ["myst_parser", "sphinxcontrib.bibtex", "accessible_citations"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "unsrt"
