extensions = ["myst_parser", "sphinxcontrib.bibtex", "recommendations", "recommendation_data"]
language = "nb"
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
bibtex_reference_style = "label"
