extensions = ["myst_parser", "search_language"]
language = "nb"
