"""Graphviz figures whose labels and alt text are translated like the rest of the page.

``sphinx.ext.graphviz`` keeps the dot source as an attribute, so gettext never sees the words in
it. This transform turns each graphviz node into a translatable one before Sphinx preserves and
translates a page's messages: every ``label="…"`` (also ``xlabel``, ``headlabel``, ``taillabel``)
and the ``:alt:`` text become messages of the page's catalogue, and their translations are put
back into the dot source. Write the visible text of a figure in labels, never in node ids.

A graph whose dot code does not draw is a warning at its file and line, in HTML and LaTeX.

On the web the SVG is an ``<img>`` with the alt text, not Sphinx's ``<object>``: the site's
Content-Security-Policy (``object-src 'none'``) blocks objects, and an image's alt text is its
accessible name (Sphinx puts the alt text only in the object's fallback content).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.ext import graphviz as sphinx_graphviz
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)
DOT_ERROR = re.compile(r"Error: (?:<stdin>: )?(.*?)(?:\\n|$)", re.MULTILINE)
LABEL = re.compile(r'(?P<key>\b(?:label|xlabel|headlabel|taillabel)\s*=\s*)"(?P<text>(?:[^"\\]|\\.)*)"')


def labels(code: str) -> list[str]:
    """The label strings of a dot source, in order, as written (``\\n`` stays ``\\n``)."""
    return [match["text"] for match in LABEL.finditer(code) if match["text"].strip()]


def replace_label(code: str, original: str, translated: str) -> str:
    escaped = translated.replace('"', '\\"')
    return LABEL.sub(
        lambda m: f'{m["key"]}"{escaped}"' if m["text"] == original else m.group(0),
        code,
    )


class translatable_graphviz(sphinx_graphviz.graphviz, addnodes.translatable):
    """A graphviz node whose labels and alt text take part in gettext."""

    def preserve_original_messages(self) -> None:
        self["original_code"] = self["code"]
        if "alt" in self:
            self["original_alt"] = self["alt"]

    def extract_original_messages(self) -> Sequence[str]:
        messages = labels(self.get("original_code", self["code"]))
        alt = self.get("original_alt", self.get("alt"))
        return [*messages, alt] if alt else messages

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        if original_message == self.get("original_alt"):
            self["alt"] = translated_message
        self["code"] = replace_label(self["code"], original_message, translated_message)


class MakeGraphvizTranslatable(SphinxTransform):
    default_priority = 5  # before PreserveTranslatableMessages (10) and Locale (20)

    def apply(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(sphinx_graphviz.graphviz)):
            if type(node) is sphinx_graphviz.graphviz:
                translatable = translatable_graphviz(node.rawsource, *node.children, **node.attributes)
                translatable.source, translatable.line = node.source, node.line  # for warnings
                node.replace_self(translatable)


def drawn(translator: Any, node: translatable_graphviz, output_format: str) -> bool:
    """Draw the graph before Sphinx does (its result is reused), so a graph that does not draw is
    reported at its file and line; sphinx.ext.graphviz names only the code."""
    try:
        sphinx_graphviz.render_dot(
            translator, node["code"], node["options"], output_format, filename=node.get("filename")
        )
    except sphinx_graphviz.GraphvizError as error:
        reason = DOT_ERROR.search(str(error))
        logger.warning(
            "the graph does not draw (%s): fix its dot code",
            reason[1] if reason else str(error).splitlines()[0],
            location=node,
            type="smertehandboka",
            subtype="graphviz",
        )
        return False
    return True


OBJECT = re.compile(r'<object [^>]*?data="(?P<src>[^"]*)"[^>]*>.*?</object>', re.S)


def html_visit(self: Any, node: translatable_graphviz) -> None:
    if not drawn(self, node, self.builder.config.graphviz_output_format):
        raise nodes.SkipNode
    start = len(self.body)
    try:
        sphinx_graphviz.html_visit_graphviz(self, node)
    except nodes.SkipNode:
        name = html.escape(node.get("alt", ""))
        written = "".join(self.body[start:])
        self.body[start:] = [
            OBJECT.sub(lambda m: f'<img src="{m["src"]}" alt="{name}" class="graphviz" />', written, 1)
        ]
        raise


def latex_visit(self: Any, node: translatable_graphviz) -> None:
    if not drawn(self, node, "pdf"):
        raise nodes.SkipNode
    sphinx_graphviz.latex_visit_graphviz(self, node)


def setup(app: Sphinx) -> dict[str, object]:
    app.setup_extension("sphinx.ext.graphviz")
    app.add_node(
        translatable_graphviz,
        html=(html_visit, None),
        latex=(latex_visit, None),
        texinfo=(sphinx_graphviz.texinfo_visit_graphviz, None),
        text=(sphinx_graphviz.text_visit_graphviz, None),
        man=(sphinx_graphviz.man_visit_graphviz, None),
    )
    app.add_transform(MakeGraphvizTranslatable)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
