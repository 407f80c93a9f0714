extensions = ["myst_parser", "page_description"]
