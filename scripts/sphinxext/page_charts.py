"""Charts drawn at build time from the page itself, so their words are translated with it.

    :::{table-chart} Økning i uttak av opioider fra 2011 til 2019
    :name: education-figure-opioid-trend
    :table: education-table-opioids
    :labels: 1
    :values: 2
    :alt: Liggende stolper …
    :::

draws bars from a table on the same page: the labels from one column, the values from another
(read as the page shows them: ``561 917``, ``13 %``, ``8,3``), and the value column's header as the
axis title. The chart cannot disagree with its table, and once a translation has replaced the
table's words, the chart shows the translated words.

    :::{sketch-chart} Aktivitet over tid
    :name: education-figure-boom-bust
    :alt: …
    :series: 2 9 1 1 8; 4 4 4 4 4

    Boom–bust
    : Topper og fall.

    Pacing
    : Et jevnt nivå.
    :::

draws schematic curves (no ticks, no numbers) for shapes a source describes in words; each curve
takes its name from the legend's terms, in order. Alt text is translatable too.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from languages import language as language_of
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from charts import Bar, grouped_bars, sketch_lines

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)
NUMBER = re.compile(r"-?\d[\d\s\u00a0\u202f.,]*")


def warn(message: str, *args: object, location: Any = None) -> None:
    logger.warning(message, *args, location=location, type="smertehandboka", subtype="page_charts")


class page_chart(nodes.General, nodes.Element, addnodes.translatable):
    """The drawing inside a figure; its alt text is a message of the page."""

    def preserve_original_messages(self) -> None:
        self["original_alt"] = self["alt"]

    def extract_original_messages(self) -> list[str]:
        return [self.get("original_alt", self["alt"])]

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        self["alt"] = translated_message
        self["translated"] = True  # Sphinx counts translated nodes for its progress figures


def parse_number(text: str, language: str | None) -> float | None:
    """A figure as the page writes it, with the separators of its language (languages.toml):
    ``561 917``, ``13 %``, ``8,3`` (nb), ``10.300`` (da) or ``10,300``, ``8.3`` (en)."""
    match = NUMBER.search(text)
    if not match:
        return None
    digits = re.sub(r"[\s\u00a0\u202f]", "", match.group(0))
    separators = language_of(language)
    digits = digits.replace(separators.thousands.strip(), "") if separators.thousands.strip() else digits
    digits = digits.replace(separators.decimal, ".")
    try:
        return float(digits)
    except ValueError:
        return None


class ChartDirective(SphinxDirective):
    required_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict[str, Any]] = {
        "name": directives.unchanged_required,
        "alt": directives.unchanged_required,
    }

    def figure(self, chart: page_chart) -> nodes.figure:
        if "alt" not in self.options:
            warn("a chart needs :alt: text", location=self.get_location())
        chart["alt"] = self.options.get("alt", "")
        chart["filename"] = nodes.make_id(
            self.options.get("name") or f"chart-{self.env.docname}-{self.lineno}"
        )
        figure = nodes.figure(classes=["page-chart"])
        self.set_source_info(figure)
        figure += chart
        text_nodes, _messages = self.state.inline_text(self.arguments[0], self.lineno)
        caption = nodes.caption(self.arguments[0], "", *text_nodes)
        caption.source, caption.line = self.get_source_info()
        figure += caption
        self.add_name(figure)
        return figure


class TableChartDirective(ChartDirective):
    option_spec: ClassVar[dict[str, Any]] = {
        **ChartDirective.option_spec,
        "table": directives.unchanged_required,
        "labels": directives.positive_int,
        "values": directives.positive_int,
    }

    def run(self) -> list[nodes.Node]:
        if "table" not in self.options:
            warn(
                "a table chart needs :table: with the name of the table on this page to draw from",
                location=self.get_location(),
            )
            return []
        chart = page_chart(
            kind="table",
            table=nodes.make_id(self.options["table"]),
            labels=self.options.get("labels", 1),
            values=self.options.get("values", 2),
        )
        self.set_source_info(chart)
        return [self.figure(chart)]


class SketchChartDirective(ChartDirective):
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        **ChartDirective.option_spec,
        "series": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        try:
            series = [[float(v) for v in part.split()] for part in self.options.get("series", "").split(";")]
        except ValueError:
            series = []
        if not series or not all(series):
            warn(
                ":series: must give each curve as numbers separated by spaces, curves separated by ';' "
                "(e.g. 1 2 3; 3 2 1), not %r",
                self.options.get("series", ""),
                location=self.get_location(),
            )
            return []
        chart = page_chart(kind="sketch", series=series)
        self.set_source_info(chart)
        figure = self.figure(chart)
        legend = nodes.legend()
        self.state.nested_parse(self.content, self.content_offset, legend)
        figure += legend
        terms = list(legend.findall(nodes.term))
        if len(terms) != len(series):
            warn("%d curves in :series: but %d named in the legend", len(series), len(terms), location=chart)
        return [figure]


def table_cells(table: nodes.table) -> tuple[list[str], list[list[str]]]:
    def texts(row: nodes.row) -> list[str]:
        return [entry.astext().strip() for entry in row.findall(nodes.entry)]

    head = next(table.findall(nodes.thead), None)
    body = next(table.findall(nodes.tbody))
    header = texts(next(head.findall(nodes.row))) if head else []
    return header, [texts(row) for row in body.findall(nodes.row)]


def draw(translator: Any, node: page_chart, path: Path) -> bool:
    """Draw the chart into ``path``; False (with a warning) when its data cannot be found."""
    if node["kind"] == "sketch":
        figure = node.parent
        terms = [term.astext() for term in figure.findall(nodes.term)]
        sketch_lines(list(zip(terms, node["series"], strict=False)), path)
        return True
    table = next((t for t in translator.document.findall(nodes.table) if node["table"] in t["ids"]), None)
    if table is None:
        warn("no table %r on this page to draw the chart from", node["table"], location=node)
        return False
    header, rows = table_cells(table)
    language = translator.config.language
    bars = []
    width = max(node["labels"], node["values"])
    for row in rows:
        if len(row) < width:
            warn(
                "table %r has no column %d: check :labels: and :values:", node["table"], width, location=node
            )
            return False
        label, shown = row[node["labels"] - 1], row[node["values"] - 1]
        value = parse_number(shown, language)
        if value is None:
            warn("%r in table %r is not a number", shown, node["table"], location=node)
            return False
        bars.append(Bar("", label, value, shown))
    grouped_bars(bars, header[node["values"] - 1] if header else "", path)
    return True


def html_image(
    translator: Any, filename: str, alt: str, css_class: str, draw: Callable[[Path], bool]
) -> None:
    """Draw an SVG into the HTML output's images and point an ``<img>`` at it."""
    name = f"{filename}.svg"
    if draw(Path(translator.builder.outdir, translator.builder.imagedir, name)):
        src = html.escape(f"{translator.builder.imgpath}/{name}")
        translator.body.append(f'<img class="{css_class}" src="{src}" alt="{html.escape(alt)}">')


def latex_image(translator: Any, filename: str, draw: Callable[[Path], bool]) -> None:
    """Draw a PDF beside the .tex file and include it at the full text width."""
    name = f"{filename}.pdf"
    if draw(Path(translator.builder.outdir) / name):
        translator.body.append(f"\n\\sphinxincludegraphics[width=\\linewidth]{{{name}}}\n")


def visit_chart_html(self: Any, node: page_chart) -> None:
    html_image(self, node["filename"], node["alt"], "page-chart-image", lambda path: draw(self, node, path))
    raise nodes.SkipNode


def visit_chart_latex(self: Any, node: page_chart) -> None:
    latex_image(self, node["filename"], lambda path: draw(self, node, path))
    raise nodes.SkipNode


def visit_chart_text(self: Any, node: page_chart) -> None:
    self.add_text(node["alt"])
    raise nodes.SkipNode


def skip(self: Any, node: nodes.Node) -> None:
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict[str, object]:
    app.add_node(
        page_chart,
        html=(visit_chart_html, None),
        latex=(visit_chart_latex, None),
        text=(visit_chart_text, None),
        man=(skip, None),
        texinfo=(skip, None),
    )
    app.add_directive("table-chart", TableChartDirective)
    app.add_directive("sketch-chart", SketchChartDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
