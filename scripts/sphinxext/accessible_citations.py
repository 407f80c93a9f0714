"""Reference-list entries marked up as list items, not with the deprecated ``doc-biblioentry`` role.

Docutils writes each entry as ``<div role="doc-biblioentry">`` inside ``<div role="list">``:
DPUB-ARIA 1.1 deprecates that role, and a list whose children are not list items fails WAI-ARIA
(axe-core reports both on every page with references). Entries become ``role="listitem"``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator


def visit_citation(self: HTML5Translator, node: nodes.citation) -> None:
    if not isinstance(node.previous_sibling(), nodes.citation):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=["citation"], role="listitem"))


def depart_citation(self: HTML5Translator, node: nodes.citation) -> None:
    self.body.append("</div>\n")
    if not isinstance(node.next_node(descend=False, siblings=True), nodes.citation):
        self.body.append("</div>\n")


def setup(app: Sphinx) -> dict[str, object]:
    app.add_node(nodes.citation, override=True, html=(visit_citation, depart_citation))
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
