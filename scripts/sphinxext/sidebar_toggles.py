"""Names for the theme's sidebar toggles, so a screen reader can say what each one opens.

pydata-sphinx-theme 0.24 puts a ``<summary>`` holding only a chevron icon beside every sidebar
entry with sub-pages; axe reports it (``summary-name``: a summary needs an accessible name). The
sidebar HTML is wrapped here and each such summary gets a visually hidden label naming its
section, in the page language ("Undersider: Nevropatisk smerte"). No script is involved.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from project_catalog import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx

TOGGLE = re.compile(
    r'(<a class="reference internal" href="[^"]*">(?P<title>[^<]*)</a>\s*<details[^>]*>\s*<summary>)'
)


def name_toggles(html: str) -> str:
    def label(match: re.Match[str]) -> str:
        text = str(_("Undersider: {section}")).format(section=match["title"])
        return f'{match.group(1)}<span class="visually-hidden">{text}</span>'

    return TOGGLE.sub(label, html)


def name_soup_toggles(soup: Any) -> None:
    for summary in soup.select("li > details > summary"):
        link = summary.parent.find_previous_sibling("a")
        if link is None or summary.select_one(".visually-hidden"):
            continue
        label = soup.new_tag("span", attrs={"class": "visually-hidden"})
        label.string = str(_("Undersider: {section}")).format(section=link.get_text())
        summary.insert(0, label)


def wrap_sidebar(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    generate = context.get("generate_toctree_html")
    if generate is None:
        return

    def generate_named(kind: str, *args: Any, **kwargs: Any) -> Any:
        result = generate(kind, *args, **kwargs)
        if isinstance(result, str):
            return name_toggles(result)
        name_soup_toggles(result)  # the theme returns (and caches) a BeautifulSoup tree
        return result

    context["generate_toctree_html"] = generate_named


def setup(app: Sphinx) -> dict[str, object]:
    app.setup_extension("project_catalog")
    app.connect("html-page-context", wrap_sidebar, priority=900)  # after the theme has set it up
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
