"""A translated page that is not completely translated says so, in its own language, and links to
the original in the source language.

After Sphinx has translated a page, each message of the page is looked up in the page's
catalogue: one without a translation there (new, changed since it was translated, or fuzzy)
is missing. Sphinx's own progress count (``document["translation_progress"]``) is not used:
it counts a message whose translation is the same text (a name, "NNT") as untranslated. A
fuzzy translation is never shown, so a page whose Bokmål changed since it was translated gets
the notice until the message is translated again. HTML only: an incomplete language is not
published as PDF.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from babel.messages.pofile import read_po
from docutils import nodes
from languages import language, languages
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import extract_messages

from project_catalog import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def translated_messages(app: Sphinx, docname: str) -> set[str]:
    """The messages the page's catalogue translates (non-empty, not fuzzy)."""
    domain = docname_to_domain(docname, app.config.gettext_compact)
    found: set[str] = set()
    for locale_dir in app.config.locale_dirs:
        path = Path(app.srcdir, locale_dir, app.config.language, "LC_MESSAGES", f"{domain}.po")
        if path.is_file():
            with path.open("rb") as handle:
                found |= {str(m.id) for m in read_po(handle) if m.id and m.string and not m.fuzzy}
    return found


def add_notice(app: Sphinx, doctree: nodes.document) -> None:
    page_language = language(app.config.language)
    if page_language.source or app.builder.format != "html":
        return
    docname = app.env.docname
    translated = translated_messages(app, docname)
    messages = list(extract_messages(doctree))
    missing = [msg for node, msg in messages if not node.get("translated") and msg not in translated]
    if not messages or not missing:
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return
    source = next(iter(languages()))  # the source language comes first
    original = "../" * (docname.count("/") + 1) + f"{source}/{docname}.html"
    # Rounded down: a page with anything missing never says 100 %.
    share = page_language.format_percent(int(100 * (len(messages) - len(missing)) / len(messages)))
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
