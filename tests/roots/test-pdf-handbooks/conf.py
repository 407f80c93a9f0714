project = "Testhåndbok"
author = "Redaksjonen"
extensions = ["myst_parser", "pdf_handbooks"]
language = "nb"
pdf_handbooks = [
    {"start": "collection/index", "slug": "samling", "title": "En samling"},
    {"start": "index", "slug": "Ikke ASCII æ", "title": "Feil"},
]
