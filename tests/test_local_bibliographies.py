"""In the PDF each page keeps its own reference list in place instead of one list at the end."""

import re

import pytest


@pytest.mark.sphinx("latex", testroot="local-bibliographies")
def test_each_page_keeps_its_reference_list_in_place(app, warning):
    app.build()
    tex = (app.outdir / "test.tex").read_text(encoding="utf-8")
    assert "sphinxthebibliography" not in tex  # nothing gathered at the end of the book
    assert tex.count(r"\begin{smhbibliography}") == 2

    first = tex.index("Litteratur første")
    first_list = tex.index(r"\begin{smhbibliography}", first)
    assert first_list < tex.index("Etter listen") < tex.index("Litteratur andre")
    # The first page numbers its references in citation order, with keys the citations link to.
    items = re.findall(r"\\bibitem\[(\d+)\]\{([^}]+)\}", tex)
    assert items[:2] == [("1", "first:ref-melzack1965pain"), ("2", "first:ref-engel1977need")]
    assert items[2][1] == "second:ref-engel1977need"
    assert r"\hyperlink{cite.first:ref-melzack1965pain}" in tex
    assert "Pain mechanisms: a new theory" in tex[first_list:]
