"""The theme's words in the page language: pydata-sphinx-theme ships no nb or da catalogue, ours
(translations/<lang>/LC_MESSAGES/sphinx.po) fills them in."""

from __future__ import annotations

from pathlib import Path

import pydata_sphinx_theme
import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from sphinx import locale

PROJECT = Path(__file__).resolve().parent.parent
THEME_POT = Path(pydata_sphinx_theme.__file__).parent / "locale" / "sphinx.pot"
# The languages the theme has no catalogue for, with what a reader must see instead of English.
LANGUAGES = {
    "nb": ("Hopp til hovedinnholdet", "Søk i Smertehåndboka …"),
    "da": ("Gå til hovedindholdet", "Søg i Smertehåndboka …"),
}
# What a reader saw in English before the catalogue had the theme's words.
ENGLISH = ["Skip to main content", "Section Navigation", "On this page", "Back to top", "Search the docs"]


def ours(lang: str) -> Path:
    return PROJECT / "translations" / lang / "LC_MESSAGES" / "sphinx.po"


def test_the_languages_the_theme_lacks_have_a_catalogue_of_ours():
    theme_languages = {path.name for path in THEME_POT.parent.iterdir() if path.is_dir()}
    lacking = {
        path.parent.name
        for path in (PROJECT / "translations").glob("*/LC_MESSAGES")
        if path.parent.name not in theme_languages
    }
    assert lacking == set(LANGUAGES)
    assert all(ours(lang).is_file() for lang in LANGUAGES)


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_every_word_of_the_theme_has_a_translation(tmp_path, lang):
    """A theme upgrade that adds a word fails here until the word is in our catalogue."""
    folder = tmp_path / lang / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with ours(lang).open("rb") as po, (folder / "sphinx.mo").open("wb") as mo:
        write_mo(mo, read_po(po))
    # The order Sphinx reads them in: the project's catalogue, then Sphinx's own.
    translator, _found = locale.init(
        [tmp_path, None, Path(locale.__file__).parent], lang, "sphinx", namespace=f"test-theme-words-{lang}"
    )
    with THEME_POT.open("rb") as pot:
        words = [message.id for message in read_po(pot) if message.id]
    assert len(words) > 20
    assert [word for word in words if translator.gettext(word) == word] == []


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_the_built_pages_show_the_theme_in_the_page_language(translated_site, lang):
    skip_link, placeholder = LANGUAGES[lang]
    for page in ("index.html", "education/course/index.html", "guideline/clinic-overview.html"):
        html = (translated_site.html(lang) / page).read_text(encoding="utf-8")
        assert [word for word in ENGLISH if word in html] == [], page
        soup = BeautifulSoup(html, "html.parser")
        assert soup.select_one(".skip-link a").get_text(strip=True) == skip_link
        assert soup.select_one("input[name=q]")["placeholder"] == placeholder
