"""The site's Content-Security-Policy: each published page carries it in a ``<meta>``.

The policy is strict: everything from the site itself, nothing inline, no plugins, no ``<base>``:

    default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;
    font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'

with one documented relaxation, page by page: the SHA-256 hashes of the inline content that page
really has. Today's pages have no inline script (the theme's two are left out or made files,
see source/_templates/layout.html and scripts/sphinxext/inline_scripts.py); the hashes cover

- the inline scripts of editions built before that (2026.1 and 2026.2 set the colour mode and the
  page name inline), and the root page's language redirect;
- the ``style`` attributes that docutils writes for table column widths (``'unsafe-hashes'``
  with the hash of each value: only those exact declarations are allowed);
- ``object-src 'self'`` on a page of 2026.1 or 2026.2 that shows a Graphviz drawing: they wrote
  drawings as ``<object>`` (pages built now use ``<img>``).

A ``<meta>`` policy cannot say ``frame-ancestors`` (browsers ignore it there and log an error), so
``header()`` gives the policy with it, for hosts that can set headers: ``make serve``
(scripts/serve_site.py) sends it. GitHub Pages, where the site is deployed, cannot set headers;
there the ``<meta>`` is the policy, and framing is not refused (README, "Security").

Two scripts of the site go into every edition's pages, so that old editions keep to the policy:

- ``_smh/plural.js``, before Sphinx's ``translations.js``: Sphinx's ``doctools.js`` reads a
  language's plural rule with ``new Function`` (eval, which the policy forbids);
- ``_smh/site.js``: sets the colour mode that 2026.1 and 2026.2 leave empty, and makes the "hide
  search matches" link work without its ``javascript:`` address (and gives it a name).

The search page reads the edition's pages to show their text, so its policy also has the hashes
of their ``style`` attributes.

All this goes between the markers of site_menus.py (the ``<meta>`` first in ``<head>``, as a
policy covers only what follows it), and ``site_menus.strip()`` takes it out again.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable

from site_menus import BEGIN, END, N_

BASE = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
}
HEADER_ONLY = {"frame-ancestors": ["'none'"]}

# Graphviz drawings of editions built before translatable_graphviz.py wrote them as <img>.
OBJECT = re.compile(r'<object [^>]*type="image/svg\+xml"', re.I)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)
INLINE_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S | re.I)
STYLE_ATTRIBUTE = re.compile(r"""\sstyle=(?:"([^"]*)"|'([^']*)')""", re.I)
# What inject() adds, for inject() to replace: the policy, and the two scripts below.
INJECTED_HERE = re.compile(
    re.escape(BEGIN)
    + r'(?:<meta http-equiv="Content-Security-Policy"[^>]*>|<script [^>]*_smh/[^>]*></script>)'
    + re.escape(END)
)
# Sphinx's translations.js, before which PLURAL replaces the function that would need eval.
TRANSLATIONS = re.compile(r'<script src="[^"]*_static/translations\.js[^"]*"></script>')
PLURAL = "_smh/plural.js"
# What every edition's pages need under the policy (scripts/site_assets/site.js), with the one
# word it may have to write, in the page's language.
SITE_SCRIPT = "_smh/site.js"
HIDE_MATCHES = N_("Hide search matches")
HEAD = re.compile(r"<head[^>]*>\s*(?:<meta charset=[^>]*>\s*)?", re.I)


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def style_values(text: str) -> set[str]:
    """The values of the page's ``style`` attributes, as the browser reads them."""
    return {html.unescape(a or b) for a, b in STYLE_ATTRIBUTE.findall(text)}


def policy(text: str, header: bool = False, styles: Iterable[str] = ()) -> str:
    """The policy for one page: the base, with hashes for the inline content the page has
    (and for the ``styles`` of other pages that it reads, as the search page does)."""
    directives = {name: list(values) for name, values in BASE.items()}
    scripts = sorted({_hash(body) for body in INLINE_SCRIPT.findall(text) if body.strip()})
    directives["script-src"] += scripts
    if OBJECT.search(text):
        directives["object-src"] = ["'self'"]
    directives["style-src"] += sorted({_hash(body) for body in INLINE_STYLE.findall(text)})
    attributes = sorted({_hash(value) for value in style_values(text) | set(styles)})
    if attributes:
        directives["style-src"] += ["'unsafe-hashes'", *attributes]
    if header:
        directives.update(HEADER_ONLY)
    return "; ".join(" ".join([name, *values]) for name, values in directives.items())


def inject(text: str, root: str = "", styles: Iterable[str] = (), hide_matches: str = "") -> str:
    """The page with its policy first in ``<head>`` (an earlier one replaced). An edition's page
    (``root``: the relative path to the site's root) also gets what it needs to keep to it: the
    plural rules before Sphinx's translations, and site.js (``hide_matches``: its word)."""
    text = INJECTED_HERE.sub("", text)
    if root:
        text = TRANSLATIONS.sub(
            lambda m: f'{BEGIN}<script src="{root}{PLURAL}"></script>{END}' + m[0], text, 1
        )
        word = html.escape(hide_matches)
        script = f'<script defer src="{root}{SITE_SCRIPT}" data-hide-matches="{word}"></script>'
        text = text.replace("</head>", f"{BEGIN}{script}{END}</head>", 1)
    head = HEAD.search(text)
    if not head:
        return text
    meta = f'{BEGIN}<meta http-equiv="Content-Security-Policy" content="{policy(text, styles=styles)}">{END}'
    return text[: head.end()] + meta + text[head.end() :]


def header(text: str) -> str:
    """The policy to send as a header with the page: its own, and frame-ancestors."""
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', text)
    return (
        (meta[1] if meta else policy(text))
        + "; "
        + "; ".join(" ".join([name, *values]) for name, values in HEADER_ONLY.items())
    )
