"""Keep each page's reference list where the page puts it in the PDF.

Sphinx's LaTeX builder gathers every citation of a handbook into one bibliography at its end,
which leaves each page's own reference section empty and merges the lists of different pages.
This post-transform runs just before Sphinx's and turns each group of citations into a list
typeset in place (the ``smhbibliography`` environment of ``latex/smertehandboka.sty``). The
entries keep their labels and LaTeX keys, so the citation links in the text still land on them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.latex import LaTeXTranslator


class local_bibliography(nodes.General, nodes.Element):  # lower case, like docutils nodes
    """A page's reference list, typeset where the page has it."""


class local_bibliography_entry(nodes.Part, nodes.Element):
    """One entry; not a ``nodes.citation``, so Sphinx's end-of-book gathering leaves it alone."""


class LocalBibliographies(SphinxPostTransform):
    default_priority = 740  # Sphinx's BibliographyTransform runs at 750
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        groups: dict[int, tuple[nodes.Element, list[nodes.citation]]] = {}
        for citation in self.document.findall(nodes.citation):
            groups.setdefault(id(citation.parent), (citation.parent, []))[1].append(citation)
        for parent, citations in groups.values():
            bibliography = local_bibliography()
            position = parent.index(citations[0])
            for citation in citations:
                parent.remove(citation)
                bibliography += local_bibliography_entry(
                    "",
                    *citation.children[1:],  # children[0] is the label
                    label=citation[0].astext(),
                    key=f"{citation['docname']}:{citation['ids'][0]}",
                )
            parent.insert(position, bibliography)


def visit_local_bibliography(self: LaTeXTranslator, node: local_bibliography) -> None:
    widest = max((entry["label"] for entry in node.findall(local_bibliography_entry)), key=len)
    self.body.append(f"\n\\begin{{smhbibliography}}{{{self.encode(widest)}}}\n")


def depart_local_bibliography(self: LaTeXTranslator, node: local_bibliography) -> None:
    self.body.append("\\end{smhbibliography}\n")


def visit_local_bibliography_entry(self: LaTeXTranslator, node: local_bibliography_entry) -> None:
    self.body.append(f"\\bibitem[{self.encode(node['label'])}]{{{node['key']}}}\n")


def depart_local_bibliography_entry(self: LaTeXTranslator, node: local_bibliography_entry) -> None:
    pass


def setup(app: Sphinx) -> dict[str, object]:
    app.add_node(local_bibliography, latex=(visit_local_bibliography, depart_local_bibliography))
    app.add_node(
        local_bibliography_entry, latex=(visit_local_bibliography_entry, depart_local_bibliography_entry)
    )
    app.add_post_transform(LocalBibliographies)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
