"""Every page links to itself in the site's other languages: a switcher and ``hreflang`` links.

The languages come from ``translations/languages.toml``: the published ones, and the page's own
language while it is being built unpublished. Each language's build is a sibling folder of the
site (``nb/``, ``en/`` …) built from the same pages, so the same page name exists in each; the
links are relative, so they work on any host and in ``_build/html/`` as well as ``_build/site/``.
With a single language there is nothing to switch to, and the switcher is left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from languages import Language, language, languages

from project_catalog import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def site_languages(current: Language) -> list[Language]:
    return [lang for lang in languages().values() if lang.published or lang.code == current.code]


def page_in(code: str, pagename: str) -> str:
    """From ``<lang>/<pagename>.html`` to the same page in another language's folder."""
    return "../" * (pagename.count("/") + 1) + f"{code}/{pagename}.html"


def add_switcher(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    current = language(app.config.language)
    choices = site_languages(current)
    if len(choices) < 2:
        context["smh_languages"] = []
        return
    context["smh_languages"] = [
        {
            "code": lang.code,
            "name": lang.name,
            "url": page_in(lang.code, pagename),
            "current": lang == current,
        }
        for lang in choices
    ]
    context["smh_languages_label"] = str(_("Språk"))
    links = "".join(
        f'\n<link rel="alternate" hreflang="{lang.code}" href="{page_in(lang.code, pagename)}">'
        for lang in choices
    )
    context["metatags"] = context.get("metatags", "") + links


def setup(app: Sphinx) -> dict[str, object]:
    app.setup_extension("project_catalog")
    app.connect("html-page-context", add_switcher)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
