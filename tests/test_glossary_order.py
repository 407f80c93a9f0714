"""A translated glossary is sorted in its language; the Bokmål keeps its authors' order."""

import pytest
from bs4 import BeautifulSoup


def terms(app):
    page = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [dt.get_text().replace("¶", "").strip() for dt in page.select("dl.glossary dt")]


@pytest.mark.sphinx("html", testroot="glossary-order", freshenv=True)
def test_the_source_language_keeps_the_authors_order(app):
    app.build()
    assert terms(app) == ["Smerte", "Akutt smerte", "Åpenhet", "Økt følsomhet"]


@pytest.mark.sphinx("html", testroot="glossary-order", freshenv=True, confoverrides={"language": "en"})
def test_english_is_alphabetical(app):
    app.build()
    assert terms(app) == ["Acute pain", "Increased sensitivity", "Openness", "Pain"]


def test_nordic_letters_come_last_in_their_own_order():
    from glossary_order import sort_key

    words = ["åpen", "øre", "ærlig", "zebra", "abc"]
    assert sorted(words, key=lambda w: sort_key(w, "da")) == ["abc", "zebra", "ærlig", "øre", "åpen"]


@pytest.mark.sphinx("html", testroot="glossary-order", freshenv=True, confoverrides={"language": "da"})
def test_danish_is_alphabetical_with_ae_oe_aa_last(app):
    app.build()
    assert terms(app) == ["Akut smerte", "Smerte", "Øget følsomhed", "Åbenhed"]
