extensions = ["myst_parser", "translatable_graphviz"]
language = "nb"
locale_dirs = ["locale"]
gettext_compact = False
graphviz_output_format = "svg"
