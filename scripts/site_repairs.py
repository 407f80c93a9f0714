"""Repairs of invalid markup in the pages of editions built before the HTML gate.

2026.1 and 2026.2 were built, from their own commits, before ``make check-html`` (the Nu Html
Checker) gated the site. Their pages have three kinds of invalid markup, each mechanical, and each
fixed at its source since (pages built now do not have them):

- ARIA roles on the parts of an HTML table (``<table role="table">``, ``<tr role="row">``,
  ``<th role="rowheader">``, ``<td role="cell">``: the clinic directory's table). HTML forbids
  them inside a table; each repeats the element's own role, so dropping it changes no meaning
  (scripts/sphinxext/clinic_directory.py writes none now);
- ``aria-controls`` on a sphinx-design tab's ``<label for=…>``, which HTML does not allow on a
  label of a form control: it moves to the radio button the label names, as
  scripts/sphinxext/valid_html.py does now;
- Sphinx's internal ``translated="True"`` flag on translated ``<meta>`` tags, dropped as
  valid_html.py does now.

``repair()`` is applied when the site is assembled (scripts/assemble_site.py), to the pages of
every edition but ``dev``, before the menus and the policy are added; an edition is otherwise
published exactly as its commit builds it (tests/test_releases.py compares the two with this
repair). It changes nothing in a page that has none of these.
"""

from __future__ import annotations

import re

# A table part's tag, and a role on it that only repeats what the element already is.
TABLE_TAG = re.compile(r"<(?:table|thead|tbody|tfoot|tr|td|th)\b[^>]*>", re.I)
TABLE_ROLE = re.compile(r'\srole="(?:table|rowgroup|row|cell|rowheader|columnheader)"', re.I)
# sphinx-design 0.x: <label aria-controls="PANEL" class="sd-tab-label" for="INPUT">.
TAB_LABEL = re.compile(r'<label aria-controls="([^"]*)"( class="sd-tab-label" for="([^"]*)")>')
META_FLAG = re.compile(r'(<meta\b[^>]*?)\stranslated="True"', re.I)


def repair(text: str) -> str:
    """The page with the three kinds of invalid markup above repaired (and nothing else changed)."""
    text = TABLE_TAG.sub(lambda tag: TABLE_ROLE.sub("", tag[0]), text)
    moved: dict[str, str] = {}

    def label(match: re.Match[str]) -> str:
        moved[match[3]] = match[1]
        return f"<label{match[2]}>"

    text = TAB_LABEL.sub(label, text)
    for input_id, panel in moved.items():
        text = re.sub(
            rf'<input (?=[^>]*\bid="{re.escape(input_id)}")',
            f'<input aria-controls="{panel}" ',
            text,
            count=1,
        )
    return META_FLAG.sub(r"\1", text)
