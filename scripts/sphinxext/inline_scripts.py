"""No inline scripts in the pages, so that they keep to a strict Content-Security-Policy.

pydata-sphinx-theme 0.24 adds two inline scripts to every page, neither of which the site needs:

- ``DOCUMENTATION_OPTIONS.pagename = '…'`` feeds the theme's own version switcher, which the site
  does not use (its edition menus are plain links, scripts/site_menus.py);
- ``DOCUMENTATION_OPTIONS.search_as_you_type = false`` repeats the default: the theme's script
  reads a missing value as false.

They are taken out of the page's scripts. Any other inline script an extension or a theme adds is
a warning ``smh.inline_script`` (an error in the strict build): it would need a hash in the
site's policy (scripts/site_csp.py), so it should be a file in ``_static`` instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

UNUSED = ("DOCUMENTATION_OPTIONS.pagename = ", "DOCUMENTATION_OPTIONS.search_as_you_type = false;")


def drop_inline_scripts(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    scripts = context.get("script_files")
    if not isinstance(scripts, list):
        return
    kept = []
    for script in scripts:
        body = getattr(script, "attributes", {}).get("body", "")
        if getattr(script, "filename", None) or not body:
            kept.append(script)
        elif not body.startswith(UNUSED):
            logger.warning(
                "an inline script on page %s: make it a file in _static (the site's "
                "Content-Security-Policy allows scripts from files only): %.60r",
                pagename,
                body,
                type="smh",
                subtype="inline_script",
            )
            kept.append(script)
    scripts[:] = kept


def setup(app: Sphinx) -> dict[str, object]:
    # After the theme's own handler (priority 500), which adds them.
    app.connect("html-page-context", drop_inline_scripts, priority=900)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
