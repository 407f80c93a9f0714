"""The recommendations of a build as data: what each page shows of each one, for the site's open
data (``data/recommendations.json`` and the FHIR bundle, scripts/open_data.py).

When an HTML build finishes, this writes ``.recommendations.json`` in the output folder: every
``{recommendation}`` block of the build, in reading order, as its page shows it in the build's
language: ID, strength (the source's word and the page's word), its text as plain text and as
HTML (links resolved, made relative to the output folder's root), the collection, chapter and
section it is in, its page and anchor, and the references it cites (their entries from the
bibliography, with DOI, PMID and URL where the entry has them).

It reads the build's own parsed documents (the environment and the doctrees, resolved as for
writing), never the sources a second time and never the written HTML. It relies only on what
every edition's recommendation nodes carry (a ``recommendation`` node with ``rec_id`` and
``strength`` and a title), so ``scripts/edition_data.py`` can run ``write()`` over an edition
built before this module existed, with that edition's own Sphinx, configuration and extensions.

The file is written again only when the build wrote a page, or when another version of this
module wrote it (or it is missing): a no-op build costs nothing. Pages are resolved in the main
process, so the result is the same at any ``-j``.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

logger = logging.getLogger(__name__)

FILE = ".recommendations.json"
FORMAT = 1  # the file's layout; scripts/open_data.py reads it
# This module's own version: a file written by another version is written again, even when the
# build writes no page (Sphinx rewrites pages when their documents change, not its extensions).
GENERATOR = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
HREF = re.compile(r'(\b(?:href|src)=")([^"]*)(")')


def _is_recommendation(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and node.tagname == "recommendation" and "rec_id" in node


def _text(node: nodes.Node) -> str:
    return " ".join(node.astext().split())


def _section(node: nodes.Node) -> tuple[str, str]:
    """The title and anchor of the innermost section around ``node``."""
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.section):
        parent = parent.parent
    if parent is None:
        return "", ""
    title = parent.next_node(nodes.title)
    return (_text(title) if title else "", parent["ids"][0] if parent["ids"] else "")


def _strength_word(node: nodes.Element) -> str:
    title = node.next_node(nodes.title)
    word = title.next_node(nodes.emphasis) if title else None
    return _text(word) if word else str(node.get("strength", ""))


def _cited_keys(unresolved: nodes.Element) -> list[str]:
    """The bibliography keys cited in a recommendation, in order (sphinxcontrib-bibtex's roles)."""
    keys: list[str] = []
    for ref in unresolved.findall(addnodes.pending_xref):
        if ref.get("refdomain") == "cite":
            for key in str(ref.get("reftarget", "")).split(","):
                if key.strip() and key.strip() not in keys:
                    keys.append(key.strip())
    return keys


def _reference(env: BuildEnvironment, docname: str, key: str) -> dict[str, str]:
    """A cited entry: its key, its text as the page's reference list has it, DOI, PMID, URL."""
    found: dict[str, str] = {"key": key}
    try:
        domain = env.get_domain("cite")
    except Exception:  # no sphinxcontrib-bibtex in this build
        return found
    citations = [c for c in getattr(domain, "citations", []) if c.key == key]
    citations.sort(key=lambda c: c.bibliography_key.docname != docname)  # the page's own list first
    if citations:
        citation = citations[0]
        found["text"] = " ".join(citation.formatted_entry.text.render_as("text").split())
        fields = citation.entry.fields
        for name in ("doi", "pmid", "url"):
            if fields.get(name):
                found[name] = str(fields[name])
    return found


def _relative_to_root(fragment: str, page: str) -> str:
    """``fragment``'s links, written for ``page``, made relative to the output folder's root."""
    folder = posixpath.dirname(page)

    def fix(match: re.Match[str]) -> str:
        url = match[2]
        if re.match(r"^[a-z][a-z0-9+.-]*:|^/", url, re.I):
            return match[0]
        if url.startswith("#"):
            return f"{match[1]}{page}{url}{match[3]}"
        path, hash_, anchor = url.partition("#")
        joined = posixpath.normpath(posixpath.join(folder, path)) if path else page
        return f"{match[1]}{joined}{hash_}{anchor}{match[3]}"

    return HREF.sub(fix, fragment)


def _reading_order(env: BuildEnvironment, root: str) -> list[str]:
    order: list[str] = []
    stack = [root]
    while stack:
        docname = stack.pop()
        if docname in order or docname not in env.all_docs:
            continue
        order.append(docname)
        stack.extend(reversed(env.toctree_includes.get(docname, [])))
    return order + sorted(set(env.all_docs) - set(order))


def collect(app: Sphinx, docnames: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Every recommendation of the build, in reading order, as its page shows it."""
    env = app.env
    builder = app.builder
    assert isinstance(builder, StandaloneHTMLBuilder)
    wanted = set(docnames) if docnames is not None else None
    found: list[dict[str, Any]] = []
    for docname in _reading_order(env, app.config.root_doc):
        if wanted is not None and docname not in wanted:
            continue
        unresolved = env.get_doctree(docname)
        recs = list(unresolved.findall(_is_recommendation))
        if not recs:
            continue
        keys = {node["rec_id"]: _cited_keys(node) for node in recs}
        doctree = env.get_and_resolve_doctree(docname, builder)
        page = builder.get_target_uri(docname)
        collection = docname.split("/", 1)[0] if "/" in docname else ""
        collection_index = f"{collection}/index"
        for node in doctree.findall(_is_recommendation):
            body = [child for child in node.children if not isinstance(child, nodes.title)]
            section, section_anchor = _section(node)
            fragment = "\n".join(
                builder.render_partial(child.deepcopy())["fragment"].strip() for child in body
            )
            found.append(
                {
                    "id": node["rec_id"],
                    "strength": node["strength"],
                    "strength_word": _strength_word(node),
                    "text": " ".join(_text(child) for child in body),
                    "html": _relative_to_root(fragment.strip(), page),
                    "collection": collection,
                    "collection_title": _text(env.titles[collection_index])
                    if collection_index in env.titles
                    else "",
                    "chapter": _text(env.titles[docname]) if docname in env.titles else "",
                    "section": section,
                    "page": page,
                    "anchor": node["ids"][0] if node["ids"] else "",
                    "section_anchor": section_anchor,
                    "references": [_reference(env, docname, key) for key in keys.get(node["rec_id"], [])],
                }
            )
    return found


def write(app: Sphinx, path: Path) -> None:
    """Write the build's recommendations to ``path`` (deterministic: same build, same bytes)."""
    data = {
        "format": FORMAT,
        "generator": GENERATOR,
        "language": app.config.language,
        "recommendations": collect(app),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def _generator(path: Path) -> str | None:
    """The GENERATOR that wrote ``path`` (None: no such file, or not one of ours)."""
    try:
        with path.open(encoding="utf-8") as handle:
            head = handle.read(200)
    except OSError:
        return None
    found = re.search(r'"generator": "([0-9a-f]+)"', head)
    return found[1] if found else None


def note_written(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    app.env.smh_recommendation_data_stale = True  # type: ignore[attr-defined]


def build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not isinstance(app.builder, StandaloneHTMLBuilder):
        return
    if app.builder.name != "html":  # dirhtml, singlehtml: other page addresses; not published
        return
    path = Path(app.outdir, FILE)
    if getattr(app.env, "smh_recommendation_data_stale", False) or _generator(path) != GENERATOR:
        write(app, path)
        app.env.smh_recommendation_data_stale = False  # type: ignore[attr-defined]


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("doctree-resolved", note_written)
    app.connect("build-finished", build_finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
