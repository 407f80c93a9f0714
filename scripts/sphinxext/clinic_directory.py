"""The clinic directory: a table, per-region summaries and a chart, all rendered from checked data.

    :::{clinic-directory} Smerteenhetene i kartleggingen
    :name: guideline-table-clinics
    :::

    :::{clinic-summary} Enheter, aktivitet og ventetid per helseregion
    :name: guideline-table-clinic-regions
    :::

    :::{clinic-waiting-chart} Ventetid per enhet, gruppert etter helseregion
    :name: guideline-figure-clinic-waiting
    :table-name: guideline-table-clinic-waiting
    :::

The data is ``clinic_directory_data`` (a CSV under the source folder, with its Table Schema
beside it; ``scripts/clinic_data.py``). It is checked when the builder starts: bad data stops
the build before any page is read or written, with every problem as ``FILE:LINE: column: …``.

HTML gets an accessible table (caption, scoped headers, one row per unit) that a small
self-hosted script makes sortable by any column and filterable by region and staff category; on
a phone each unit reads as a card. LaTeX gets a landscape longtable whose header repeats on every
page, with short headers explained in a legend. Every header, controlled value and sentence made
here is translatable (catalogue ``smertehandboka``); dates come from the data, never from prose.
"""

from __future__ import annotations

import functools
import hashlib
import html
import statistics
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.errors import SphinxError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.texescape import escape as latex_escape

from charts import Bar, grouped_bars
from number_format import format_month, format_number, format_percent
from page_charts import html_image, latex_image, skip
from project_catalog import N_, _, clinic_text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import clinic_data
from clinic_data import Clinic, check_clinics, read_clinics, schema_path

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.text import TextTranslator

logger = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"

# The controlled values' words in Bokmål (the catalogue's msgids), translated where they are shown;
# plain strings, so the site assembly reads the same words for the data package (clinic_package.py).
REGIONS = {
    "Helse Sør-Øst": N_("Helse Sør-Øst"),
    "Helse Vest": N_("Helse Vest"),
    "Helse Midt-Norge": N_("Helse Midt-Norge"),
    "Helse Nord": N_("Helse Nord"),
}
STAFF = {
    "sykepleier": N_("sykepleier"),
    "fysioterapeut": N_("fysioterapeut"),
    "anestesilege": N_("anestesilege"),
    "psykolog": N_("psykolog"),
    "psykiater": N_("psykiater"),
    "fysikalsk-medisiner": N_("fysikalsk medisiner"),
    "gynekolog": N_("gynekolog"),
    "onkolog": N_("onkolog"),
    "reumatolog": N_("revmatolog"),
    "sosionom": N_("sosionom"),
    "lege": N_("lege (spesialitet ikke oppgitt)"),
}
STATUS = {
    "i-drift": N_("I drift"),
    "ingen-drift-2012": N_("Ingen drift i 2012"),
    "oppstart-oktober-2014": N_("Oppstart oktober 2014"),
    "ikke-i-drift": N_("Ikke i drift"),
}
# The guide's test for interdisciplinary work: a psychologist or psychiatrist on the team.
MENTAL_HEALTH_STAFF = ("psykolog", "psykiater")
DASH = "–"


class ClinicDataError(SphinxError):
    category = "Clinic data error"


class clinic_directory(nodes.General, nodes.Element):  # lower case, like docutils nodes
    """The directory table; ``clinics`` holds the rows as plain dicts, the caption is a child."""


class clinic_chart(nodes.General, nodes.Element):
    """A chart inside a figure; ``bars``, ``alt`` and ``xlabel`` say what to draw."""


def warn(message: str, *args: object, location: Any = None) -> None:
    logger.warning(message, *args, location=location, type="smertehandboka", subtype="clinic_directory")


def label(table: dict[str, Any], code: str, location: Any = None) -> str:
    if code not in table:
        warn("no label for the controlled value %r; add it to clinic_directory.py", code, location=location)
        return code
    return str(_(table[code]))


# Data -------------------------------------------------------------------------------------------


def data_path(srcdir: Path, config: Config) -> Path:
    return Path(srcdir) / config.clinic_directory_data


def data_schema(srcdir: Path, config: Config) -> Path:
    """``clinic_directory_schema`` (relative to the source folder), else the one beside the data."""
    configured = config.clinic_directory_schema
    return Path(srcdir) / configured if configured else schema_path(data_path(srcdir, config))


@functools.cache
def _read(path: Path, schema: Path, mtime: float) -> tuple[Clinic, ...]:
    return tuple(read_clinics(path, schema))


def load(srcdir: Path, config: Config) -> tuple[Clinic, ...]:
    path = data_path(srcdir, config)
    return _read(path, data_schema(srcdir, config), path.stat().st_mtime)


def _digest(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes() if path.is_file() else b"(missing)")
    return digest.hexdigest()


def check_data(app: Sphinx) -> None:
    """Stop before anything is read or written when the data has any problem.

    The data, its schema and the checker are remembered by their digest once they pass, so a
    build in which none of them changed does not check (nor import frictionless) again.
    """
    if not app.config.clinic_directory_data:
        return
    path, schema = data_path(app.srcdir, app.config), data_schema(app.srcdir, app.config)
    digest = _digest(path, schema, Path(clinic_data.__file__))
    if getattr(app.env, "smh_clinic_data_checked", None) == digest:
        return
    problems = check_clinics(path, schema)
    if problems:
        raise ClinicDataError("\n" + "\n".join(map(str, problems)))
    app.env.smh_clinic_data_checked = digest


def single(values: Sequence[Any], what: str, location: Any) -> Any:
    """The one date all figures of a column refer to (a header names it)."""
    distinct = sorted(set(values))
    if len(distinct) > 1:
        warn(
            "the %s differs between rows (%s); the header shows the first", what, distinct, location=location
        )
    return distinct[0]


def interdisciplinary_share(clinic: Clinic) -> float | None:
    """For sorting only: the share of referrals handled interdisciplinarily, in per cent."""
    if clinic.interdisciplinary_percent is not None:
        return clinic.interdisciplinary_percent
    if clinic.interdisciplinary_referrals is not None and clinic.referrals:
        return 100 * clinic.interdisciplinary_referrals / clinic.referrals
    return None


def approximately(text: str, approximate: bool) -> str:
    return str(_("ca. {value}")).format(value=text) if approximate else text


def interdisciplinary_text(clinic: Clinic, language: str) -> str:
    if clinic.interdisciplinary_referrals is not None:
        number = format_number(clinic.interdisciplinary_referrals, language)
        return approximately(number, clinic.interdisciplinary_approximate)
    if clinic.interdisciplinary_percent is not None:
        percent = format_percent(clinic.interdisciplinary_percent, language)
        return approximately(percent, clinic.interdisciplinary_approximate)
    return str(clinic_text(clinic.interdisciplinary_text)) if clinic.interdisciplinary_text else DASH


def figure_or_reason(value: int | None, reason: str, language: str) -> str:
    if value is not None:
        return format_number(value, language)
    return str(clinic_text(reason)) if reason else DASH


# Columns: what each header says and how each cell reads ----------------------------------------


def figure(key: str, head: str, short: str, **dates: object) -> dict[str, Any]:
    """A column of figures: right-aligned, numeric sort, its short header explained in the legend."""
    return {
        "key": key,
        "head": head.format(**dates),
        "short": short.format(**dates),
        "number": True,
        "legend": True,
    }


def columns(clinics: Sequence[Clinic], language: str, location: Any) -> list[dict[str, Any]]:
    year = single([c.activity_year for c in clinics], "activity year", location)
    year_month = single([c.waiting_month for c in clinics], "waiting-time month", location)
    month = format_month(*year_month, language)
    return [
        {"key": "unit", "head": _("Enhet"), "short": _("Enhet")},
        {"key": "region", "head": _("Helseregion"), "short": _("Region")},
        {"key": "centre", "head": _("Regionalt smertesenter"), "short": _("Reg."), "legend": True},
        {"key": "staff", "head": _("Personell"), "short": _("Personell")},
        figure("referrals", str(_("Henvisninger behandlet i {year}")), str(_("Henv. {year}")), year=year),
        figure(
            "interdisciplinary", str(_("Behandlet tverrfaglig i {year}")), str(_("Tverrf. {year}")), year=year
        ),
        figure("consultations", str(_("Konsultasjoner i alt i {year}")), str(_("Kons. {year}")), year=year),
        figure("waiting", str(_("Ventetid i uker, {month}")), str(_("Vent.")), month=month),
        {"key": "status", "head": _("Driftsstatus"), "short": _("Status")},
        {"key": "needs", "head": _("Hva skal til for mer tverrfaglig arbeid"), "short": _("Behov")},
    ]


def cells(clinic: Clinic, language: str) -> dict[str, tuple[str, str | float | None]]:
    """Per column: the text shown and the value it sorts by (``None``: always last)."""
    staff = [label(STAFF, code) for code in clinic.staff]
    return {
        "unit": (clinic.name, clinic.name),
        "region": (label(REGIONS, clinic.region), list(REGIONS).index(clinic.region)),
        "centre": (str(_("ja")) if clinic.regional_centre else DASH, int(clinic.regional_centre)),
        "staff": (", ".join(staff) or DASH, len(staff)),
        "referrals": (
            figure_or_reason(clinic.referrals, clinic.activity_missing_reason, language),
            clinic.referrals,
        ),
        "interdisciplinary": (interdisciplinary_text(clinic, language), interdisciplinary_share(clinic)),
        "consultations": (
            format_number(clinic.consultations, language) if clinic.consultations is not None else DASH,
            clinic.consultations,
        ),
        "waiting": (
            figure_or_reason(clinic.waiting_weeks, clinic.waiting_missing_reason, language),
            clinic.waiting_weeks,
        ),
        "status": (label(STATUS, clinic.status), list(STATUS).index(clinic.status)),
        "needs": (str(clinic_text(clinic.needs)) if clinic.needs else DASH, clinic.needs or None),
    }


# Summaries --------------------------------------------------------------------------------------


def region_summary(clinics: Sequence[Clinic]) -> list[dict[str, Any]]:
    """Per region (and for the whole country): counts, sums and the median waiting time."""

    def summarise(name: str, units: Sequence[Clinic]) -> dict[str, Any]:
        waiting = [c.waiting_weeks for c in units if c.waiting_weeks is not None]
        return {
            "region": name,
            "units": len(units),
            "mental_health": sum(any(s in c.staff for s in MENTAL_HEALTH_STAFF) for c in units),
            "referrals": sum(c.referrals or 0 for c in units),
            "consultations": sum(c.consultations or 0 for c in units),
            "median_waiting": statistics.median(waiting) if waiting else None,
            "waiting_units": len(waiting),
        }

    rows = [summarise(region, [c for c in clinics if c.region == region]) for region in REGIONS]
    rows.append(summarise("", list(clinics)))
    return rows


# Directives -------------------------------------------------------------------------------------


class ClinicDirective(SphinxDirective):
    has_content = False
    required_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict[str, Any]] = {"name": directives.unchanged, "class": directives.class_option}

    def clinics(self) -> tuple[Clinic, ...]:
        self.env.note_dependency(str(data_path(self.env.srcdir, self.config)))
        self.env.note_dependency(str(data_schema(self.env.srcdir, self.config)))
        return load(self.env.srcdir, self.config)

    def caption(self) -> nodes.caption:
        text_nodes, _messages = self.state.inline_text(self.arguments[0], self.lineno)
        caption = nodes.caption(self.arguments[0], "", *text_nodes)
        caption.source, caption.line = self.get_source_info()
        return caption


class ClinicDirectoryDirective(ClinicDirective):
    def run(self) -> list[nodes.Node]:
        clinics = self.clinics()
        node = clinic_directory(clinics=[asdict(c) for c in clinics], classes=self.options.get("class", []))
        self.set_source_info(node)
        node += self.caption()
        self.add_name(node)
        if not node["ids"]:
            node["ids"].append(nodes.make_id("clinic-directory"))
        return [node]


def docutils_table(
    caption: nodes.caption, header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int]
) -> nodes.table:
    """A plain table (the ``numeric`` columns right-aligned) that every builder renders natively."""
    table = nodes.table(classes=["clinic-table"])
    table += nodes.title(caption.rawsource, "", *caption.children)
    table[0].source, table[0].line = caption.source, caption.line
    group = nodes.tgroup(cols=len(header))
    table += group
    for _column in header:
        group += nodes.colspec(colwidth=1)
    head, body = nodes.thead(), nodes.tbody()
    group += head
    group += body
    for target, values in ((head, [header]), (body, rows)):
        for values_row in values:
            row = nodes.row()
            for position, value in enumerate(values_row):
                entry = nodes.entry(classes=["text-right"] if position in numeric else [])
                entry += nodes.paragraph(value, value, translatable=False)  # made in the page language
                row += entry
            target += row
    return table


class ClinicSummaryDirective(ClinicDirective):
    def run(self) -> list[nodes.Node]:
        clinics = self.clinics()
        language = self.config.language
        year = single([c.activity_year for c in clinics], "activity year", self.get_location())
        month = format_month(
            *single([c.waiting_month for c in clinics], "month", self.get_location()), language
        )
        header = [
            str(_("Helseregion")),
            str(_("Enheter")),
            str(_("Med psykolog eller psykiater")),
            str(_("Henvisninger behandlet i {year}")).format(year=year),
            str(_("Konsultasjoner i alt i {year}")).format(year=year),
            str(_("Median ventetid i uker, {month}")).format(month=month),
        ]
        rows = []
        for summary in region_summary(clinics):
            median = summary["median_waiting"]
            waiting = (
                str(_("{median} ({n} enheter)")).format(
                    median=format_number(median, language), n=summary["waiting_units"]
                )
                if median is not None
                else DASH
            )
            rows.append(
                [
                    label(REGIONS, summary["region"]) if summary["region"] else str(_("Hele landet")),
                    format_number(summary["units"], language),
                    format_number(summary["mental_health"], language),
                    format_number(summary["referrals"], language),
                    format_number(summary["consultations"], language),
                    waiting,
                ]
            )
        table = docutils_table(self.caption(), header, rows, numeric=range(1, len(header)))
        table["classes"].append("clinic-summary")
        self.set_source_info(table)
        self.add_name(table)
        return [table]


class ClinicWaitingChartDirective(ClinicDirective):
    option_spec: ClassVar[dict[str, Any]] = {
        **ClinicDirective.option_spec,
        "table-name": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        clinics = self.clinics()
        language = self.config.language
        month = format_month(
            *single([c.waiting_month for c in clinics], "month", self.get_location()), language
        )
        with_time = [c for c in clinics if c.waiting_weeks is not None]
        without = [c for c in clinics if c.waiting_weeks is None]
        bars = [
            Bar(
                label(REGIONS, c.region),
                c.hospital,
                c.waiting_weeks,
                format_number(c.waiting_weeks, language),
            )
            for c in with_time
        ]
        shortest = min(c.waiting_weeks for c in with_time)
        longest = max(c.waiting_weeks for c in with_time)
        alt = str(
            _(
                "Liggende stolpediagram over ventetiden i uker i {month} for {n} smerteenheter, gruppert "
                "etter helseregion. Kortest ventetid: {shortest} uker ({short_units}). Lengst: {longest} "
                "uker ({long_units}). Alle tallene står i tabellen under figuren."
            )
        ).format(
            month=month,
            n=len(with_time),
            shortest=shortest,
            short_units=", ".join(c.hospital for c in with_time if c.waiting_weeks == shortest),
            longest=longest,
            long_units=", ".join(c.hospital for c in with_time if c.waiting_weeks == longest),
        )
        chart = clinic_chart(
            bars=[asdict(bar) for bar in bars],
            alt=alt,
            xlabel=str(_("Ventetid i uker, {month}")).format(month=month),
            filename=nodes.make_id(
                self.options.get("name") or f"clinic-waiting-{self.env.docname}-{self.lineno}"
            ),
        )
        figure = nodes.figure(classes=["clinic-chart"])
        self.set_source_info(figure)
        figure += chart
        figure += self.caption()
        self.add_name(figure)
        rows = [
            [c.hospital, label(REGIONS, c.region), format_number(c.waiting_weeks, language)]
            for c in with_time
        ]
        header = [
            str(_("Enhet")),
            str(_("Helseregion")),
            str(_("Ventetid i uker, {month}")).format(month=month),
        ]
        caption = nodes.caption(
            "", str(_("Tallene i figuren: ventetid per enhet, {month}")).format(month=month)
        )
        caption.source, caption.line = self.get_source_info()
        data = docutils_table(caption, header, rows, numeric=[2])
        data[0]["translatable"] = False  # a caption made here, in the page language
        if "table-name" in self.options:
            data["names"].append(nodes.fully_normalize_name(self.options["table-name"]))
            self.state.document.note_explicit_target(data, data)
        result: list[nodes.Node] = [figure, data]
        if without:
            note = str(_("Uten oppgitt ventetid, og derfor ikke med i figuren: {units}.")).format(
                units=", ".join(
                    f"{c.hospital} ({str(clinic_text(c.waiting_missing_reason)).lower()})" for c in without
                )
            )
            result.append(nodes.paragraph(note, note, classes=["clinic-chart-note"], translatable=False))
        return result


# HTML -------------------------------------------------------------------------------------------


def _attributes(**values: Any) -> str:
    return "".join(
        f' {name.rstrip("_").replace("_", "-")}="{html.escape(str(value))}"'
        for name, value in values.items()
        if value is not None
    )


def visit_directory_html(self: HTML5Translator, node: clinic_directory) -> None:
    language = self.config.language
    clinics = [Clinic(**row) for row in node["clinics"]]
    heads = columns(clinics, language, node)
    table_id = node["ids"][0]
    caption_id = f"{table_id}-caption"
    out = self.body
    out.append(f'<div class="clinic-directory"{_attributes(id=table_id)}>')
    out.append(controls_html(table_id, heads, clinics))
    out.append(
        '<div class="clinic-directory-scroll" role="region" tabindex="0"'
        f"{_attributes(aria_labelledby=caption_id)}>"
    )
    # No ARIA roles on the table's parts: HTML forbids them inside a table, and the phone's card
    # layout (display: block) keeps the table semantics (tests/test_browser.py asks Chromium).
    out.append('<table class="clinic-directory-table">')
    out.append(f"<caption{_attributes(id=caption_id)}>")
    self.add_fignumber(node)
    out.append(f'<span class="caption-text">{html.escape(node[0].astext())}</span></caption>')
    out.append("<thead><tr>")
    for column in heads:
        kind = "number" if column.get("number") else "text"
        out.append(
            f'<th scope="col"{_attributes(data_key=column["key"], data_type=kind)}>'
            f"{html.escape(str(column['head']))}</th>"
        )
    out.append("</tr></thead><tbody>")
    for clinic in clinics:
        row = cells(clinic, language)
        out.append(
            "<tr"
            + _attributes(
                id=f"clinic-{clinic.id}",
                data_region=clinic.region,
                data_staff=" ".join(clinic.staff),
            )
            + ">"
        )
        for column in heads:
            text, sort = row[column["key"]]
            tag = "th" if column["key"] == "unit" else "td"
            scope = "row" if tag == "th" else None
            classes = "number" if column.get("number") else None
            sort_value = None if sort is None else sort if isinstance(sort, str) else f"{sort:g}"
            out.append(
                f"<{tag}"
                + _attributes(scope=scope, class_=classes, data_label=column["head"], data_sort=sort_value)
                + ">"
                f"{html.escape(text)}</{tag}>"
            )
        out.append("</tr>")
    out.append("</tbody></table></div></div>")
    raise nodes.SkipNode


def controls_html(table_id: str, heads: Sequence[dict[str, Any]], clinics: Sequence[Clinic]) -> str:
    """The filter and sort form: hidden until the script runs, since it needs the script to work."""
    regions = [r for r in REGIONS if any(c.region == r for c in clinics)]
    staff = [s for s in STAFF if any(s in c.staff for c in clinics)]

    def select(name: str, text: str, options: list[tuple[str, str]]) -> str:
        items = "".join(
            f"<option{_attributes(value=value)}>{html.escape(label)}</option>" for value, label in options
        )
        control = f"{table_id}-{name}"
        return (
            '<div class="clinic-directory-control">'
            f"<label{_attributes(for_=control)}>{html.escape(text)}</label>"
            f"<select{_attributes(id=control, data_control=name)}>{items}</select></div>"
        )

    sort_options = [("", str(_("Rekkefølgen i kilden")))]
    for column in heads:
        head = str(column["head"])
        sort_options.append((f"{column['key']}:ascending", str(_("{column}, stigende")).format(column=head)))
        sort_options.append((f"{column['key']}:descending", str(_("{column}, synkende")).format(column=head)))
    return (
        '<form class="clinic-directory-controls" hidden'
        + _attributes(
            aria_label=str(_("Filtrer og sorter oversikten")),
            data_shown=str(_("Viser {shown} av {total} enheter.")),
            data_sorted=str(_("Sortert etter {column}, {direction}.")),
            data_ascending=str(_("stigende")),
            data_descending=str(_("synkende")),
            data_source_order=str(_("Vist i kildens rekkefølge.")),
        )
        + ">"
        + select(
            "region",
            str(_("Helseregion")),
            [("", str(_("Alle regioner")))] + [(r, label(REGIONS, r)) for r in regions],
        )
        + select(
            "staff",
            str(_("Yrkesgruppe")),
            [("", str(_("Alle yrkesgrupper")))] + [(s, label(STAFF, s)) for s in staff],
        )
        + select("sort", str(_("Sorter etter")), sort_options)
        + '<p class="clinic-directory-status" role="status" aria-live="polite"></p>'
        + "</form>"
    )


def draw_chart(node: clinic_chart, path: Path) -> bool:
    grouped_bars([Bar(**bar) for bar in node["bars"]], node["xlabel"], path)
    return True


def visit_chart_html(self: HTML5Translator, node: clinic_chart) -> None:
    html_image(self, node["filename"], node["alt"], "page-chart-image", lambda path: draw_chart(node, path))
    raise nodes.SkipNode


# LaTeX ------------------------------------------------------------------------------------------


def visit_directory_latex(self: LaTeXTranslator, node: clinic_directory) -> None:
    language = self.config.language
    clinics = [Clinic(**row) for row in node["clinics"]]
    heads = columns(clinics, language, node)
    widths = {
        "unit": "3.6cm",
        "centre": "0.7cm",
        "staff": "4.2cm",
        "referrals": "1.2cm",
        "interdisciplinary": "1.7cm",
        "consultations": "1.3cm",
        "waiting": "1.5cm",
        "status": "1.9cm",
        "needs": "5.2cm",
    }
    shown = [c for c in heads if c["key"] != "region"]  # regions head their groups instead
    spec = "".join(
        (r">{\raggedleft\arraybackslash}p{%s}" if c.get("number") else r">{\raggedright\arraybackslash}p{%s}")
        % widths[c["key"]]
        for c in shown
    )
    header = " & ".join(rf"\textbf{{{latex_escape(str(c['short']))}}}" for c in shown) + r"\\"
    out = self.body
    out.append("\n\\begin{landscape}\n\\begingroup\\footnotesize\\setlength{\\tabcolsep}{3pt}\n")
    out.append(f"\\begin{{longtable}}{{{spec}}}\n")
    out.append(f"\\caption{{{latex_escape(node[0].astext())}}}{self.hypertarget_to(node)}\\\\\n")
    out.append(f"\\hline\n{header}\n\\hline\n\\endfirsthead\n")
    continued = latex_escape(str(_("fortsatt")))
    out.append(
        f"\\multicolumn{{{len(shown)}}}{{l}}{{\\textit{{({continued})}}}}\\\\\n\\hline\n{header}\n\\hline\n"
    )
    out.append("\\endhead\n\\hline\n\\endfoot\n")
    for region in REGIONS:
        members = [c for c in clinics if c.region == region]
        if not members:
            continue
        out.append(
            f"\\multicolumn{{{len(shown)}}}{{l}}{{\\textbf{{{latex_escape(label(REGIONS, region))}}}}}\\\\*\n"
        )
        for clinic in members:
            row = cells(clinic, language)
            out.append(" & ".join(latex_escape(row[c["key"]][0]) for c in shown) + "\\\\\n")
    out.append("\\end{longtable}\n")
    legend = "; ".join(
        f"\\textbf{{{latex_escape(str(c['short']))}}}: {latex_escape(str(c['head']))}"
        for c in shown
        if c.get("legend")
    )
    out.append(f"\\par\\noindent {latex_escape(str(_('Forkortelser')))}: {legend}.\\par\n")
    out.append("\\endgroup\n\\end{landscape}\n")
    raise nodes.SkipNode


def visit_chart_latex(self: LaTeXTranslator, node: clinic_chart) -> None:
    latex_image(self, node["filename"], lambda path: draw_chart(node, path))
    raise nodes.SkipNode


# Other builders: plain text ---------------------------------------------------------------------


def visit_directory_text(self: TextTranslator, node: clinic_directory) -> None:
    clinics = [Clinic(**row) for row in node["clinics"]]
    heads = columns(clinics, self.config.language, node)
    self.new_state(0)
    self.add_text(node[0].astext())
    self.end_state()
    for clinic in clinics:
        row = cells(clinic, self.config.language)
        self.new_state(2)
        self.add_text("; ".join(f"{c['head']}: {row[c['key']][0]}" for c in heads))
        self.end_state()
    raise nodes.SkipNode


def visit_chart_text(self: TextTranslator, node: clinic_chart) -> None:
    self.add_text(node["alt"])
    raise nodes.SkipNode


def add_static_files(app: Sphinx) -> None:
    """Self-hosted script and style, for HTML builders only."""
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC))


def add_page_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if doctree is not None and next(iter(doctree.findall(clinic_directory)), None) is not None:
        app.add_css_file("clinic-directory.css")
        app.add_js_file("clinic-directory.js", loading_method="defer")


def caption_text(node: nodes.Element) -> str:
    return node[0].astext() if node.children else ""


def setup(app: Sphinx) -> dict[str, object]:
    app.setup_extension("project_catalog")
    app.add_config_value("clinic_directory_data", "", "env", types=[str])
    app.add_config_value("clinic_directory_schema", "", "env", types=[str])
    app.add_enumerable_node(
        clinic_directory,
        "table",
        caption_text,
        html=(visit_directory_html, None),
        latex=(visit_directory_latex, None),
        text=(visit_directory_text, None),
        man=(skip, None),
        texinfo=(skip, None),
    )
    app.add_node(
        clinic_chart,
        html=(visit_chart_html, None),
        latex=(visit_chart_latex, None),
        text=(visit_chart_text, None),
        man=(skip, None),
        texinfo=(skip, None),
    )
    app.add_directive("clinic-directory", ClinicDirectoryDirective)
    app.add_directive("clinic-summary", ClinicSummaryDirective)
    app.add_directive("clinic-waiting-chart", ClinicWaitingChartDirective)
    app.connect("builder-inited", check_data)
    app.connect("builder-inited", add_static_files)
    app.connect("html-page-context", add_page_assets)
    return {"version": "1", "env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}
