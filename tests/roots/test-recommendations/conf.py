extensions = ["myst_parser", "recommendations"]
language = "nb"
myst_enable_extensions = ["colon_fence"]
recommendation_registry = "registry.toml"
# One LaTeX document per collection, as the PDF handbooks are made.
latex_documents = [
    ("guideline/index", "veileder.tex", "Veileder", "Test", "manual", True),
    ("education/index", "undervisning.tex", "Undervisning", "Test", "howto", True),
]
