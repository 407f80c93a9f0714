"""Choose the language of the HTML search index from the page language.

Sphinx has no search support registered for ``nb`` and silently falls back to English
stemming, so Norwegian words would not match their inflected forms. The stemmer of each site
language is in ``translations/languages.toml`` (``no`` for Bokmål); other languages map to
themselves (Nynorsk to ``no``). An explicit
``html_search_language`` in conf.py wins; a language without search support is a warning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from languages import languages as site_languages
from languages import primary_subtag
from sphinx.search import languages
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

# Languages outside translations/languages.toml that Sphinx knows by another name.
SEARCH_LANGUAGES = {"nn": "no"}


def search_language_for(language: str) -> str:
    """The search language for a page language such as ``nb``, ``nb_NO`` or ``da``: the one
    translations/languages.toml gives, else the primary subtag."""
    primary = primary_subtag(language)
    table = site_languages()
    return table[primary].search if primary in table else SEARCH_LANGUAGES.get(primary, primary)


def choose_search_language(app: Sphinx, config: Config) -> None:
    if not config.html_search_language:
        config.html_search_language = search_language_for(config.language)
    if config.html_search_language not in languages:
        logger.warning(
            "no search support for language %r: the index would silently use English stemming; "
            "set html_search_language to a supported language",
            config.html_search_language,
            type="smertehandboka",
            subtype="search_language",
        )


def setup(app: Sphinx) -> dict[str, object]:
    app.connect("config-inited", choose_search_language)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
