extensions = ["myst_parser", "table_cell_messages"]
myst_enable_extensions = ["colon_fence"]
language = "nb"
locale_dirs = ["locale"]
