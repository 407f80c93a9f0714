"""The clinic directory extension on a tiny project: table, summary, chart, translation, bad data."""

import csv
import shutil
import statistics
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.errors import SphinxError

ROOTS = Path(__file__).parent / "roots"
NBSP = "\u00a0"


def soup(app, page="index.html"):
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")


def nb_number(n):
    """Norwegian digits: grouped with a no-break space from five digits on."""
    return f"{n:,}".replace(",", NBSP) if n >= 10000 else str(n)


def units():
    with (ROOTS / "test-clinic-directory" / "units.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.sphinx("html", testroot="clinic-directory")
def test_the_table_is_accessible_and_has_one_row_per_unit(app, warning):
    app.build()
    assert warning.getvalue() == ""
    table = soup(app).select_one("#table-units table")
    assert table.caption.get_text(" ", strip=True) == "Tabell 1 Enhetene i testen"
    assert all(th["scope"] == "col" for th in table.thead.find_all("th"))
    rows = table.tbody.find_all("tr")
    assert [row["id"] for row in rows] == [f"clinic-{unit['id']}" for unit in units()]
    assert [row.th["scope"] for row in rows] == ["row"] * 4
    first = {td["data-label"]: td.get_text() for td in rows[0].find_all("td")}
    assert first["Henvisninger behandlet i 2012"] == "1200"
    assert first["Konsultasjoner i alt i 2012"] == f"10{NBSP}300"
    assert first["Behandlet tverrfaglig i 2012"] == f"ca. 60{NBSP}%"
    assert first["Ventetid i uker, september 2014"] == "16"
    assert first["Personell"] == "sykepleier, psykolog"
    assert rows[0]["data-staff"] == "sykepleier psykolog" and rows[0]["data-region"] == "Helse Nord"


@pytest.mark.sphinx("html", testroot="clinic-directory")
def test_empty_figures_show_their_reason_and_sort_last(app):
    app.build()
    row = soup(app).select_one("#clinic-vest-c")
    cells = {td["data-label"]: td for td in row.find_all("td")}
    assert cells["Henvisninger behandlet i 2012"].get_text() == "Ingen drift i 2012"
    assert "data-sort" not in cells["Henvisninger behandlet i 2012"].attrs
    assert cells["Ventetid i uker, september 2014"].get_text() == "Ikke oppgitt"
    assert row.th.get_text() == "Sykehus C"  # no unit name: the hospital alone


@pytest.mark.sphinx("html", testroot="clinic-directory")
def test_the_controls_are_server_rendered_hidden_and_the_script_is_self_hosted(app):
    app.build()
    page = soup(app)
    form = page.select_one("form.clinic-directory-controls")
    assert form.has_attr("hidden")  # shown by the script, which it needs
    regions = [o["value"] for o in form.select('[data-control="region"] option')]
    assert regions == ["", "Helse Vest", "Helse Nord"]
    staff = [o["value"] for o in form.select('[data-control="staff"] option')]
    assert staff == ["", "sykepleier", "fysioterapeut", "anestesilege", "psykolog", "psykiater"]
    scripts = [s["src"] for s in page.find_all("script", src=True) if "clinic" in s["src"]]
    assert scripts and all(src.startswith("_static/") for src in scripts)
    assert (app.outdir / "_static" / "clinic-directory.js").is_file()


@pytest.mark.sphinx("html", testroot="clinic-directory")
def test_the_summary_is_computed_from_the_data(app):
    app.build()
    rows = soup(app).select_one("#table-regions").tbody.find_all("tr")
    got = {r.find_all("td")[0].get_text(): [td.get_text() for td in r.find_all("td")[1:]] for r in rows}
    data = units()
    for region, name in (("Helse Vest", "Helse Vest"), ("Helse Nord", "Helse Nord"), (None, "Hele landet")):
        members = [u for u in data if region is None or u["region"] == region]
        waiting = [int(u["waiting_weeks"]) for u in members if u["waiting_weeks"]]
        expected = [
            str(len(members)),
            str(sum("psykolog" in u["staff"] or "psykiater" in u["staff"] for u in members)),
            nb_number(sum(int(u["referrals"] or 0) for u in members)),
            nb_number(sum(int(u["consultations"] or 0) for u in members)),
            f"{statistics.median(waiting):g}".replace(".", ",") + f" ({len(waiting)} enheter)",
        ]
        assert got[name] == expected, name


@pytest.mark.sphinx("html", testroot="clinic-directory")
def test_the_chart_is_an_svg_with_alt_text_and_its_numbers_as_a_table(app):
    app.build()
    page = soup(app)
    figure = page.select_one("#figure-waiting")
    image = figure.find("img")
    assert image["src"].endswith(".svg")
    svg = (app.outdir / image["src"]).read_text(encoding="utf-8")
    assert "Sykehus A" in svg and "Sykehus B" in svg and "Sykehus C" not in svg  # text stays text
    assert "Kortest ventetid: 10 uker (Sykehus D). Lengst: 30 uker (Sykehus B)." in image["alt"]
    numbers = page.select_one("#table-waiting").tbody.find_all("tr")
    assert [[td.get_text() for td in r.find_all("td")] for r in numbers] == [
        ["Sykehus A", "Helse Nord", "16"],
        ["Sykehus B", "Helse Vest", "30"],
        ["Sykehus D", "Helse Nord", "10"],
    ]
    assert "Sykehus C (ikke oppgitt)" in page.select_one("p.clinic-chart-note").get_text()


@pytest.mark.sphinx("html", testroot="clinic-directory", confoverrides={"language": "en"})
def test_headers_and_controlled_values_are_translated_with_gettext(app):
    app.build()
    table = soup(app).select_one("#table-units table")
    heads = [th.get_text() for th in table.thead.find_all("th")]
    assert "Health region" in heads and "Referrals handled in 2012" in heads
    first = {td["data-label"]: td.get_text() for td in table.tbody.find("tr").find_all("td")}
    assert first["Personell"] == "sykepleier, psychologist"  # untranslated terms stay Norwegian
    assert first["Driftsstatus"] == "In operation"
    assert first["Konsultasjoner i alt i 2012"] == "10,300"  # English number format
    assert first["Ventetid i uker, September 2014"] == "16"
    assert (
        first["Hva skal til for mer tverrfaglig arbeid"] == "More psychologists, premises"
    )  # clinic-data.po
    rows = [
        {td["data-label"]: td.get_text() for td in tr.find_all("td")} for tr in table.tbody.find_all("tr")
    ]
    assert "Not in operation in 2012" in [row["Referrals handled in 2012"] for row in rows]
    assert "Ikke oppgitt" in [row["Ventetid i uker, September 2014"] for row in rows]  # no translation yet


@pytest.mark.sphinx("latex", testroot="clinic-directory")
def test_latex_is_a_landscape_longtable_with_repeated_header_and_legend(app, warning):
    app.build()
    assert warning.getvalue() == ""
    tex = (app.outdir / "clinics.tex").read_text(encoding="utf-8")
    start = tex.index(r"\begin{landscape}")
    table = tex[start : tex.index(r"\end{landscape}")]
    assert r"\begin{longtable}" in table and r"\endfirsthead" in table and r"\endhead" in table
    assert r"\label{\detokenize{index:table-units}}" in table
    assert r"\textbf{Henv. 2012}: Henvisninger behandlet i 2012" in table
    assert table.count(r"\multicolumn{9}{l}{\textbf{Helse") == 2  # one heading per region with units
    assert "10\u00a0300" in table or r"10~300" in table
    assert (app.outdir / "figure-waiting.pdf").is_file()
    assert r"\sphinxincludegraphics[width=\linewidth]{figure-waiting.pdf}" in tex


def test_bad_data_stops_the_build_before_anything_is_written(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-clinic-directory-bad", srcdir)
    with pytest.raises(SphinxError) as error:
        make_app("html", srcdir=srcdir).build()
    assert f"{srcdir / 'units.csv'}:3: referrals: -300 is out of range: must be at least 0" in str(
        error.value
    )
    assert not list(srcdir.rglob("*.html"))
