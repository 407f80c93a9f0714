"""Cells of a table inside {table} are messages: extracted for translators and translated."""

import pytest


@pytest.mark.sphinx("gettext", testroot="table-cell-messages", freshenv=True)
def test_the_cells_are_in_the_catalogue(app):
    app.build()
    template = (app.outdir / "index.pot").read_text(encoding="utf-8")
    for cell in ("Enhet", "Uker", "Smerteklinikk", "6–48 uker"):
        assert f'msgid "{cell}"' in template


@pytest.mark.sphinx("html", testroot="table-cell-messages", freshenv=True, confoverrides={"language": "en"})
def test_the_cells_are_translated(app):
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "<p>Unit</p>" in html and "<p>6–48 weeks</p>" in html
    assert "Smerteklinikk" in html  # untranslated cells stay as written
