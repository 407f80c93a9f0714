"""A ``<meta name="description">`` for every page, in the page's language.

Search engines show it under the title, and Lighthouse's SEO audit asks for it. A page's
description is the opening of its first paragraph (after translation, so each language gets its
own), cut at a word before ``page_description_length`` characters. A page that sets its own
(``html_meta: description`` in its front matter) keeps it. Pages without a text of their own
(the index, the search page) get the description of the root page.

The descriptions are collected while reading and kept in the environment, so they survive
incremental builds and are merged from parallel readers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from markupsafe import escape

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

SKIP = (nodes.Admonition, nodes.topic, nodes.sidebar, nodes.table, nodes.figure, nodes.target)


def summary(text: str, length: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``length`` characters."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0].rstrip(",;:–-")
    return cut + "…"


def first_paragraph(doctree: nodes.document) -> str:
    for paragraph in doctree.findall(nodes.paragraph):
        if any(isinstance(parent, SKIP) for parent in _ancestors(paragraph)):
            continue
        text = paragraph.astext().strip()
        if len(text.split()) >= 5:
            return text
    return ""


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found


def collect(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    text = first_paragraph(doctree)
    if text:
        env.smh_descriptions[env.docname] = summary(text, app.config.page_description_length)


def init(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    if not hasattr(env, "smh_descriptions"):
        env.smh_descriptions = {}


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, "smh_descriptions", {}).pop(docname, None)


def merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    env.smh_descriptions.update(
        {name: text for name, text in other.smh_descriptions.items() if name in docnames}
    )


def add_meta(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    metatags = context.get("metatags", "")
    if 'name="description"' in metatags:
        return
    descriptions = getattr(app.env, "smh_descriptions", {})
    text = descriptions.get(pagename) or descriptions.get(app.config.root_doc)
    if text:
        context["metatags"] = f'{metatags}\n<meta name="description" content="{escape(text)}" />'


def setup(app: Sphinx) -> dict[str, object]:
    app.add_config_value("page_description_length", 160, "env", types=[int])
    app.connect("env-before-read-docs", init)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("doctree-read", collect)
    app.connect("html-page-context", add_meta)
    return {"version": "1", "env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}
