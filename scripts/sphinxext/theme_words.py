"""The theme's own words in the page language, the search field's placeholder included.

pydata-sphinx-theme 0.24 has no Norwegian or Danish catalogue, so "Skip to main content",
"Section Navigation" and the like stay English on every page; the project's catalogue
``translations/<lang>/LC_MESSAGES/sphinx.po`` (read before the theme's and Sphinx's, as
``locale_dirs`` come first) has them. The search field's placeholder is a theme option, not a
template word, so it is passed through the same catalogue here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.locale import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def translate_search_placeholder(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    text = context.get("theme_search_bar_text")
    if text:
        context["theme_search_bar_text"] = _(text)


def setup(app: Sphinx) -> dict[str, object]:
    app.connect("html-page-context", translate_search_placeholder)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
