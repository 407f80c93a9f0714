extensions = ["myst_parser", "recommendations", "page_charts", "translatable_graphviz"]
language = "nb"
numfig = True
myst_enable_extensions = ["colon_fence", "deflist"]
recommendation_registry = "registry.toml"
latex_documents = [("guideline/index", "veileder.tex", "Veileder", "Test", "manual", True)]
