"""Recommendations as data: the ``{recommendation}`` directive, ``{rec}`` references and the indexes.

    :::{recommendation} ORG-01
    :strength: skal

    Tverrfaglige smerteklinikker skal …
    :::

Each recommendation has a stable ID, a strength word (*skal* or *bør*, shown the same way
everywhere, also by the ``{strength}`` role in prose), belongs to the chapter it is written in,
and gets an anchor (``#rec-org-01``) whose ID text is its permalink. ``{rec}`ORG-01``` links to
it; ``{recommendation-index}`` lists the recommendations of its own collection (the top folder:
``guideline/``, ``education/`` …), grouped by chapter in reading order.

The committed registry (``recommendation_registry``, TOML) says which collection each ID prefix
belongs to (``[prefixes] ORG = "guideline"``) and lists every ID ever used (``[ids] ORG-01 =
"active"``). IDs are never reused or renumbered: an ID in use must be active, and an active ID
that no page uses any more is an error until the registry marks it ``"withdrawn"``.

The pages' recommendations are kept per page in the environment (merged from parallel readers
page by page), and every check runs over all of them once all pages are read, in every build,
so an incremental build gives the same verdict as a clean one at any ``-j``.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator

from project_catalog import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)
RECOMMENDATION_ID = re.compile(r"([A-Z]{2,6})-\d{2,3}")
STRENGTHS = ("skal", "bør")


class recommendation(nodes.Admonition, nodes.Element):  # lower case, like docutils nodes
    """A recommendation, typeset as an admonition in every builder."""


class recommendation_index(nodes.General, nodes.Element):
    """Placeholder for the index, filled in once every page has been read."""


def warn(message: str, *args: object, location: Any = None) -> None:
    logger.warning(message, *args, location=location, type="smertehandboka", subtype="recommendation")


def anchor_for(rec_id: str) -> str:
    return f"rec-{rec_id.lower()}"


# The strength words as the source writes them (the data), and as each language shows them: the
# catalogue smertehandboka has en "must" / "should", da "skal" / "bør".
STRENGTH_WORDS = {"skal": _("skal"), "bør": _("bør")}


def strength_node(strength: str) -> nodes.emphasis:
    """The strength word in the page language, the same in a recommendation's heading and in running
    text; the class names the source's word, so every language styles it alike."""
    shown = str(STRENGTH_WORDS[strength]) if strength in STRENGTH_WORDS else strength
    return nodes.emphasis(shown, shown, classes=["rec-strength", f"rec-strength-{strength}"])


@dataclass(frozen=True)
class Recommendation:
    """One ``{recommendation}`` block as written; checked once every page has been read."""

    rec_id: str
    strength: str
    docname: str
    lineno: int
    summary: str

    @property
    def anchor(self) -> str:
        return anchor_for(self.rec_id)

    @property
    def location(self) -> tuple[str, int]:
        return (self.docname, self.lineno)


def collection_of(docname: str) -> str | None:
    """The collection a page belongs to: its top folder (``guideline/summary`` → ``guideline``)."""
    folder, slash, _rest = docname.partition("/")
    return folder if slash else None


def by_page(env: BuildEnvironment) -> dict[str, list[Recommendation]]:
    """docname → the recommendations written on that page, in order."""
    if not hasattr(env, "smh_recommendations"):
        env.smh_recommendations = {}
    return env.smh_recommendations


def index_pages(env: BuildEnvironment) -> dict[str, list[str]]:
    """docname → the collections whose index that page shows."""
    if not hasattr(env, "smh_recommendation_indexes"):
        env.smh_recommendation_indexes = {}
    return env.smh_recommendation_indexes


class RecommendationDirective(SphinxDirective):
    required_arguments = 1
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {"strength": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        rec_id = self.arguments[0].strip()
        strength = self.options.get("strength", "").strip()
        anchor = anchor_for(rec_id)
        node = recommendation(
            "",
            classes=["admonition", "recommendation", f"strength-{strength}"],
            rec_id=rec_id,
            strength=strength,
        )
        if anchor not in self.state.document.nameids:  # a second one on the page is reported below
            node["names"].append(anchor)
            self.state.document.note_explicit_target(node, node)  # {ref} and {rec} find it by this name
            node["ids"] = [anchor]
        title = nodes.title("", "", translatable=False)  # made from data: the ID and the strength
        title += nodes.reference(rec_id, rec_id, refid=anchor, classes=["rec-permalink"])
        title += nodes.Text(" ")
        title += strength_node(strength)
        node += title
        node += self.parse_content_to_nodes()
        summary = " ".join(node.children[1].astext().split()) if len(node.children) > 1 else ""
        by_page(self.env).setdefault(self.env.docname, []).append(
            Recommendation(rec_id, strength, self.env.docname, self.lineno, summary)
        )
        return [node]


class RecommendationIndexDirective(SphinxDirective):
    """``{recommendation-index}``: the recommendations of this page's collection, or of the one
    named by ``:collection:``."""

    option_spec: ClassVar[dict[str, Any]] = {"collection": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        collection = self.options.get("collection", "").strip() or collection_of(self.env.docname)
        if collection is None:
            warn(
                "a recommendation index outside a collection lists nothing: name one with :collection:",
                location=self.get_location(),
            )
            return []
        index_pages(self.env).setdefault(self.env.docname, []).append(collection)
        return [recommendation_index("", collection=collection)]


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


def chapters(env: BuildEnvironment, root: str, collection: str) -> list[tuple[str, list[Recommendation]]]:
    """The collection's pages that have recommendations, in reading order, each with its own."""
    pages = by_page(env)
    return [
        (docname, pages[docname])
        for docname in reading_order(env, root)
        if pages.get(docname) and collection_of(docname) == collection
    ]


def xref(reftype: str, target: str, content: nodes.Node) -> addnodes.pending_xref:
    ref = addnodes.pending_xref("", refdomain="std", reftype=reftype, reftarget=target, refexplicit=True)
    ref += content
    return ref


class FillRecommendationIndexes(SphinxPostTransform):
    """Each index becomes ordinary cross-references before Sphinx resolves them, so every builder
    links them its own way (the LaTeX builder within the handbook being written)."""

    default_priority = 5  # before ReferencesResolver (10)

    def run(self, **kwargs: Any) -> None:
        for placeholder in list(self.document.findall(recommendation_index)):
            content: list[nodes.Node] = []
            for docname, recs in chapters(self.env, self.config.root_doc, placeholder["collection"]):
                title = self.env.titles[docname].astext()
                chapter = nodes.paragraph(classes=["rec-index-chapter"])
                chapter += xref("doc", "/" + docname, nodes.inline(title, title))
                items = nodes.bullet_list(classes=["rec-index"])
                for rec in recs:
                    item = nodes.paragraph()
                    item += nodes.strong(
                        "", "", xref("ref", rec.anchor, nodes.inline(rec.rec_id, rec.rec_id))
                    )
                    item += nodes.Text(" ")
                    item += strength_node(rec.strength)
                    item += nodes.Text(f" – {rec.summary}")
                    items += nodes.list_item("", item)
                content += [chapter, items]
            placeholder.replace_self(content or [nodes.paragraph(text="—")])


# The registry ----------------------------------------------------------------------------------


@dataclass
class Registry:
    path: Path
    prefixes: dict[str, str]
    ids: dict[str, str]
    lines: list[str]

    def line_of(self, table: str, key: str) -> int:
        """The line of ``key = …`` inside ``[table]`` (1 when it cannot be found)."""
        current = ""
        for number, line in enumerate(self.lines, 1):
            stripped = line.strip()
            if stripped.startswith("["):
                current = stripped.strip("[] ")
            elif current == table and stripped.split("=")[0].strip().strip('"') == key:
                return number
        return 1

    def location(self, table: str, key: str) -> str:
        return f"{self.path}:{self.line_of(table, key)}"


def read_registry(app: Sphinx) -> Registry | None:
    path = Path(app.confdir, app.config.recommendation_registry)
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as error:
        warn("cannot read the recommendation registry %s: %s", path, error.strerror)
        return None
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        warn("%s:%s: the recommendation registry is not valid TOML: %s", path, line[1] if line else 1, error)
        return None
    return Registry(path, dict(data.get("prefixes", {})), dict(data.get("ids", {})), text.splitlines())


def check_recommendations(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Every check over every page's recommendations, in every build (read or not)."""
    registry = read_registry(app) if app.config.recommendation_registry else None
    collections = {collection_of(docname) for docname in env.found_docs} - {None}
    if registry is not None:
        for prefix, collection in sorted(registry.prefixes.items()):
            if collection not in collections:
                warn(
                    "prefix %s belongs to %r, which is not a collection; use one of: %s",
                    prefix,
                    collection,
                    ", ".join(sorted(collections)),
                    location=registry.location("prefixes", prefix),
                )

    seen: dict[str, Recommendation] = {}
    for docname in sorted(by_page(env)):
        for rec in by_page(env)[docname]:
            check_one(env, rec, registry, seen.get(rec.rec_id), collections)
            seen.setdefault(rec.rec_id, rec)

    if registry is not None:
        for rec_id, status in sorted(registry.ids.items()):
            if status not in ("active", "withdrawn"):
                warn(
                    'status of %s must be "active" or "withdrawn", not %r',
                    rec_id,
                    status,
                    location=registry.location("ids", rec_id),
                )
            elif status == "active" and rec_id not in seen:
                warn(
                    "recommendation %s is registered as active but no page has it: restore it, or mark it "
                    '"withdrawn" (IDs are never reused or renumbered)',
                    rec_id,
                    location=registry.location("ids", rec_id),
                )

    indexed = {collection for listed in index_pages(env).values() for collection in listed}
    for collection in sorted({collection_of(rec.docname) for rec in seen.values()} - indexed - {None}):
        first = min((rec for rec in seen.values() if collection_of(rec.docname) == collection), key=_order)
        warn(
            "the %s collection has recommendations but no page lists them: add a page with "
            "{recommendation-index} to %s/",
            collection,
            collection,
            location=first.location,
        )
    return indexes_to_rewrite(app, env)


def _order(rec: Recommendation) -> tuple[str, int]:
    return (rec.docname, rec.lineno)


def check_one(
    env: BuildEnvironment,
    rec: Recommendation,
    registry: Registry | None,
    first: Recommendation | None,
    collections: set[str],
) -> None:
    where = rec.location
    match = RECOMMENDATION_ID.fullmatch(rec.rec_id)
    if not match:
        warn(
            "recommendation ID %r must look like ORG-01 (capitals, hyphen, digits)",
            rec.rec_id,
            location=where,
        )
    if rec.strength not in STRENGTHS:
        warn(
            "recommendation %s: strength %r must be one of: %s (the :strength: option)",
            rec.rec_id,
            rec.strength,
            ", ".join(STRENGTHS),
            location=where,
        )
    if first is not None:
        warn(
            "recommendation %s is defined twice; the other is at %s:%s: an ID belongs to one "
            "recommendation: give the one that is new a new ID (a published ID is never renumbered)",
            rec.rec_id,
            env.doc2path(first.docname, False),
            first.lineno,
            location=where,
        )
        return
    collection = collection_of(rec.docname)
    if collection is None:
        warn(
            "recommendation %s stands outside the collections: move it to a page in one of their "
            "folders (%s)",
            rec.rec_id,
            ", ".join(f"{c}/" for c in sorted(collections)),
            location=where,
        )
    if registry is None or not match:
        return
    prefix = match[1]
    owner = registry.prefixes.get(prefix)
    if owner is None:
        warn(
            'recommendation %s: prefix %s is not in the registry %s: add it under [prefixes] as %s = "%s" '
            "(or use a prefix of that collection: %s)",
            rec.rec_id,
            prefix,
            registry.path,
            prefix,
            collection or "<collection>",
            ", ".join(sorted(p for p, c in registry.prefixes.items() if c == collection)) or "none yet",
            location=where,
        )
    elif collection is not None and owner != collection:
        warn(
            "recommendation %s is on a page of the %s collection, but prefix %s belongs to %s: "
            "use a prefix of %s (%s) or move it to %s/",
            rec.rec_id,
            collection,
            prefix,
            owner,
            collection,
            ", ".join(sorted(p for p, c in registry.prefixes.items() if c == collection)) or "none yet",
            owner,
            location=where,
        )
    if rec.rec_id not in registry.ids:
        warn(
            'recommendation %s is not in the registry %s: add it under [ids] as %s = "active"',
            rec.rec_id,
            registry.path,
            rec.rec_id,
            location=where,
        )
    elif registry.ids[rec.rec_id] == "withdrawn":
        warn(
            "recommendation %s was withdrawn; an ID is never reused: give this one a new ID",
            rec.rec_id,
            location=where,
        )


# Incremental builds ------------------------------------------------------------------------------


def index_state(env: BuildEnvironment, root: str) -> dict[str, Any]:
    """What the indexes show, per collection: a change means their pages must be written again."""
    collections = {c for listed in index_pages(env).values() for c in listed}
    return {
        collection: [
            (docname, env.titles[docname].astext() if docname in env.titles else "", recs)
            for docname, recs in chapters(env, root, collection)
        ]
        for collection in collections
    }


def plan_reading(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Before pages are read again: note what the indexes show now, and read again every other page
    that shares an ID with a page about to change. Sphinx keeps one page per label, so when a
    duplicate is reverted, the page that kept the ID must register its anchor again."""
    env.smh_recommendation_index_state = index_state(env, app.config.root_doc)
    pages = by_page(env)
    leaving = changed | removed
    ids = {rec.rec_id for docname in leaving for rec in pages.get(docname, [])}
    return sorted(
        docname
        for docname, recs in pages.items()
        if docname not in leaving and any(rec.rec_id in ids for rec in recs)
    )


def indexes_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    before = getattr(env, "smh_recommendation_index_state", {})
    after = index_state(env, app.config.root_doc)
    changed = {c for c in before.keys() | after.keys() if before.get(c) != after.get(c)}
    return sorted(docname for docname, listed in index_pages(env).items() if changed & set(listed))


def translated_summaries(app: Sphinx, doctree: nodes.document) -> None:
    """The index quotes each recommendation's first paragraph as the page shows it: in a translation,
    translated (the directive noted it before Sphinx translated the page)."""
    recs = by_page(app.env).get(app.env.docname)
    if not recs:
        return
    shown = {
        node["rec_id"]: " ".join(node.children[1].astext().split())
        for node in doctree.findall(recommendation)
        if len(node.children) > 1
    }
    by_page(app.env)[app.env.docname] = [
        dataclasses.replace(rec, summary=shown.get(rec.rec_id, rec.summary)) for rec in recs
    ]


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    by_page(env).pop(docname, None)
    index_pages(env).pop(docname, None)


def merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    """A parallel reader's pages replace those pages' entries; nothing else is touched."""
    for mine, theirs in ((by_page(env), by_page(other)), (index_pages(env), index_pages(other))):
        for docname in docnames:
            if docname in theirs:
                mine[docname] = theirs[docname]


def setup(app: Sphinx) -> dict[str, object]:
    app.setup_extension("project_catalog")
    app.add_config_value("recommendation_registry", "", "env", types=[str])
    app.add_node(
        recommendation,
        html=(HTML5Translator.visit_admonition, HTML5Translator.depart_admonition),
        latex=(LaTeXTranslator.visit_admonition, LaTeXTranslator.depart_admonition),
    )
    app.add_node(recommendation_index)
    app.add_directive("recommendation", RecommendationDirective)
    app.add_directive("recommendation-index", RecommendationIndexDirective)
    app.add_role("rec", rec_role)
    app.add_role("strength", strength_role)
    app.add_post_transform(FillRecommendationIndexes)
    app.connect("env-get-outdated", plan_reading)
    app.connect("env-updated", check_recommendations)
    app.connect("doctree-read", translated_summaries)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    return {"version": "2", "env_version": 2, "parallel_read_safe": True, "parallel_write_safe": True}
