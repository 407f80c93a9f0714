"""Choose the language of the HTML search index from the page language.

Sphinx has no search support registered for ``nb`` and silently falls back to English
stemming, so Norwegian words would not match their inflected forms. Bokmål and Nynorsk share
the Snowball ``no`` stemmer; other languages map to themselves. An explicit
``html_search_language`` in conf.py wins; a language without search support is a warning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.search import languages
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

# Page language (its primary subtag) -> the search language Sphinx knows it by.
SEARCH_LANGUAGES = {"nb": "no", "nn": "no", "no": "no"}


def search_language_for(language: str) -> str:
    """Return the search language for a page language such as ``nb``, ``nb_NO`` or ``da``."""
    primary = language.replace("-", "_").split("_")[0].lower()
    return SEARCH_LANGUAGES.get(primary, primary)


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
