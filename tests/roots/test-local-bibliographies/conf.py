extensions = ["myst_parser", "sphinxcontrib.bibtex", "local_bibliographies"]
language = "nb"
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "unsrt"
bibtex_cite_id = "ref-{key}"
latex_documents = [("index", "test.tex", "Test", "Redaksjonen", "howto")]
