"""One LaTeX document per collection, ASCII-named with the language, set in Norwegian."""

import pytest

from pdf_handbooks import pdf_file_stem


def test_pdf_file_stem():
    assert pdf_file_stem("kommentar", "nb") == "smertehandboka-kommentar-nb"
    assert pdf_file_stem("kommentar", "en_GB") == "smertehandboka-kommentar-en-gb"


@pytest.mark.sphinx("latex", testroot="pdf-handbooks")
def test_latex_documents_from_the_handbook_table(app, warning):
    app.build()
    assert app.config.latex_documents == [
        ("collection/index", "smertehandboka-samling-nb.tex", "En samling", "Redaksjonen", "howto", True)
    ]
    assert "slug 'Ikke ASCII æ' must be lower-case ASCII" in warning.getvalue()
    assert "[smertehandboka.pdf_handbooks]" in warning.getvalue()

    tex = (app.outdir / "smertehandboka-samling-nb.tex").read_text(encoding="utf-8")
    assert r"\setmainlanguage{norsk}" in tex  # polyglossia: Norwegian Bokmål hyphenation
    assert r"\usepackage{smertehandboka}" in tex
    assert r"pdflang={nb-NO}" in tex
    assert r"\smhtitlepage" in tex
    assert r"\renewcommand{\smhseries}{Testhåndbok}" in tex
    assert (app.outdir / "smertehandboka.sty").is_file()
    assert "Tekst om smerte." in tex
    assert "hører til nettsidene" not in tex  # the landing page stays on the web
