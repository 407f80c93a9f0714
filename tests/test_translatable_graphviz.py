"""Graphviz labels and alt text are messages of the page, and translations reach the drawing."""

import pytest
from bs4 import BeautifulSoup


def drawing(app):
    page = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert not page.select("object")  # the site's policy blocks objects (object-src 'none')
    element = page.select_one("img.graphviz")
    return element, (app.outdir / element["src"]).read_text(encoding="utf-8")


@pytest.mark.sphinx("gettext", testroot="translatable-graphviz", freshenv=True)
def test_labels_and_alt_text_are_extracted_for_translators(app):
    app.build()
    pot = (app.outdir / "index.pot").read_text(encoding="utf-8")
    for message in ('msgid "Smerte"', 'msgid "Frykt for\\\\nbevegelse"', 'msgid "fører til"'):
        assert message in pot
    assert 'msgid "To bokser: smerte fører til frykt."' in pot


@pytest.mark.sphinx("html", testroot="translatable-graphviz", freshenv=True, confoverrides={"language": "en"})
def test_translated_labels_are_drawn(app, warning):
    app.build()
    element, svg = drawing(app)
    assert ">Pain<" in svg and ">Fear of<" in svg and ">movement<" in svg
    assert ">Smerte<" not in svg
    assert ">fører til<" in svg  # untranslated labels stay as written
    assert element["alt"] == "Two boxes: pain leads to fear."


@pytest.mark.sphinx("html", testroot="translatable-graphviz", freshenv=True)
def test_the_source_language_is_unchanged(app):
    app.build()
    _element, svg = drawing(app)
    assert ">Smerte<" in svg and ">bevegelse<" in svg
