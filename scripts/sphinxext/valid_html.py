"""Valid HTML where Sphinx and sphinx-design write markup the Nu Html Checker rejects
(``make check-html``, ``scripts/check_html.py``).

- sphinx-design 0.8.0 puts ``aria-controls`` on each tab's ``<label for=…>``; HTML does not allow
  it on a label associated with a form control. The control a reader operates is the radio button
  the label names, so the attribute moves to that ``<input>``.
- Sphinx marks a translated ``<meta>`` (``html_meta`` of a translated page) with an internal
  ``translated`` flag, and docutils writes every attribute of a meta node into the tag.
"""

from __future__ import annotations

import html
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator
from sphinx_design import tabs


class TabControls(SphinxPostTransform):
    """Move each tab label's aria-controls to the radio input it labels."""

    default_priority = 201  # after sphinx-design's TabSetHtmlTransform (200) makes the labels
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        # By id, not as siblings: sphinx-design assigns the tab set's children without parents.
        inputs = {node.get("id"): node for node in self.document.findall(tabs.sd_tab_input)}
        for label in self.document.findall(tabs.sd_tab_label):
            if "aria_controls" in label and label.get("input_id") in inputs:
                inputs[label["input_id"]]["aria_controls"] = label.attributes.pop("aria_controls")


class MetaWithoutFlags(SphinxPostTransform):
    """Drop Sphinx's internal ``translated`` flag from meta nodes before they are written."""

    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for meta in self.document.findall(nodes.meta):
            meta.attributes.pop("translated", None)


def visit_tab_input(self: HTML5Translator, node: tabs.sd_tab_input) -> None:
    tabs.visit_tab_input(self, node)
    if "aria_controls" in node:
        tag = self.body[-1]
        self.body[-1] = tag.replace(
            "<input ", f'<input aria-controls="{html.escape(node["aria_controls"])}" ', 1
        )


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_design")
    app.add_post_transform(TabControls)
    app.add_post_transform(MetaWithoutFlags)
    app.add_node(tabs.sd_tab_input, override=True, html=(visit_tab_input, tabs.depart_tab_input))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
