"""The theme's words in Norwegian: pydata-sphinx-theme ships no nb catalogue, ours fills it in."""

from __future__ import annotations

from pathlib import Path

import pydata_sphinx_theme
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from sphinx import locale

PROJECT = Path(__file__).resolve().parent.parent
THEME_POT = Path(pydata_sphinx_theme.__file__).parent / "locale" / "sphinx.pot"
OURS = PROJECT / "translations" / "nb" / "LC_MESSAGES" / "sphinx.po"
# What an nb reader saw in English before the catalogue had the theme's words.
ENGLISH = ["Skip to main content", "Section Navigation", "On this page", "Back to top", "Search the docs"]


def test_every_word_of_the_theme_has_a_norwegian_translation(tmp_path):
    """A theme upgrade that adds a word fails here until the word is in our catalogue."""
    folder = tmp_path / "nb" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with OURS.open("rb") as po, (folder / "sphinx.mo").open("wb") as mo:
        write_mo(mo, read_po(po))
    # The order Sphinx reads them in: the project's catalogue, then Sphinx's own.
    translator, _found = locale.init(
        [tmp_path, None, Path(locale.__file__).parent], "nb", "sphinx", namespace="test-theme-words"
    )
    with THEME_POT.open("rb") as pot:
        words = [message.id for message in read_po(pot) if message.id]
    assert len(words) > 20
    assert [word for word in words if translator.gettext(word) == word] == []


def test_the_built_pages_show_the_theme_in_norwegian(site):
    for page in ("index.html", "education/course/index.html", "guideline/clinic-overview.html"):
        html = (site.html() / page).read_text(encoding="utf-8")
        assert [word for word in ENGLISH if word in html] == [], page
        soup = BeautifulSoup(html, "html.parser")
        assert soup.select_one(".skip-link a").get_text(strip=True) == "Hopp til hovedinnholdet"
        assert soup.select_one("input[name=q]")["placeholder"] == "Søk i Smertehåndboka …"
