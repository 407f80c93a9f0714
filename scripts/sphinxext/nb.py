"""Norwegian Bokmål labels for Docutils-generated text.

Docutils ships no ``nb`` module and falls back to English with a warning. It also looks for
a top-level module named after the language on the Python path, which this file is (conf.py
puts this folder on ``sys.path``).
"""

labels = {
    "author": "Forfatter",
    "authors": "Forfattere",
    "organization": "Organisasjon",
    "address": "Adresse",
    "contact": "Kontakt",
    "version": "Versjon",
    "revision": "Revisjon",
    "status": "Status",
    "date": "Dato",
    "copyright": "Opphavsrett",
    "dedication": "Dedikasjon",
    "abstract": "Sammendrag",
    "attention": "Obs!",
    "caution": "Forsiktig!",
    "danger": "Fare!",
    "error": "Feil",
    "hint": "Hint",
    "important": "Viktig",
    "note": "Merknad",
    "tip": "Tips",
    "warning": "Advarsel",
    "contents": "Innhold",
}

bibliographic_fields = {
    "forfatter": "author",
    "forfattere": "authors",
    "organisasjon": "organization",
    "adresse": "address",
    "kontakt": "contact",
    "versjon": "version",
    "revisjon": "revision",
    "status": "status",
    "dato": "date",
    "opphavsrett": "copyright",
    "dedikasjon": "dedication",
    "sammendrag": "abstract",
}

author_separators = [";", ","]
