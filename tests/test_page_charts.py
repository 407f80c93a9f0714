"""Charts drawn from the page: bars from a table's own cells, schematic curves named by a legend."""

import pytest
from bs4 import BeautifulSoup

from page_charts import parse_number


def chart(app, name):
    page = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    image = page.select_one(f"#{name} img")
    return image, (app.outdir / image["src"]).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("561 917", "nb", 561917),
        ("13 %", "nb", 13),
        ("8,3", "da", 8.3),
        ("561.917", "da", 561917),
        ("4892", "da", 4892),
        ("10,300", "en", 10300),
        ("8.3", "en", 8.3),
    ],
)
def test_numbers_are_read_the_way_the_page_writes_them(text, language, value):
    assert parse_number(text, language) == value


@pytest.mark.sphinx("html", testroot="page-charts", freshenv=True)
def test_bars_come_from_the_table_cells(app, warning):
    app.build()
    assert warning.getvalue() == ""
    image, svg = chart(app, "figure-uttak")
    assert image["alt"] == "Stolper for antall personer per gruppe."
    for text in ("Alle", "Høydose", "561 917", "4 892", "Antall"):  # labels, values as shown, axis title
        assert text in svg
    assert "Økning" not in svg  # the other column is not drawn


@pytest.mark.sphinx("html", testroot="page-charts", freshenv=True)
def test_curves_are_named_by_the_legend(app):
    app.build()
    image, svg = chart(app, "figure-aktivitet")
    assert "Topper" in svg and "Jevnt" in svg
    assert image["alt"] == "To kurver."


@pytest.mark.sphinx("html", testroot="page-charts", freshenv=True, confoverrides={"language": "en"})
def test_a_translation_reaches_the_drawings(app):
    app.build()
    _image, svg = chart(app, "figure-uttak")
    assert "High dose" in svg and "Number" in svg and "Høydose" not in svg
    image, svg = chart(app, "figure-aktivitet")
    assert "Peaks" in svg and image["alt"] == "Two curves."


@pytest.mark.sphinx("latex", testroot="page-charts", freshenv=True)
def test_latex_includes_pdf_drawings(app, warning):
    app.build()
    assert warning.getvalue() == ""
    tex = (app.outdir / "charts.tex").read_text(encoding="utf-8")
    for name in ("figure-uttak", "figure-aktivitet"):
        assert rf"\sphinxincludegraphics[width=\linewidth]{{{name}.pdf}}" in tex
        assert (app.outdir / f"{name}.pdf").read_bytes().startswith(b"%PDF")
