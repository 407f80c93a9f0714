"""The cells of a MyST table inside a ``{table}`` directive are messages for translators too.

MyST parses such a table without source positions on its cells, and Sphinx takes text without a
source for built-in text and leaves it out of the catalogues, so the cells (headers, figures with
units, "6–48 uker") would stay in Bokmål in every translation. This transform gives each of them
the table's position before Sphinx extracts or translates messages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class GiveTableCellsTheirSource(SphinxTransform):
    default_priority = 5  # before PreserveTranslatableMessages (10) and Locale (20)

    def apply(self, **kwargs: Any) -> None:
        for table in self.document.findall(nodes.table):
            source, line = table.source or self.document.get("source"), table.line
            if line is None:
                parent = table.parent
                while parent is not None and parent.line is None:
                    parent = parent.parent
                line = parent.line if parent is not None else 1
            for entry in table.findall(nodes.entry):
                for text in entry.findall(nodes.TextElement):
                    if text.source is None:
                        text.source, text.line = source, line


def setup(app: Sphinx) -> dict[str, object]:
    app.add_transform(GiveTableCellsTheirSource)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
