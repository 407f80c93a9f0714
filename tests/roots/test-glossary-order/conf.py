extensions = ["myst_parser", "glossary_order"]
myst_enable_extensions = ["colon_fence"]
language = "nb"
locale_dirs = ["locale"]
