extensions = ["myst_parser", "page_charts"]
language = "nb"
numfig = True
myst_enable_extensions = ["colon_fence", "deflist"]
locale_dirs = ["locale"]
gettext_compact = False
latex_documents = [("index", "charts.tex", "Diagrammer", "Test", "howto")]
