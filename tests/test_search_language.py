"""The search index stems Norwegian Bokmål with the Norwegian stemmer, not English."""

import json
import re

import pytest

from search_language import search_language_for


@pytest.mark.parametrize(
    ("language", "expected"),
    [("nb", "no"), ("nb_NO", "no"), ("nn", "no"), ("da", "da"), ("en", "en"), ("en_GB", "en")],
)
def test_search_language_for(language, expected):
    assert search_language_for(language) == expected


def load_index(outdir):
    text = (outdir / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(re.fullmatch(r"Search\.setIndex\((.*)\)\s*", text, re.S).group(1))


@pytest.mark.sphinx("html", testroot="search-language")
def test_nb_pages_get_a_norwegian_index(app, warning):
    app.build()
    assert app.config.html_search_language == "no"
    assert warning.getvalue() == ""
    terms = load_index(app.outdir)["terms"]
    # "Forventninger" and "smerter" are stemmed the Norwegian way; English would keep "smerter".
    assert "forventning" in terms
    assert "smert" in terms
    assert "smerter" not in terms
    assert "NorwegianStemmer" in (app.outdir / "_static" / "language_data.js").read_text(encoding="utf-8")


@pytest.mark.sphinx("html", testroot="search-language", confoverrides={"html_search_language": "da"})
def test_an_explicit_search_language_wins(app):
    assert app.config.html_search_language == "da"


@pytest.mark.sphinx("html", testroot="search-language-unsupported")
def test_a_language_without_search_support_is_a_warning(app, warning):
    assert "no search support for language 'se'" in warning.getvalue()
    assert "[smertehandboka.search_language]" in warning.getvalue()
