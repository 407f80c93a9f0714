"""A translated glossary is in the alphabetical order of its own language.

The Bokmål glossary groups its terms by theme, as its authors wrote it. Translated, that order
would read as random, so once Sphinx has translated a page, every glossary on it is sorted by
its first term in the page language, with the language's own letters last (Danish and Norwegian
æ, ø, å after z, in that order).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from languages import language
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx

NORDIC_LAST = str.maketrans({"æ": "{1", "ø": "{2", "å": "{3"})  # "{" sorts after "z"


def sort_key(text: str, code: str) -> str:
    key = text.casefold()
    return key.translate(NORDIC_LAST) if code in ("nb", "nn", "da") else key


class SortTranslatedGlossaries(SphinxTransform):
    default_priority = 30  # after Locale (20) has translated the terms

    def apply(self, **kwargs: Any) -> None:
        lang = language(self.config.language)
        if lang.source:
            return
        for glossary in self.document.findall(addnodes.glossary):
            for entries in glossary.findall(nodes.definition_list):
                items = list(entries.children)
                items.sort(key=lambda item: sort_key(item[0].astext(), lang.code))
                entries.children = []
                entries.extend(items)


def setup(app: Sphinx) -> dict[str, object]:
    app.add_transform(SortTranslatedGlossaries)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
