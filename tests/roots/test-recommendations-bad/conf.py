extensions = ["myst_parser", "recommendations"]
myst_enable_extensions = ["colon_fence"]
