"""Refuse raw HTML, the ``raw`` directive and scripts in the pages, apart from a reviewed allow-list.

The pages are MyST, and everything a page needs has a directive or a role: raw markup would go
around the translations, the accessibility checks and the site's Content-Security-Policy. Every
``raw`` node in a read page (a MyST HTML block or inline tag, a ``{raw}`` directive of any format)
is a warning ``smh.raw_html`` at its FILE:LINE, which the strict build turns into a stop before
anything is published.

An exception is a deliberate, reviewed choice: ``raw_html_allowed`` in conf.py maps the SHA-256
of the exact raw text (as the warning prints it) to the reason it was allowed. A ``<script>`` is
never allowed: the site's policy (``script-src 'self'``) would block it anyway.

Translations are held to the same rule by ``scripts/validate.py po`` (a catalogue's message may
not bring markup its source does not have), before the build starts.
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

SCRIPT = re.compile(r"<\s*script\b|\bon[a-z]+\s*=|javascript:", re.IGNORECASE)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def refuse_raw(app: Sphinx, doctree: nodes.document) -> None:
    allowed: dict[str, str] = app.config.raw_html_allowed
    for node in list(doctree.findall(nodes.raw)):
        text = node.astext()
        shown = " ".join(text.split())
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        fmt = node.get("format", "")
        if SCRIPT.search(text):
            reason = "a script in a page is never allowed (the site's Content-Security-Policy blocks it)"
        elif digest(text) in allowed:
            continue
        else:
            reason = (
                "raw markup is not allowed in the pages: use MyST and the project's directives; "
                f"an exception needs review and its sha256 {digest(text)} in raw_html_allowed (conf.py)"
            )
        logger.warning(
            "raw %s %r: %s",
            fmt or "markup",
            shown,
            reason,
            location=node,
            type="smh",
            subtype="raw_html",
        )
        node.parent.remove(node)  # never written, even where warnings are not errors


def setup(app: Sphinx) -> dict[str, object]:
    app.add_config_value("raw_html_allowed", {}, "env", types=[dict])
    app.connect("doctree-read", refuse_raw)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
