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


@pytest.mark.sphinx(
    "html",
    testroot="local-bibliographies",
    confoverrides={
        "bibtex_cite_id": "ref-{key}",
        "suppress_warnings": ["bibtex.duplicate_label", "bibtex.duplicate_citation"],
    },
)
def test_on_the_web_each_page_cites_its_own_list(app, warning):
    """Per-page numbering repeats labels across pages (hence the suppressed warning), so check
    that a key cited on two pages links to the entry on the citing page each time."""
    app.build()
    assert warning.getvalue() == ""
    for page, number in (("first.html", "2"), ("second.html", "1")):
        html = (app.outdir / page).read_text(encoding="utf-8")
        assert re.search(
            rf'<a class="reference internal" href="#ref-engel1977need"[^>]*>{number}</a>', html
        ), page
        assert 'id="ref-engel1977need"' in html
