extensions = ["myst_parser", "translation_notice"]
language = "en"
locale_dirs = ["locale"]
gettext_compact = False
