"""Draw the theme's few icons as SVG in a stylesheet, so pages need no icon font and no icon script.

pydata-sphinx-theme shows its icons (menu, search, light and dark mode, previous and next...)
with Font Awesome: a 22 KB (gzip) script on every page and a 115 KB WOFF2 font on the first
visit, for about a dozen glyphs. This script reads those glyphs from the theme's own font (so
they are the theme's icons, at its pinned version) and writes them into
``source/_static/css/icons.css`` as CSS masks with ``data:`` SVGs, coloured by the text colour.
The templates in ``source/_templates`` leave the script out; conf.py adds the stylesheet.

    python scripts/theme_icons.py            # write source/_static/css/icons.css
    python scripts/theme_icons.py --check    # exit 1 when the file is not what the theme gives

Font Awesome Free's icons are CC BY 4.0 (Fonticons, Inc.); the stylesheet says so.
"""

from __future__ import annotations

import argparse
import re
import sys
import urllib.parse
from collections.abc import Sequence
from pathlib import Path

import pydata_sphinx_theme
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.ttLib import TTFont

PROJECT = Path(__file__).resolve().parent.parent
OUTPUT = PROJECT / "source" / "_static" / "css" / "icons.css"
# Every icon the theme's templates and ours show (tests/test_theme_icons.py checks the built
# pages use no other).
ICONS = (
    "angle-left",
    "angle-right",
    "arrow-up",
    "bars",
    "chevron-down",
    "circle-half-stroke",
    "file-pdf",
    "house",
    "list",
    "magnifying-glass",
    "moon",
    "outdent",
    "sun",
)
STATIC = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"
FONT = STATIC / "vendor" / "fontawesome" / "webfonts" / "fa-solid-900.woff2"
CSS = STATIC / "styles" / "pydata-sphinx-theme.css"

MASK = (
    'font: inherit !important; content: "" !important; display: inline-block; width: 1em; height: 1em; '
    "background-color: currentColor; -webkit-mask: var(--smh-icon) center / contain no-repeat; "
    "mask: var(--smh-icon) center / contain no-repeat;"
)
HEADER = """\
/* The theme's icons as SVG masks: no icon font, no icon script (scripts/theme_icons.py
   writes this file from pydata-sphinx-theme {version}'s Font Awesome font; do not edit by hand).
   Icons: Font Awesome Free by Fonticons, Inc., CC BY 4.0, https://fontawesome.com/license/free */
.fa-solid, .fa-regular, .fa-brands {{ font-family: inherit !important; }}
.fa-solid::before {{
  content: "" !important;
  display: inline-block;
  width: 1.25em;
  height: 1em;
  vertical-align: -0.125em;
  background-color: currentColor;
  -webkit-mask: var(--smh-icon) center / contain no-repeat;
  mask: var(--smh-icon) center / contain no-repeat;
}}
"""


def codepoints(css: str) -> dict[str, int]:
    """Icon name → codepoint, from the theme's Font Awesome rules ``.fa-moon{--fa:"\\f186"}``."""
    found = {}
    for selectors, code in re.findall(r'((?:\.fa-[a-z0-9-]+,?)+)\{--fa:"\\([0-9a-f]+)"', css):
        for name in re.findall(r"\.fa-([a-z0-9-]+)", selectors):
            found[name] = int(code, 16)
    return found


def svg(font: TTFont, codepoint: int) -> str:
    glyph_name = font.getBestCmap()[codepoint]
    glyphs = font.getGlyphSet()
    pen = SVGPathPen(glyphs)
    glyphs[glyph_name].draw(pen)
    width = glyphs[glyph_name].width
    ascent = font["hhea"].ascent
    height = ascent - font["hhea"].descent
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}">'
        f'<path transform="matrix(1 0 0 -1 0 {ascent})" d="{pen.getCommands()}"/></svg>'
    )


def css_icons(css: str) -> dict[str, int]:
    """The theme's icon variables (``--pst-icon-note: var(--pst-icon-info-circle)``,
    ``--pst-icon-info-circle: "\uf05a"``), each resolved to its codepoint."""
    raw = dict(re.findall(r"(--pst-(?:icon-[a-z-]+|breadcrumb-divider)):([^;}]*)", css))
    found = {}
    for name in raw:
        value = raw[name]
        while value.startswith("var("):
            value = raw.get(value[4:-1], "")
        glyph = value.strip().strip('"').strip()
        if len(glyph) == 1:
            found[name] = ord(glyph)
    return found


def pseudo_element_rules(css: str, font: TTFont) -> list[str]:
    """The theme's pseudo-element icons (breadcrumb dividers, admonition titles, external and
    download links...) use the icon font through ``font: var(--fa-font-solid)`` and a ``content``
    variable: each gets its SVG, and the rules that set the font draw the mask instead."""
    icons = css_icons(css)
    cmap = font.getBestCmap()
    rules = []
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        selectors = selectors.strip()
        if selectors.startswith("@") or ":" not in selectors:
            continue
        used = re.search(r"content:var\((--pst-[a-z-]+)\)", body)
        if used and used[1] in icons and icons[used[1]] in cmap:
            rules.append(f'{selectors} {{ --smh-icon: url("{uri(svg(font, icons[used[1]]))}"); }}\n')
        if "font:var(--fa-font-solid)" in body:
            rules.append(f"{selectors} {{ {MASK} }}\n")
    return rules


def uri(drawing: str) -> str:
    return "data:image/svg+xml," + urllib.parse.quote(drawing.replace('"', "'"), safe=" /=:'(),")


def stylesheet() -> str:
    font = TTFont(FONT)
    css = CSS.read_text(encoding="utf-8")
    known = codepoints(css)
    rules = [HEADER.format(version=pydata_sphinx_theme.__version__)]
    for name in ICONS:
        rules.append(f'.fa-{name} {{ --smh-icon: url("{uri(svg(font, known[name]))}"); }}\n')
    rules.append("/* The theme's icons drawn by its stylesheet, before or after an element. */\n")
    rules.extend(pseudo_element_rules(css, font))
    return "".join(rules)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare with the written file")
    args = parser.parse_args(argv)
    text = stylesheet()
    if args.check:
        if not OUTPUT.is_file() or OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT.relative_to(PROJECT)}: not what the theme's icon font gives: run {__file__}")
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
