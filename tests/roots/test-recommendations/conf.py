extensions = ["myst_parser", "recommendations"]
language = "nb"
myst_enable_extensions = ["colon_fence"]
recommendation_registry = "registry.toml"
