"""A translated page that is not completely translated says so, in its own language, and links to
the original in the source language.

Sphinx marks every translatable node as translated or not while it reads a page in another
language and counts them (``document["translation_progress"]``). A message whose Bokmål text
changed since it was translated is fuzzy in the catalogue; Sphinx never shows a fuzzy
translation, so such a page counts as incomplete and gets the notice too, until the message is
translated again. HTML only: an incomplete language is not published as PDF.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from languages import language, languages

from project_catalog import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def add_notice(app: Sphinx, doctree: nodes.document) -> None:
    page_language = language(app.config.language)
    progress = doctree.get("translation_progress")
    if page_language.source or app.builder.format != "html" or not progress:
        return
    if progress["translated"] >= progress["total"]:
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return
    source = next(iter(languages()))  # the source language comes first
    docname = app.env.docname
    original = "../" * (docname.count("/") + 1) + f"{source}/{docname}.html"
    share = page_language.format_percent(round(100 * progress["translated"] / progress["total"]))
    notice = nodes.admonition(classes=["translation-notice"])
    notice += nodes.title("", str(_("Oversettelsen er ikke ferdig")))
    text = nodes.paragraph()
    text += nodes.Text(
        str(
            _(
                "Bare {share} av denne siden er oversatt, eller den norske teksten er endret siden "
                "den ble oversatt. Det som mangler, står på norsk. "
            )
        ).format(share=share)
    )
    text += nodes.reference("", str(_("Les originalen på norsk bokmål.")), refuri=original)
    notice += text
    section.insert(1, notice)


def setup(app: Sphinx) -> dict[str, object]:
    app.setup_extension("project_catalog")
    app.connect("doctree-read", add_notice)
    return {"version": "1", "env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}
