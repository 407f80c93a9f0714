"""Recommendations as data: the ``{recommendation}`` directive, ``{rec}`` references and the index.

    :::{recommendation} ORG-01
    :strength: skal

    Tverrfaglige smerteklinikker skal …
    :::

Each recommendation has a stable ID, a strength word (*skal* or *bør*, shown the same way
everywhere, also by the ``{strength}`` role in prose), belongs to the chapter it is written in,
and gets an anchor (``#rec-org-01``) whose ID text is its permalink. ``{rec}`ORG-01``` links to
it; ``{recommendation-index}`` lists every recommendation grouped by chapter in reading order.

IDs are never reused or renumbered: the committed registry (``recommendation_registry``, TOML,
``[ids] ORG-01 = "active"``) must list every ID in use as active, and an active ID that no page
uses any more is an error until the registry marks it ``"withdrawn"``.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)
RECOMMENDATION_ID = re.compile(r"[A-Z]{2,6}-\d{2,3}")
STRENGTHS = ("skal", "bør")


class recommendation(nodes.Admonition, nodes.Element):  # lower case, like docutils nodes
    """A recommendation, typeset as an admonition in every builder."""


class recommendation_index(nodes.General, nodes.Element):
    """Placeholder for the index, filled in once every page has been read."""


def warn(message: str, *args: object, location: Any = None) -> None:
    logger.warning(message, *args, location=location, type="smertehandboka", subtype="recommendation")


def anchor_for(rec_id: str) -> str:
    return f"rec-{rec_id.lower()}"


def strength_node(strength: str) -> nodes.emphasis:
    """The strength word, the same in a recommendation's heading and in running text."""
    return nodes.emphasis(strength, strength, classes=["rec-strength", f"rec-strength-{strength}"])


def recommendations(env: BuildEnvironment) -> dict[str, dict[str, Any]]:
    if not hasattr(env, "smh_recommendations"):
        env.smh_recommendations = {}
    return env.smh_recommendations


class RecommendationDirective(SphinxDirective):
    required_arguments = 1
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {"strength": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        rec_id = self.arguments[0].strip()
        strength = self.options.get("strength", "").strip()
        location = self.get_location()
        if not RECOMMENDATION_ID.fullmatch(rec_id):
            warn(
                "recommendation ID %r must look like ORG-01 (capitals, hyphen, digits)",
                rec_id,
                location=location,
            )
        if strength not in STRENGTHS:
            warn(
                "recommendation %s: strength %r must be one of: %s",
                rec_id,
                strength,
                ", ".join(STRENGTHS),
                location=location,
            )
        known = recommendations(self.env)
        if rec_id in known:
            other = known[rec_id]
            warn(
                "recommendation %s is defined twice; the other is in %s, line %s",
                rec_id,
                self.env.doc2path(other["docname"]),
                other["lineno"],
                location=location,
            )

        anchor = anchor_for(rec_id)
        node = recommendation(
            "",
            classes=["admonition", "recommendation", f"strength-{strength}"],
            rec_id=rec_id,
            strength=strength,
        )
        node["names"].append(anchor)
        self.state.document.note_explicit_target(node, node)  # {ref} and {rec} find it by this name
        node["ids"] = [anchor]
        title = nodes.title("", "")
        title += nodes.reference(rec_id, rec_id, refid=anchor, classes=["rec-permalink"])
        title += nodes.Text(" ")
        title += strength_node(strength)
        node += title
        node += self.parse_content_to_nodes()

        known[rec_id] = {
            "docname": self.env.docname,
            "lineno": self.lineno,
            "strength": strength,
            "anchor": anchor,
            "summary": " ".join(node.children[1].astext().split()) if len(node.children) > 1 else "",
        }
        return [node]


class RecommendationIndexDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        return [recommendation_index("")]


def rec_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Any, options: Any = None, content: Any = None
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    rec_id = text.strip()
    ref = addnodes.pending_xref(
        rawtext, refdomain="std", reftype="ref", reftarget=anchor_for(rec_id), refexplicit=True, refwarn=True
    )
    ref += nodes.inline(rec_id, rec_id)  # the resolver wraps it in its own std-ref span
    return [ref], []


def strength_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Any, options: Any = None, content: Any = None
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    if text not in STRENGTHS:
        message = inliner.reporter.warning(
            f"strength {text!r} must be one of: {', '.join(STRENGTHS)}", line=lineno
        )
        return [strength_node(text)], [message]
    return [strength_node(text)], []


def reading_order(env: BuildEnvironment, root: str) -> list[str]:
    order: list[str] = []

    def walk(docname: str) -> None:
        if docname not in order:
            order.append(docname)
            for child in env.toctree_includes.get(docname, []):
                walk(child)

    walk(root)
    return order + sorted(set(env.found_docs) - set(order))


def fill_indexes(app: Sphinx, doctree: nodes.document, fromdocname: str) -> None:
    placeholders = list(doctree.findall(recommendation_index))
    if not placeholders:
        return
    env = app.env
    by_chapter: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for rec_id, data in sorted(recommendations(env).items(), key=lambda item: item[1]["lineno"]):
        by_chapter.setdefault(data["docname"], []).append((rec_id, data))
    content: list[nodes.Node] = []
    for docname in reading_order(env, app.config.root_doc):
        if docname not in by_chapter:
            continue
        chapter = nodes.paragraph(classes=["rec-index-chapter"])
        chapter += nodes.reference(
            "",
            env.titles[docname].astext(),
            refuri=app.builder.get_relative_uri(fromdocname, docname),
            internal=True,
        )
        items = nodes.bullet_list(classes=["rec-index"])
        for rec_id, data in by_chapter[docname]:
            item = nodes.paragraph()
            link = nodes.reference(
                "",
                "",
                internal=True,
                refuri=f"{app.builder.get_relative_uri(fromdocname, docname)}#{data['anchor']}",
            )
            link += nodes.strong(rec_id, rec_id)
            item += link
            item += nodes.Text(" ")
            item += strength_node(data["strength"])
            item += nodes.Text(f" – {data['summary']}")
            items += nodes.list_item("", item)
        content += [chapter, items]
    for placeholder in placeholders:
        placeholder.replace_self(content or [nodes.paragraph(text="—")])


def check_registry(app: Sphinx, env: BuildEnvironment) -> None:
    if not app.config.recommendation_registry:
        return
    registry_path = Path(app.confdir, app.config.recommendation_registry)
    try:
        registry: dict[str, str] = tomllib.loads(registry_path.read_text(encoding="utf-8")).get("ids", {})
    except (OSError, tomllib.TOMLDecodeError) as error:
        warn("cannot read the recommendation registry %s: %s", registry_path, error)
        return
    lines = registry_path.read_text(encoding="utf-8").splitlines()

    def registry_line(rec_id: str) -> int:
        return next((n for n, line in enumerate(lines, 1) if line.split("=")[0].strip() == rec_id), 1)

    used = recommendations(env)
    for rec_id, data in sorted(used.items()):
        location = (data["docname"], data["lineno"])
        if rec_id not in registry:
            warn(
                'recommendation %s is not in the registry %s: add it as "active"',
                rec_id,
                registry_path,
                location=location,
            )
        elif registry[rec_id] == "withdrawn":
            warn(
                "recommendation %s was withdrawn; an ID is never reused: give this one a new ID",
                rec_id,
                location=location,
            )
    for rec_id, status in sorted(registry.items()):
        if status not in ("active", "withdrawn"):
            warn(
                '%s:%d: status of %s must be "active" or "withdrawn", not %r',
                registry_path,
                registry_line(rec_id),
                rec_id,
                status,
            )
        elif status == "active" and rec_id not in used:
            warn(
                "%s:%d: recommendation %s is registered as active but no page has it: restore it, or mark it "
                '"withdrawn" (IDs are never reused or renumbered)',
                registry_path,
                registry_line(rec_id),
                rec_id,
            )


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    known = recommendations(env)
    for rec_id in [rec_id for rec_id, data in known.items() if data["docname"] == docname]:
        del known[rec_id]


def merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    recommendations(env).update(recommendations(other))


def setup(app: Sphinx) -> dict[str, object]:
    app.add_config_value("recommendation_registry", "", "env", types=[str])
    app.add_node(
        recommendation,
        html=(HTML5Translator.visit_admonition, HTML5Translator.depart_admonition),
        latex=(LaTeXTranslator.visit_admonition, LaTeXTranslator.depart_admonition),
    )
    app.add_directive("recommendation", RecommendationDirective)
    app.add_directive("recommendation-index", RecommendationIndexDirective)
    app.add_role("rec", rec_role)
    app.add_role("strength", strength_role)
    app.connect("doctree-resolved", fill_indexes)
    app.connect("env-check-consistency", check_registry)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    return {"version": "1", "env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}
